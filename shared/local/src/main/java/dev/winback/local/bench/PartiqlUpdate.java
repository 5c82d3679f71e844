package dev.winback.local.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PartiQL UPDATE of the form the product writes ({@code UPDATE "t" SET "a"=? … REMOVE "b" … WHERE
 * "k"=? AND …}, every value a parameter, names top-level), read for billing: the attributes it sets
 * and removes, and those its WHERE compares (the key among them).
 */
record PartiqlUpdate(String table, Map<String, AttributeValue> sets, List<String> removes,
                     Map<String, AttributeValue> where) {

    private static final Pattern UPDATE = Pattern.compile("UPDATE \"([^\"]+)\"(.*) WHERE (.*)");
    private static final Pattern CLAUSE = Pattern.compile(" (SET|REMOVE) \"([^\"]+)\"(=\\?)?");
    private static final Pattern COMPARISON = Pattern.compile("\"([^\"]+)\"=\\?");

    /** @throws IllegalArgumentException for any other statement: the meter bills only what it can read */
    static PartiqlUpdate parse(String statement, List<AttributeValue> parameters) {
        Matcher update = UPDATE.matcher(statement);
        if (!update.matches()) throw new IllegalArgumentException("not an UPDATE the meter reads: " + statement);
        int parameter = 0;
        Map<String, AttributeValue> sets = new HashMap<>();
        List<String> removes = new java.util.ArrayList<>();
        Matcher clause = CLAUSE.matcher(update.group(2));
        while (clause.find()) {
            if (clause.group(1).equals("SET")) sets.put(clause.group(2), parameters.get(parameter++));
            else removes.add(clause.group(2));
        }
        Map<String, AttributeValue> where = new HashMap<>();
        Matcher comparison = COMPARISON.matcher(update.group(3));
        while (comparison.find()) where.put(comparison.group(1), parameters.get(parameter++));
        return new PartiqlUpdate(update.group(1), sets, List.copyOf(removes), where);
    }

    /** The item after this update of {@code before} (the key alone when there was none). */
    Map<String, AttributeValue> applyTo(Map<String, AttributeValue> before, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> after = new HashMap<>(before != null ? before : key);
        after.putAll(sets);
        removes.forEach(after::remove);
        return after;
    }
}
