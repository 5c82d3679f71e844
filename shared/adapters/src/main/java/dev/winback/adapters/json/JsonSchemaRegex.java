package dev.winback.adapters.json;

import java.util.regex.Pattern;

/**
 * Compiles a JSON Schema (ECMA-262) pattern for java.util.regex so that both mean the same thing.
 * The one difference our patterns meet: ECMA's {@code $} matches only at the end of the input, while
 * Java's also matches before a final line break, which would let {@code "c-1\n"} pass as an id.
 */
final class JsonSchemaRegex {

    private JsonSchemaRegex() {
    }

    static Pattern compile(String schemaRegex) {
        String java = schemaRegex.endsWith("$") && !schemaRegex.endsWith("\\$")
                ? schemaRegex.substring(0, schemaRegex.length() - 1) + "\\z"
                : schemaRegex;
        return Pattern.compile(java);
    }
}
