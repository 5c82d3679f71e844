package dev.winback.core.ingest;

import java.util.Objects;

/**
 * One reason an input was refused. {@code field} is a path into the JSON, such as
 * {@code properties.items[2].quantity}, or {@code $} for the document as a whole;
 * {@code message} says what the field must be, never what it held (values may be personal data).
 */
public record FieldError(String field, String message) {

    public static final String WHOLE_DOCUMENT = "$";
    /**
     * The most errors named for one event or one request; the rest are only counted. A hostile
     * input can hold thousands of bad fields: listing them all would overflow a DynamoDB item
     * (400 KB) or a Lambda response (6 MB), and the first hundred tell the sender enough.
     */
    public static final int MAX_LISTED = 100;

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same error seen from an enclosing document, e.g. {@code detail} or {@code events[3]}. */
    public FieldError under(String parent) {
        if (field.equals(WHOLE_DOCUMENT)) {
            return new FieldError(parent, message);
        }
        return new FieldError(field.startsWith("[") ? parent + field : parent + "." + field, message);
    }
}
