package dev.winback.core.journey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether conditions hold over facts at an instant, per {@link Operator}. A missing fact fails
 * every test but {@code absent} and {@code ne}; a {@code $context.<name>} value with no such
 * context entry fails the test whatever the operator.
 */
public final class Conditions {

    private Conditions() {
    }

    public static boolean allHold(List<Condition> conditions, Facts facts, Instant now) {
        for (Condition condition : conditions) {
            if (!holds(condition, facts, now)) return false;
        }
        return true;
    }

    public static boolean holds(Condition condition, Facts facts, Instant now) {
        Optional<List<String>> resolved = resolve(condition.values(), facts);
        if (resolved.isEmpty()) return false;
        List<String> values = resolved.get();
        Optional<Fact> found = facts.get(condition.fact());
        if (found.isEmpty()) return condition.op() == Operator.ABSENT || condition.op() == Operator.NE;
        Fact fact = found.get();
        return switch (condition.op()) {
            case EQ -> equalsValue(fact, values.getFirst());
            case NE -> !equalsValue(fact, values.getFirst());
            case IN -> values.stream().anyMatch(value -> equalsValue(fact, value));
            case NOT_IN -> values.stream().noneMatch(value -> equalsValue(fact, value));
            case GT -> compare(fact, values.getFirst()).map(c -> c > 0).orElse(false);
            case GTE -> compare(fact, values.getFirst()).map(c -> c >= 0).orElse(false);
            case LT -> compare(fact, values.getFirst()).map(c -> c < 0).orElse(false);
            case LTE -> compare(fact, values.getFirst()).map(c -> c <= 0).orElse(false);
            case CONTAINS -> words(fact).contains(values.getFirst());
            case CONTAINS_NONE -> values.stream().noneMatch(words(fact)::contains);
            case EXISTS -> true;
            case ABSENT -> false;
            case WITHIN_DAYS -> age(fact, values.getFirst(), now).map(over -> !over).orElse(false);
            case OLDER_THAN_DAYS -> age(fact, values.getFirst(), now).orElse(false);
        };
    }

    /** The values with context references replaced; empty when a reference names no entry. */
    private static Optional<List<String>> resolve(List<String> values, Facts facts) {
        List<String> resolved = new ArrayList<>(values.size());
        for (String value : values) {
            if (value.startsWith(Condition.CONTEXT_REFERENCE)) {
                String name = FactNames.CONTEXT + value.substring(Condition.CONTEXT_REFERENCE.length());
                Optional<Fact> referenced = facts.get(name);
                if (referenced.isEmpty()) return Optional.empty();
                resolved.add(Facts.asText(referenced.get()));
            } else {
                resolved.add(value);
            }
        }
        return Optional.of(resolved);
    }

    private static boolean equalsValue(Fact fact, String value) {
        return switch (fact) {
            case Fact.Words words -> words.values().size() == 1 && words.values().contains(value);
            case Fact.Number number -> number(value).map(v -> v.compareTo(number.value()) == 0).orElse(false);
            case Fact.Time time -> instant(value).map(time.value()::equals).orElse(false);
            case Fact.Text text -> text.value().equals(value)
                    || number(text.value()).flatMap(n -> number(value).map(v -> v.compareTo(n) == 0)).orElse(false);
        };
    }

    /** The fact compared with the value, when both are numbers or both are times. */
    private static Optional<Integer> compare(Fact fact, String value) {
        return switch (fact) {
            case Fact.Number number -> number(value).map(number.value()::compareTo);
            case Fact.Text text -> number(text.value()).flatMap(n -> number(value).map(n::compareTo));
            case Fact.Time time -> instant(value).map(time.value()::compareTo);
            case Fact.Words words -> Optional.empty();
        };
    }

    /** A single text is a set of one word. */
    private static Set<String> words(Fact fact) {
        return switch (fact) {
            case Fact.Words words -> words.values();
            case Fact.Text text -> Set.of(text.value());
            default -> Set.of();
        };
    }

    /** Whether a time lies more than the value's days before now; empty when either is not what it must be. */
    private static Optional<Boolean> age(Fact fact, String days, Instant now) {
        if (!(fact instanceof Fact.Time time)) return Optional.empty();
        return number(days).map(d -> {
            Duration span = Duration.ofSeconds(d.multiply(BigDecimal.valueOf(86_400)).longValue());
            return time.value().isBefore(now.minus(span));
        });
    }

    private static Optional<BigDecimal> number(String value) {
        try {
            return Optional.of(new BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
