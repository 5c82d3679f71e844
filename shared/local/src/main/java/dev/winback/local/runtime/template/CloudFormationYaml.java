package dev.winback.local.runtime.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads CloudFormation YAML into a JSON tree, turning the short-form intrinsic tags into their
 * long form ({@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !Sub s} becomes {@code {"Fn::Sub": s}}),
 * so a tagged value is never mistaken for a literal.
 */
final class CloudFormationYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** YAML's own tags ({@code !!str}, ...) are not intrinsics. */
    private static final String CORE_SCHEMA_TAGS = "tag:yaml.org,2002:";

    private CloudFormationYaml() {
    }

    static JsonNode read(Reader reader) throws IOException {
        try (JsonParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return NODES.missingNode();
            }
            return readValue(parser);
        }
    }

    /** Reads the value whose first token is current, and wraps it if it carries a tag. */
    private static JsonNode readValue(JsonParser parser) throws IOException {
        String tag = parser.getTypeId() instanceof String s && !s.startsWith(CORE_SCHEMA_TAGS) ? s : null;
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected YAML token " + parser.currentToken()
                    + " at " + parser.currentLocation());
        };
        return tag == null ? value : longForm(tag, value);
    }

    private static ObjectNode readObject(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, readValue(parser));
        }
        return object;
    }

    private static ArrayNode readArray(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return array;
    }

    private static JsonNode longForm(String tag, JsonNode value) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        ObjectNode wrapped = NODES.objectNode();
        switch (name) {
            case "Ref", "Condition" -> wrapped.set(name, value);
            // The short form "!GetAtt Resource.Attribute" is a single string; the long form is a pair.
            case "GetAtt" -> wrapped.set("Fn::GetAtt", value.isTextual() ? splitGetAtt(value.textValue()) : value);
            default -> wrapped.set("Fn::" + name, value);
        }
        return wrapped;
    }

    private static JsonNode splitGetAtt(String text) {
        int dot = text.indexOf('.');
        ArrayNode pair = NODES.arrayNode();
        if (dot < 0) {
            return pair.add(text);
        }
        return pair.add(text.substring(0, dot)).add(text.substring(dot + 1));
    }
}
