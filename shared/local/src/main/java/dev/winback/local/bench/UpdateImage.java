package dev.winback.local.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The item an UpdateItem leaves, computed from the item before and the update expression, so the
 * billing meter knows the after-image without asking DynamoDB for it. Covers what update
 * expressions say at the top level of an item: SET (a value, {@code if_not_exists},
 * {@code list_append}, {@code +} and {@code -}), REMOVE, ADD (numbers, sets) and DELETE (sets).
 * A nested path ({@code a.b}, {@code a[0]}) is not followed: {@link Result#exact()} says so, and
 * the caller counts the update as approximate.
 */
final class UpdateImage {

    record Result(Map<String, AttributeValue> item, boolean exact) { }

    private UpdateImage() {
    }

    static Result apply(Map<String, AttributeValue> before, String expression, Map<String, String> names,
                        Map<String, AttributeValue> values) {
        Map<String, AttributeValue> item = new HashMap<>(before);
        boolean exact = true;
        for (Clause clause : clauses(expression)) {
            for (String action : splitTopLevel(clause.body())) {
                exact &= switch (clause.verb()) {
                    case "SET" -> set(item, action, names, values);
                    case "REMOVE" -> remove(item, action.trim(), names);
                    case "ADD" -> add(item, action.trim(), names, values);
                    case "DELETE" -> delete(item, action.trim(), names, values);
                    default -> false;
                };
            }
        }
        return new Result(item, exact);
    }

    private record Clause(String verb, String body) { }

    private static List<Clause> clauses(String expression) {
        List<Clause> clauses = new ArrayList<>();
        String[] words = expression.trim().split("(?i)(?=\\b(SET|REMOVE|ADD|DELETE)\\s)");
        for (String word : words) {
            String text = word.trim();
            if (text.isEmpty()) continue;
            int space = text.indexOf(' ');
            clauses.add(new Clause(text.substring(0, space).toUpperCase(Locale.ROOT), text.substring(space + 1)));
        }
        return clauses;
    }

    /** Splits on commas outside parentheses. */
    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(body.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(body.substring(from));
        return parts;
    }

    private static boolean set(Map<String, AttributeValue> item, String action, Map<String, String> names,
                               Map<String, AttributeValue> values) {
        int equals = action.indexOf('=');
        String path = action.substring(0, equals).trim();
        if (!topLevel(path)) return false;
        AttributeValue value = operand(item, action.substring(equals + 1).trim(), names, values);
        if (value == null) return false;
        item.put(name(path, names), value);
        return true;
    }

    /** A value expression: an operand, or two joined by + or - (outside parentheses). */
    private static AttributeValue operand(Map<String, AttributeValue> item, String text, Map<String, String> names,
                                          Map<String, AttributeValue> values) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if ((c == '+' || c == '-') && depth == 0) {
                AttributeValue left = operand(item, text.substring(0, i).trim(), names, values);
                AttributeValue right = operand(item, text.substring(i + 1).trim(), names, values);
                if (left == null || right == null || left.n() == null || right.n() == null) return null;
                BigDecimal sum = c == '+' ? new BigDecimal(left.n()).add(new BigDecimal(right.n()))
                        : new BigDecimal(left.n()).subtract(new BigDecimal(right.n()));
                return AttributeValue.fromN(sum.toPlainString());
            }
        }
        if (text.startsWith(":")) return values.get(text);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("if_not_exists(") || lower.startsWith("list_append(")) {
            List<String> args = splitTopLevel(text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')));
            if (args.size() != 2) return null;
            if (lower.startsWith("if_not_exists(")) {
                String path = args.get(0).trim();
                if (!topLevel(path)) return null;
                AttributeValue existing = item.get(name(path, names));
                return existing != null ? existing : operand(item, args.get(1).trim(), names, values);
            }
            AttributeValue first = operand(item, args.get(0).trim(), names, values);
            AttributeValue second = operand(item, args.get(1).trim(), names, values);
            if (first == null || second == null || !first.hasL() || !second.hasL()) return null;
            List<AttributeValue> joined = new ArrayList<>(first.l());
            joined.addAll(second.l());
            return AttributeValue.fromL(joined);
        }
        if (!topLevel(text)) return null;
        return item.get(name(text, names));
    }

    private static boolean remove(Map<String, AttributeValue> item, String path, Map<String, String> names) {
        if (!topLevel(path)) return false;
        item.remove(name(path, names));
        return true;
    }

    private static boolean add(Map<String, AttributeValue> item, String action, Map<String, String> names,
                               Map<String, AttributeValue> values) {
        String[] parts = action.split("\\s+", 2);
        if (parts.length != 2 || !topLevel(parts[0])) return false;
        String name = name(parts[0], names);
        AttributeValue value = values.get(parts[1].trim());
        if (value == null) return false;
        AttributeValue existing = item.get(name);
        if (existing == null) {
            item.put(name, value);
        } else if (existing.n() != null && value.n() != null) {
            item.put(name, AttributeValue.fromN(new BigDecimal(existing.n()).add(new BigDecimal(value.n())).toPlainString()));
        } else if (existing.hasNs() && value.hasNs()) {
            item.put(name, AttributeValue.fromNs(union(existing.ns(), value.ns())));
        } else if (existing.hasSs() && value.hasSs()) {
            item.put(name, AttributeValue.fromSs(union(existing.ss(), value.ss())));
        } else if (existing.hasBs() && value.hasBs()) {
            item.put(name, AttributeValue.fromBs(union(existing.bs(), value.bs())));
        } else {
            return false;
        }
        return true;
    }

    private static boolean delete(Map<String, AttributeValue> item, String action, Map<String, String> names,
                                  Map<String, AttributeValue> values) {
        String[] parts = action.split("\\s+", 2);
        if (parts.length != 2 || !topLevel(parts[0])) return false;
        String name = name(parts[0], names);
        AttributeValue value = values.get(parts[1].trim());
        AttributeValue existing = item.get(name);
        if (value == null) return false;
        if (existing == null) return true;
        List<?> left = existing.hasNs() ? difference(existing.ns(), value.ns())
                : existing.hasSs() ? difference(existing.ss(), value.ss())
                : existing.hasBs() ? difference(existing.bs(), value.bs()) : null;
        if (left == null) return false;
        if (left.isEmpty()) {
            item.remove(name);
        } else if (existing.hasNs()) {
            item.put(name, AttributeValue.fromNs(existing.ns().stream().filter(left::contains).toList()));
        } else if (existing.hasSs()) {
            item.put(name, AttributeValue.fromSs(existing.ss().stream().filter(left::contains).toList()));
        } else {
            item.put(name, AttributeValue.fromBs(existing.bs().stream().filter(left::contains).toList()));
        }
        return true;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        Set<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static <T> List<T> difference(List<T> a, List<T> b) {
        Set<T> left = new LinkedHashSet<>(a);
        b.forEach(left::remove);
        return List.copyOf(left);
    }

    private static boolean topLevel(String path) {
        return !path.contains(".") && !path.contains("[");
    }

    private static String name(String path, Map<String, String> names) {
        return path.startsWith("#") ? names.get(path) : path;
    }
}
