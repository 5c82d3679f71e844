package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes contract JSON as Jackson trees, straight from the streaming parser: no
 * ObjectMapper (its start-up added 0.1 to 0.25 s to a cold JVM when measured here), and no data binding.
 * Numbers with a fraction are read as exact decimals with their trailing zeros, so 19.90 stays
 * 19.90; a field named twice is malformed rather than "last one wins", so every reader of the same
 * text sees the same event; nesting is capped far above what the contract needs.
 */
public final class ContractJson {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 1 << 20;
    static final int MAX_NAME_LENGTH = 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContractJson() {
    }

    /** The outcome of reading text that should be JSON. */
    public sealed interface JsonReading {
        record WellFormed(JsonNode node) implements JsonReading {
            public WellFormed {
                Objects.requireNonNull(node, "node");
            }
        }

        /** @param problem what is wrong and where, without quoting the input */
        record Malformed(String problem) implements JsonReading {
            public Malformed {
                Objects.requireNonNull(problem, "problem");
            }

            public FieldError asFieldError() {
                return new FieldError(FieldError.WHOLE_DOCUMENT, problem);
            }
        }
    }

    public static JsonReading read(String text) {
        if (text == null) {
            return new JsonReading.Malformed("is required");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            return readDocument(parser);
        } catch (IOException e) {
            return malformed(e);
        }
    }

    /** For handlers that take the Lambda payload as a stream; the caller closes the stream. */
    public static JsonReading read(InputStream in) {
        Objects.requireNonNull(in, "in");
        try (JsonParser parser = FACTORY.createParser(in)) {
            return readDocument(parser);
        } catch (IOException e) {
            return malformed(e);
        }
    }

    static JsonNodeFactory nodes() {
        return NODES;
    }

    static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeValue(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write JSON to a string", e);
        }
        return out.toString();
    }

    // ---- reading -----------------------------------------------------------------------------

    private static JsonReading readDocument(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return new JsonReading.Malformed("must be JSON, but is empty");
        }
        JsonNode node = readValue(parser, first);
        if (parser.nextToken() != null) {
            return new JsonReading.Malformed("must be valid JSON: something follows the JSON value" + where(parser.currentLocation()));
        }
        return new JsonReading.WellFormed(node);
    }

    /** Recursion is bounded: the parser refuses to nest deeper than {@link #MAX_NESTING_DEPTH}. */
    private static JsonNode readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.set(name, readValue(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(readValue(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            // A well-formed document yields none of these where a value starts.
            case END_OBJECT, END_ARRAY, FIELD_NAME, VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE ->
                    throw new IllegalStateException("unexpected " + token + " where a JSON value starts");
        };
    }

    /** Jackson's own messages quote the offending input, which may be personal data: describe instead. */
    private static JsonReading malformed(IOException e) {
        String what;
        if (e instanceof JsonEOFException) {
            what = "it ends too early";
        } else if (e instanceof StreamConstraintsException) {
            what = "it is nested deeper than " + MAX_NESTING_DEPTH + " levels or holds an over-long string, name or number";
        } else if (String.valueOf(e.getMessage()).startsWith("Duplicate field")) {
            what = "a field appears twice in one object";
        } else {
            what = "an unexpected character or token was found";
        }
        JsonLocation location = e instanceof JsonProcessingException jpe ? jpe.getLocation() : null;
        return new JsonReading.Malformed("must be valid JSON: " + what + where(location));
    }

    private static String where(JsonLocation location) {
        if (location != null && location.getLineNr() > 0) {
            return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return "";
    }

    // ---- writing -----------------------------------------------------------------------------

    private static void writeValue(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    writeValue(field.getValue(), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    writeValue(element, out);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            case BINARY, POJO, MISSING -> throw new IllegalArgumentException("no contract JSON for a " + node.getNodeType() + " node");
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator out) throws IOException {
        if (node.isInt()) {
            out.writeNumber(node.intValue());
        } else if (node.isLong()) {
            out.writeNumber(node.longValue());
        } else if (node.isBigInteger()) {
            out.writeNumber(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            out.writeNumber(node.decimalValue());
        } else {
            out.writeNumber(node.doubleValue());
        }
    }
}
