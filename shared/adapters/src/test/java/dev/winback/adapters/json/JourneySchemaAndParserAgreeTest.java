package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.winback.core.journey.FactNames;
import dev.winback.core.journey.Operator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The published schemas and the parsers accept and refuse the same files, and state the same patterns. */
class JourneySchemaAndParserAgreeTest {

    private static final String VALID = JourneyDefinitionParserTest.REVIEW_REQUEST;

    /** Each is one mistake that both the schema and the parser must refuse. */
    private static final List<String[]> BROKEN_DEFINITIONS = List.of(
            new String[]{"\"version\":1", "\"version\":0"},
            new String[]{"\"category\":\"surveys\"", "\"category\":\"news\""},
            new String[]{"\"op\":\"eq\"", "\"op\":\"approx\""},
            new String[]{"\"op\":\"eq\",\"value\":\"delivered\"", "\"op\":\"exists\",\"value\":\"delivered\""},
            new String[]{"\"op\":\"eq\",\"value\":\"delivered\"", "\"op\":\"gt\",\"value\":\"delivered\""},
            new String[]{"\"event.status\"", "\"event.colour\""},
            new String[]{"\"wait\":\"P5D\"", "\"wait\":\"P1M\""},
            new String[]{"\"wait\":\"P5D\"", "\"wait\":\"P0D\""},
            new String[]{"[\"email\",\"push\"]", "[\"email\",\"fax\"]"},
            new String[]{"[\"email\",\"push\"]", "[\"email\",\"email\"]"},
            new String[]{"\"key\":\"event.orderId\"", "\"key\":\"record.orders\""},
            new String[]{"\"key\":\"event.orderId\"", "\"key\":\"event.orderId\",\"perLineItem\":true"},
            new String[]{"{\"kind\":\"after_exit\"}", "{\"kind\":\"after_cooldown\"}"},
            new String[]{"\"exit\":\"reviewed\"", "\"exit\":\"Reviewed!\""},
            new String[]{"\"id\":\"done\",\"exit\"", "\"id\":\"done\",\"colour\":1,\"exit\""},
            new String[]{"\"note\":\"asks once\"", "\"note\":1"},
            new String[]{"\"event\":\"review_submitted\",\"timeout\"", "\"event\":\"ReviewSubmitted\",\"timeout\""},
            new String[]{"\"purpose\":\"marketing\"", "\"purpose\":\"transactional\""});

    @Test
    void theValidExample_passesBoth() {
        assertThat(JourneySchemas.definitionViolations(TestResources.json(VALID))).isEmpty();
        JourneyDefinitionParserTest.valid(VALID);
    }

    @Test
    void everyBrokenDefinition_isRefusedByBoth() {
        List<String> disagreements = new ArrayList<>();
        for (String[] edit : BROKEN_DEFINITIONS) {
            assertThat(VALID).as(edit[0]).contains(edit[0]);
            String broken = VALID.replace(edit[0], edit[1]);
            boolean schemaRefuses = !JourneySchemas.definitionViolations(TestResources.json(broken)).isEmpty();
            boolean parserRefuses = new JourneyDefinitionParser().read(broken, "test") instanceof JourneyReading.Invalid;
            if (!schemaRefuses || !parserRefuses) {
                disagreements.add(edit[1] + ": schema refuses " + schemaRefuses + ", parser refuses " + parserRefuses);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void brokenCatalogs_areRefusedByBoth() {
        String valid = "{\"version\":1,\"products\":[{\"id\":\"phones\",\"category\":\"phones\",\"lifetime\":\"P730D\","
                + "\"complements\":[\"chargers\"],\"priceBand\":\"high\"}]}";
        assertThat(JourneySchemas.catalogViolations(TestResources.json(valid))).isEmpty();
        assertThat(new ProductCatalogParser().read(valid, "test")).isInstanceOf(CatalogReading.Valid.class);
        for (String[] edit : List.of(new String[]{"\"P730D\"", "\"P2Y\""}, new String[]{"\"P730D\"", "\"PT0S\""},
                new String[]{"\"high\"", "\"premium\""}, new String[]{"[\"chargers\"]", "[\"a|b\"]"},
                new String[]{"\"version\":1", "\"version\":0"}, new String[]{"\"id\":\"phones\"", "\"id\":\" phones\""},
                new String[]{",\"priceBand\":\"high\"", ""}, new String[]{"\"priceBand\"", "\"colour\":1,\"priceBand\""})) {
            String broken = valid.replace(edit[0], edit[1]);
            assertThat(JourneySchemas.catalogViolations(TestResources.json(broken))).as(edit[1]).isNotEmpty();
            assertThat(new ProductCatalogParser().read(broken, "test")).as(edit[1]).isInstanceOf(CatalogReading.Invalid.class);
        }
    }

    @Test
    void theSchemas_areDraft202012_andStateTheParsersPatternsAndNames() {
        JsonNode definition = JourneySchemas.schema(JourneySchemas.DEFINITION);
        JsonNode catalog = JourneySchemas.schema(JourneySchemas.CATALOG);
        var meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(definition)).isEmpty();
        assertThat(meta.validate(catalog)).isEmpty();

        JsonNode defs = definition.get("$defs");
        assertThat(defs.at("/duration/pattern").textValue()).isEqualTo(JourneyJsonRules.DURATION_PATTERN);
        assertThat(defs.at("/positiveDuration/not/pattern").textValue()).isEqualTo(JourneyJsonRules.ZERO_DURATION_PATTERN);
        assertThat(defs.at("/localTime/pattern").textValue()).isEqualTo(JourneyJsonRules.LOCAL_TIME_PATTERN);
        assertThat(defs.at("/eventType/pattern").textValue()).isEqualTo(JourneyJsonRules.EVENT_TYPE_PATTERN);
        assertThat(defs.at("/trigger/oneOf/1/properties/annual/properties/date/pattern").textValue())
                .isEqualTo(JourneyJsonRules.MONTH_DAY_PATTERN);
        assertThat(texts(defs.at("/condition/properties/op/enum")))
                .isEqualTo(new TreeSet<>(Arrays.stream(Operator.values()).map(Operator::wireName).toList()));
        Set<String> facts = new TreeSet<>(FactNames.EVENT_FACTS);
        facts.addAll(FactNames.RECORD_FACTS);
        assertThat(texts(defs.at("/fact/anyOf/0/enum"))).isEqualTo(facts);
        assertThat(texts(definition.get("required")))
                .isEqualTo(new TreeSet<>(List.of("id", "version", "name", "purpose", "category", "trigger", "firstStep",
                        "steps", "reentry")));
        assertThat(texts(fieldNames(definition.get("properties")))).isEqualTo(new TreeSet<>(JourneyDefinitionParser.ROOT_FIELDS));
        assertThat(texts(fieldNames(catalog.at("/$defs/product/properties"))))
                .isEqualTo(new TreeSet<>(ProductCatalogParser.PRODUCT_FIELDS));
        assertThat(catalog.at("/$defs/name/pattern").textValue()).isEqualTo(JourneyJsonRules.PRODUCT_NAME_PATTERN);
        assertThat(texts(catalog.at("/$defs/product/properties/priceBand/enum"))).isEqualTo(new TreeSet<>(PriceBand.NAMES));
    }

    private static JsonNode fieldNames(JsonNode object) {
        var array = ContractJson.nodes().arrayNode();
        object.fieldNames().forEachRemaining(array::add);
        return array;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(node -> texts.add(node.textValue()));
        return texts;
    }
}
