package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Small edits of an event at a path such as {@code properties.items[1].quantity}, giving JSON text. */
final class JsonEdits {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NUMBER_PLACEHOLDER = "__number__";

    private JsonEdits() {
    }

    static Function<ObjectNode, String> set(String path, Object value) {
        return event -> {
            setAt(event, path, node(value));
            return ContractJson.write(event);
        };
    }

    static Function<ObjectNode, String> remove(String path) {
        return event -> {
            int dot = path.lastIndexOf('.');
            JsonNode parent = dot < 0 ? event : at(event, path.substring(0, dot));
            ((ObjectNode) parent).remove(path.substring(dot + 1));
            return ContractJson.write(event);
        };
    }

    /** A JSON number exactly as written, e.g. 1e999999999, which a tree would expand when writing. */
    static Function<ObjectNode, String> number(String path, String literal) {
        return event -> {
            setAt(event, path, NODES.textNode(NUMBER_PLACEHOLDER));
            return ContractJson.write(event).replace("\"" + NUMBER_PLACEHOLDER + "\"", literal);
        };
    }

    static Function<ObjectNode, String> edit(UnaryOperator<ObjectNode> change) {
        return event -> ContractJson.write(change.apply(event));
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            if (bracket < 0) {
                node = node.get(step);
            } else {
                node = node.get(step.substring(0, bracket)).get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
            }
        }
        return node;
    }

    private static void setAt(ObjectNode root, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
        String last = path.substring(dot + 1);
        int bracket = last.indexOf('[');
        if (bracket < 0) {
            ((ObjectNode) parent).set(last, value);
        } else {
            ArrayNode array = (ArrayNode) parent.get(last.substring(0, bracket));
            array.set(Integer.parseInt(last.substring(bracket + 1, last.length() - 1)), value);
        }
    }

    private static JsonNode node(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case JsonNode node -> node;
            case String text -> NODES.textNode(text);
            case Integer number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            case Boolean flag -> NODES.booleanNode(flag);
            default -> throw new IllegalArgumentException("no JSON for " + value.getClass());
        };
    }
}
