package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads and writes contract JSON as Jackson trees (no data binding onto classes, which is slow to
 * warm up). Numbers with a fraction are read as exact decimals with their trailing zeros, so 19.90
 * stays 19.90; a field named twice is malformed rather than silently "last one wins", so every
 * reader of the same text sees the same event; nesting is capped far above what the contract needs.
 */
public final class ContractJson {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 1 << 20;
    static final int MAX_NAME_LENGTH = 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNameLength(MAX_NAME_LENGTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

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
        try {
            return wellFormedOrEmpty(READER.readTree(text));
        } catch (IOException e) {
            return malformed(e);
        }
    }

    /** For handlers that take the Lambda payload as a stream; the caller closes the stream. */
    public static JsonReading read(InputStream in) {
        Objects.requireNonNull(in, "in");
        try {
            return wellFormedOrEmpty(READER.readTree(in));
        } catch (IOException e) {
            return malformed(e);
        }
    }

    static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree we built ourselves always serialises; failing here is a bug, not bad input.
            throw new IllegalStateException("could not write a JSON tree", e);
        }
    }

    private static JsonReading wellFormedOrEmpty(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return new JsonReading.Malformed("must be JSON, but is empty");
        }
        return new JsonReading.WellFormed(node);
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
        } else if (String.valueOf(e.getMessage()).startsWith("Trailing token")) {
            what = "something follows the JSON value";
        } else {
            what = "an unexpected character or token was found";
        }
        return new JsonReading.Malformed("must be valid JSON: " + what + where(e));
    }

    private static String where(IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation location = jpe.getLocation();
            if (location != null && location.getLineNr() > 0) {
                return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
        }
        return "";
    }
}
