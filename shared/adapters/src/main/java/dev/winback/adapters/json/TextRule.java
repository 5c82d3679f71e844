package dev.winback.adapters.json;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A bounded string with a shape, checked the way the JSON Schema checks it: length in code points
 * (JSON Schema's {@code maxLength}), then each shape in order; the first broken one names the problem.
 */
public record TextRule(int maxLength, List<Shape> shapes) {

    public TextRule {
        shapes = List.copyOf(shapes);
    }

    public static TextRule of(int maxLength, Shape... shapes) {
        return new TextRule(maxLength, List.of(shapes));
    }

    /** Why {@code value} breaks this rule, or empty when it is acceptable. */
    public Optional<String> problemWith(String value) {
        int length = value.codePointCount(0, value.length());
        if (length == 0) {
            return Optional.of("must not be empty");
        }
        if (length > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        for (Shape shape : shapes) {
            if (!shape.accepts().test(value)) {
                return Optional.of(shape.message());
            }
        }
        return Optional.empty();
    }

    public boolean accepts(String value) {
        return problemWith(value).isEmpty();
    }

    /** One requirement on a string and the message shown when it is not met. */
    public record Shape(Predicate<String> accepts, String message) {

        /** Like a JSON Schema {@code pattern}: the regex must be found in the value. */
        public static Shape matching(String schemaRegex, String message) {
            Pattern pattern = JsonSchemaRegex.compile(schemaRegex);
            return new Shape(value -> pattern.matcher(value).find(), message);
        }

        /** Like {@code "not": {"pattern": ...}}: the regex must not be found in the value. */
        public static Shape notMatching(String schemaRegex, String message) {
            Pattern pattern = JsonSchemaRegex.compile(schemaRegex);
            return new Shape(value -> !pattern.matcher(value).find(), message);
        }
    }
}
