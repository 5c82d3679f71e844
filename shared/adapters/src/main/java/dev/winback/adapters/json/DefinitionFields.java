package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.journey.JourneyProblem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed fields out of a journey definition or a catalog and keeps going after a bad one, so
 * that one pass names every problem with its path. A method that finds a problem records it and
 * returns empty; callers build the model only when {@link #count()} did not grow.
 */
final class DefinitionFields {

    private final List<JourneyProblem> problems = new ArrayList<>();

    List<JourneyProblem> problems() {
        return List.copyOf(problems);
    }

    int count() {
        return problems.size();
    }

    void problem(String where, String message) {
        problems.add(new JourneyProblem(where.isEmpty() ? "$" : where, message));
    }

    static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void unknownFields(JsonNode object, String path, Set<String> known, String hint) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!known.contains(field.getKey())) problem(at(path, field.getKey()), "unknown field; " + hint);
        }
    }

    /** The member, or empty with "is required". */
    Optional<JsonNode> required(JsonNode object, String path, String field) {
        JsonNode node = object.get(field);
        if (node == null) problem(at(path, field), "is required");
        return Optional.ofNullable(node);
    }

    Optional<JsonNode> object(JsonNode node, String where) {
        if (node.isObject()) return Optional.of(node);
        problem(where, "must be an object, not " + kind(node));
        return Optional.empty();
    }

    Optional<JsonNode> array(JsonNode node, String where) {
        if (node.isArray()) return Optional.of(node);
        problem(where, "must be an array, not " + kind(node));
        return Optional.empty();
    }

    Optional<String> text(JsonNode node, String where) {
        if (!node.isTextual()) {
            problem(where, "must be a string, not " + kind(node));
            return Optional.empty();
        }
        if (node.textValue().isBlank()) {
            problem(where, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    Optional<String> requiredText(JsonNode object, String path, String field) {
        return required(object, path, field).flatMap(node -> text(node, at(path, field)));
    }

    /** Absent is empty and fine; present but not a string is a problem (and empty too). */
    Optional<String> optionalText(JsonNode object, String path, String field) {
        JsonNode node = object.get(field);
        return node == null ? Optional.empty() : text(node, at(path, field));
    }

    Optional<Integer> wholeNumber(JsonNode node, String where, int min, int max) {
        String requirement = "must be a whole number from " + min + " to " + max;
        if (!node.isNumber() || !node.canConvertToExactIntegral()) {
            problem(where, requirement + ", not " + kind(node));
            return Optional.empty();
        }
        BigDecimal number = node.decimalValue();
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(where, requirement);
            return Optional.empty();
        }
        return Optional.of(number.intValueExact());
    }

    Optional<Boolean> flag(JsonNode node, String where) {
        if (node.isBoolean()) return Optional.of(node.booleanValue());
        problem(where, "must be true or false, not " + kind(node));
        return Optional.empty();
    }

    /** A name from a closed set: a channel, a purpose, an operator. */
    <E> Optional<E> choice(JsonNode node, String where, Function<String, Optional<E>> lookup, String what,
                           String expected) {
        if (!node.isTextual()) {
            problem(where, "must be the name of a " + what + ", not " + kind(node));
            return Optional.empty();
        }
        Optional<E> chosen = lookup.apply(node.textValue());
        if (chosen.isEmpty()) problem(where, "unknown " + what + " \"" + node.textValue() + "\"; expected one of: " + expected);
        return chosen;
    }

    Optional<Duration> duration(JsonNode node, String where) {
        return text(node, where).flatMap(text -> {
            Optional<Duration> duration = JourneyJsonRules.duration(text);
            if (duration.isEmpty()) problem(where, JourneyJsonRules.DURATION_REQUIREMENT + ", not \"" + text + "\"");
            return duration;
        });
    }

    /** A duration that must not be zero: a wait, a timeout, a lifetime. */
    Optional<Duration> positiveDuration(JsonNode node, String where) {
        Optional<Duration> duration = duration(node, where);
        if (duration.isPresent() && duration.get().isZero()) {
            problem(where, "must be longer than zero");
            return Optional.empty();
        }
        return duration;
    }

    Optional<LocalTime> localTime(JsonNode node, String where) {
        return text(node, where).flatMap(text -> {
            Optional<LocalTime> time = JourneyJsonRules.localTime(text);
            if (time.isEmpty()) problem(where, "must be a local time HH:mm such as 09:00, not \"" + text + "\"");
            return time;
        });
    }

    Optional<MonthDay> monthDay(JsonNode node, String where) {
        return text(node, where).flatMap(text -> {
            Optional<MonthDay> day = JourneyJsonRules.monthDay(text);
            if (day.isEmpty()) problem(where, "must be a day of the year --MM-dd such as --12-24, not \"" + text + "\"");
            return day;
        });
    }

    /** Each element read by {@code element}; empty if the node is no array or any element failed. */
    <T> Optional<List<T>> list(JsonNode node, String where, ElementReader<T> element) {
        if (array(node, where).isEmpty()) return Optional.empty();
        int before = count();
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            element.read(node.get(i), where + "[" + i + "]").ifPresent(values::add);
        }
        return count() > before ? Optional.empty() : Optional.of(values);
    }

    @FunctionalInterface
    interface ElementReader<T> {
        Optional<T> read(JsonNode node, String where);
    }

    static String kind(JsonNode node) {
        return FieldReader.describe(node);
    }
}
