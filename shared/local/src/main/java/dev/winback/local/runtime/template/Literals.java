package dev.winback.local.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * Reads values that must be written literally in the template. An intrinsic function there would
 * need a deployed stack to resolve, so it is refused with the exact place named.
 */
final class Literals {

    private Literals() {
    }

    static String text(JsonNode node, String where) {
        requireLiteral(node, where);
        if (!node.isValueNode() || node.isNull()) {
            throw new TemplateException(where + " must be a literal value, found " + describe(node));
        }
        return node.asText();
    }

    static long number(JsonNode node, String where) {
        String text = text(node, where);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(where + " must be a whole number, found \"" + text + "\"");
        }
    }

    static boolean flag(JsonNode node, String where) {
        String text = text(node, where);
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new TemplateException(where + " must be true or false, found \"" + text + "\"");
        };
    }

    /** Fails if {@code node} or anything inside it is an intrinsic function. */
    static void requireLiteral(JsonNode node, String where) {
        if (isIntrinsic(node)) {
            throw new TemplateException(where + " uses " + node.properties().iterator().next().getKey()
                    + "; the local runtime needs a literal value here");
        }
        if (node.isObject()) {
            node.properties().forEach(e -> requireLiteral(e.getValue(), where + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireLiteral(node.get(i), where + "[" + i + "]");
            }
        }
    }

    static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.properties().iterator().next().getKey();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    private static String describe(JsonNode node) {
        if (node.isMissingNode()) {
            return "nothing";
        }
        return node.isObject() ? "a mapping" : node.isArray() ? "a list" : node.toString();
    }
}
