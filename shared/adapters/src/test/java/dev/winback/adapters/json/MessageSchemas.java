package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The bus and queue messages' JSON Schemas as the jar ships them ({@code winback/schemas/} on the
 * class path), ready to validate what the code writes.
 */
public final class MessageSchemas {

    public static final String RETENTION_ACTION_REQUESTED = "retention-action-requested.v1.schema.json";
    public static final String MESSAGE_DECISION = "message-decision.v1.schema.json";
    public static final String CUSTOMER_REPLIED = "customer-replied.v1.schema.json";
    public static final String DELIVERY_REQUEST_MESSAGE = "delivery-request-message.v1.schema.json";

    private static final String ID_PREFIX = "https://schemas.winback.dev/messages/";
    private static final String FOLDER = "winback/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:" + FOLDER)));
    /** JSON Schema patterns are ECMA-262 and unanchored: matched as the event contract's are. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .regularExpressionFactory((RegularExpressionFactory) regex -> {
                Pattern pattern = JsonSchemaRegex.compile(regex);
                return value -> pattern.matcher(value).find();
            }).build();

    private MessageSchemas() {
    }

    /** Empty when {@code json} is valid against the named schema; otherwise one line per violation. */
    public static List<String> violations(String schema, String json) {
        JsonSchema loaded = FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + schema), CONFIG);
        try {
            return loaded.validate(JSON.readTree(json)).stream()
                    .map(m -> m.getInstanceLocation() + ": " + m.getMessage()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The values of the {@code enum} at {@code pointer} in the named schema, to hold against the code's. */
    public static Set<String> enumAt(String schema, String pointer) {
        JsonNode values = tree(schema).at(pointer + "/enum");
        if (!values.isArray() || values.isEmpty()) {
            throw new IllegalArgumentException("no enum at " + pointer + " in " + schema);
        }
        Set<String> names = new TreeSet<>();
        values.forEach(v -> names.add(v.asText()));
        return names;
    }

    /** The schema as JSON, from the class path. */
    public static JsonNode tree(String schema) {
        try (InputStream in = MessageSchemas.class.getClassLoader().getResourceAsStream(FOLDER + schema)) {
            if (in == null) throw new IllegalArgumentException("no schema " + FOLDER + schema + " on the class path");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
