package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed fields out of JSON objects and keeps going after a bad one, so that one pass names
 * every invalid field. A method that finds a problem records it and returns null (or empty); callers
 * build the domain value only when {@link #failed()} is false.
 */
final class FieldReader {

    private static final int MAX_QUOTED_NAME_LENGTH = 64;

    private final List<FieldError> errors = new ArrayList<>();
    private int omitted;

    /** The first {@link FieldError#MAX_LISTED} errors, in document order. */
    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** How many errors there were beyond those listed. */
    int omitted() {
        return omitted;
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    void reject(String field, String message) {
        if (errors.size() < FieldError.MAX_LISTED) {
            errors.add(new FieldError(field, message));
        } else {
            omitted++;
        }
    }

    // ---- paths -------------------------------------------------------------------------------

    static String child(String path, String name) {
        String shown = name.length() > MAX_QUOTED_NAME_LENGTH ? name.substring(0, MAX_QUOTED_NAME_LENGTH) + "…" : name;
        return path.isEmpty() ? shown : path + "." + shown;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    // ---- structure ---------------------------------------------------------------------------

    /** Names every member of {@code object} that is not in {@code known}. */
    void rejectUnknown(JsonNode object, String path, Collection<String> known, String message) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                reject(child(path, name), message);
            }
        }
    }

    /** The member when present; records "is required" otherwise. */
    JsonNode required(JsonNode object, String path, String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            reject(child(path, name), "is required");
        }
        return value;
    }

    JsonNode object(JsonNode value, String field) {
        if (!value.isObject()) {
            reject(field, "must be an object, not " + describe(value));
            return null;
        }
        return value;
    }

    // ---- scalars -----------------------------------------------------------------------------

    String text(JsonNode object, String path, String name, TextRule rule) {
        JsonNode value = required(object, path, name);
        return value == null ? null : text(value, child(path, name), rule);
    }

    Optional<String> optionalText(JsonNode object, String path, String name, TextRule rule) {
        JsonNode value = object.get(name);
        return value == null ? Optional.empty() : Optional.ofNullable(text(value, child(path, name), rule));
    }

    /** An array element or other value that is not a named member. */
    <E> E choiceAt(JsonNode value, String field, Choices<E> choices) {
        return choice(value, field, choices);
    }

    private String text(JsonNode value, String field, TextRule rule) {
        if (!value.isTextual()) {
            reject(field, "must be a string, not " + describe(value));
            return null;
        }
        Optional<String> problem = rule.problemWith(value.textValue());
        problem.ifPresent(message -> reject(field, message));
        return problem.isPresent() ? null : value.textValue();
    }

    <E> E choice(JsonNode object, String path, String name, Choices<E> choices) {
        JsonNode value = required(object, path, name);
        return value == null ? null : choice(value, child(path, name), choices);
    }

    <E> Optional<E> optionalChoice(JsonNode object, String path, String name, Choices<E> choices) {
        JsonNode value = object.get(name);
        return value == null ? Optional.empty() : Optional.ofNullable(choice(value, child(path, name), choices));
    }

    private <E> E choice(JsonNode value, String field, Choices<E> choices) {
        Optional<E> chosen = value.isTextual() ? choices.find(value.textValue()) : Optional.empty();
        if (chosen.isEmpty()) {
            reject(field, choices.requirement());
        }
        return chosen.orElse(null);
    }

    Boolean flag(JsonNode object, String path, String name) {
        JsonNode value = required(object, path, name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            reject(child(path, name), "must be true or false, not " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    /**
     * A non-negative amount below {@link ContractRules#AMOUNT_LIMIT} with at most
     * {@link ContractRules#MAX_DECIMAL_PLACES} places, kept with the scale it was written with
     * (19.90 stays 19.90). Exponent forms are accepted as JSON allows (1.5E+2 is 150), but the
     * checks compare magnitudes before anything expands, so 1E+999999999 costs nothing.
     */
    BigDecimal money(JsonNode object, String path, String name) {
        JsonNode value = required(object, path, name);
        if (value == null) {
            return null;
        }
        String field = child(path, name);
        if (!value.isNumber()) {
            reject(field, "must be a number such as 19.99, not " + describe(value));
            return null;
        }
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            reject(field, "must be a finite number");
            return null;
        }
        BigDecimal amount = value.decimalValue();
        if (amount.signum() < 0) {
            reject(field, "must not be negative");
            return null;
        }
        if (amount.compareTo(ContractRules.AMOUNT_LIMIT) >= 0) {
            reject(field, "must be less than " + ContractRules.AMOUNT_LIMIT.toPlainString());
            return null;
        }
        if (amount.stripTrailingZeros().scale() > ContractRules.MAX_DECIMAL_PLACES) {
            reject(field, "must have at most " + ContractRules.MAX_DECIMAL_PLACES + " decimal places");
            return null;
        }
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    /** A whole number in [min, max]; 3.0 counts as whole, as it does in JSON Schema. */
    Integer wholeNumber(JsonNode object, String path, String name, int min, int max) {
        JsonNode value = required(object, path, name);
        if (value == null) {
            return null;
        }
        String requirement = "must be a whole number from " + min + " to " + max;
        if (!value.isNumber() || !value.canConvertToExactIntegral()) {
            reject(child(path, name), requirement + ", not " + describe(value));
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            reject(child(path, name), requirement);
            return null;
        }
        return number.intValueExact();
    }

    Instant instant(JsonNode object, String path, String name) {
        String text = text(object, path, name, ContractRules.OCCURRED_AT);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // The pattern admits only what java.time can read; reaching here means they drifted apart.
            reject(child(path, name), ContractRules.INSTANT_MESSAGE);
            return null;
        }
    }

    /** "a string", "null", ...: the JSON type, never the value, which may be personal data. */
    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "nothing";
        };
    }
}
