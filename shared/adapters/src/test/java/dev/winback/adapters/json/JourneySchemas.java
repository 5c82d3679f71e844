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

/** The published schemas of journey definitions and the product catalog, from the classpath. */
final class JourneySchemas {

    static final String ROOT = "winback/schemas/";
    static final String DEFINITION = "journey-definition.schema.json";
    static final String CATALOG = "product-catalog.schema.json";

    private static final JsonSchema DEFINITION_SCHEMA;
    private static final JsonSchema CATALOG_SCHEMA;

    static {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        RegularExpressionFactory ecmaLike = regex -> {
            Pattern pattern = JsonSchemaRegex.compile(regex);
            return value -> pattern.matcher(value).find();
        };
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().regularExpressionFactory(ecmaLike).build();
        DEFINITION_SCHEMA = factory.getSchema(schema(DEFINITION), config);
        CATALOG_SCHEMA = factory.getSchema(schema(CATALOG), config);
    }

    private JourneySchemas() {
    }

    static JsonNode schema(String name) {
        return TestResources.json(TestResources.text(ROOT + name));
    }

    static List<String> definitionViolations(JsonNode definition) {
        return DEFINITION_SCHEMA.validate(definition).stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).toList();
    }

    static List<String> catalogViolations(JsonNode catalog) {
        return CATALOG_SCHEMA.validate(catalog).stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).toList();
    }
}
