package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.List;
import java.util.regex.Pattern;

/** The published JSON Schemas, loaded from {@code events/schema/} and ready to validate. */
final class ContractSchemas {

    static final String ID_PREFIX = "https://schemas.winback.dev/events/";
    static final String EVENT_SCHEMA = "engagement-event.v1.schema.json";
    static final String REQUEST_SCHEMA = "events-request.v1.schema.json";

    /** How a violation reads when the validator threw instead of answering. */
    static final String COULD_NOT_EVALUATE = "the validator could not evaluate a number";

    private static final JsonSchema EVENT;
    private static final JsonSchema REQUEST;

    static {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX,
                        RepositoryRoot.events().resolve("schema").toUri().toString())));
        // JSON Schema patterns are ECMA-262 and unanchored; match them the way the parser does.
        RegularExpressionFactory ecmaLike = regex -> {
            Pattern pattern = JsonSchemaRegex.compile(regex);
            return value -> pattern.matcher(value).find();
        };
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().regularExpressionFactory(ecmaLike).build();
        EVENT = factory.getSchema(SchemaLocation.of(ID_PREFIX + EVENT_SCHEMA), config);
        REQUEST = factory.getSchema(SchemaLocation.of(ID_PREFIX + REQUEST_SCHEMA), config);
    }

    private ContractSchemas() {
    }

    /** Empty when the event is valid; otherwise one line per violation. */
    static List<String> eventViolations(JsonNode event) {
        return violations(EVENT, event);
    }

    static List<String> requestViolations(JsonNode body) {
        return violations(REQUEST, body);
    }

    /**
     * networknt evaluates {@code multipleOf} by expanding the number, so 1e999999999 makes it throw
     * ArithmeticException instead of answering. A validator that cannot accept a value refuses it;
     * count that as a violation (the parser, which compares magnitudes first, answers properly).
     */
    private static List<String> violations(JsonSchema schema, JsonNode instance) {
        try {
            return schema.validate(instance).stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).toList();
        } catch (ArithmeticException e) {
            return List.of("$: " + COULD_NOT_EVALUATE + " (" + e.getMessage() + ")");
        }
    }
}
