package dev.winback.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema files and {@link ContractRules} state the same limits. When this fails, one side was
 * changed without the other: change both, and bump the contract version if senders could break.
 */
class SchemaMatchesRulesTest {

    private static final JsonNode EVENT = SampleEvents.fixture("schema/" + ContractSchemas.EVENT_SCHEMA);
    private static final JsonNode REQUEST = SampleEvents.fixture("schema/" + ContractSchemas.REQUEST_SCHEMA);
    private static final JsonNode DEFS = EVENT.get("$defs");

    @Test
    void schemas_areValidDraft202012Schemas() {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(EVENT)).isEmpty();
        assertThat(metaSchema.validate(REQUEST)).isEmpty();
    }

    @Test
    void envelope_matchesTheParser() {
        JsonNode properties = EVENT.get("properties");
        assertThat(names(properties)).containsExactlyElementsOf(EventJsonParser.ENVELOPE_FIELDS);
        assertThat(texts(EVENT.get("required"))).containsExactly("eventId", "customerId", "type", "occurredAt");
        assertThat(EVENT.get("additionalProperties").booleanValue()).isFalse();
        assertThat(DEFS.get("id").get("pattern").textValue()).isEqualTo(ContractRules.ID_PATTERN);
        assertThat(DEFS.get("id").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_ID_LENGTH);
        assertThat(properties.get("customerId").get("not").get("pattern").textValue())
                .isEqualTo(ContractRules.EMAIL_SHAPED_PATTERN);
        assertThat(texts(properties.get("type").get("enum"))).containsExactlyElementsOf(EventType.wireNames());
        assertThat(properties.get("occurredAt").get("pattern").textValue()).isEqualTo(ContractRules.INSTANT_PATTERN);
        assertThat(properties.get("occurredAt").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_INSTANT_LENGTH);
    }

    @Test
    void everyType_hasTheSamePropertyNamesAndRequiredOnesAsTheParser() {
        for (EventType type : EventType.values()) {
            JsonNode properties = propertiesSchemaOf(type);
            assertThat(properties.get("additionalProperties").booleanValue()).as(type.wireName()).isFalse();
            assertThat(names(properties.path("properties"))).as(type.wireName())
                    .containsExactlyElementsOf(type.propertyNames());
            assertThat(texts(properties.path("required"))).as(type.wireName())
                    .containsExactlyElementsOf(type.requiredProperties());
        }
    }

    @Test
    void freeText_andMoney_matchTheParser() {
        assertThat(DEFS.get("name").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_NAME_LENGTH);
        assertThat(DEFS.get("label").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_LABEL_LENGTH);
        assertThat(texts(DEFS.get("name").get("allOf").findValues("pattern")))
                .containsExactly(ContractRules.NO_CONTROL_CHARACTERS_PATTERN, ContractRules.NOT_BLANK_PATTERN);
        JsonNode money = DEFS.get("money");
        assertThat(money.get("minimum").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(money.get("exclusiveMaximum").decimalValue()).isEqualByComparingTo(ContractRules.AMOUNT_LIMIT);
        assertThat(money.get("multipleOf").decimalValue()).isEqualByComparingTo(BigDecimal.ONE.movePointLeft(ContractRules.MAX_DECIMAL_PLACES));
        JsonNode purchase = propertiesSchemaOf(EventType.PURCHASE_COMPLETED).get("properties");
        assertThat(purchase.get("currency").get("pattern").textValue()).isEqualTo(ContractRules.CURRENCY_PATTERN);
        assertThat(purchase.get("items").get("maxItems").intValue()).isEqualTo(ContractRules.MAX_ITEMS);
        JsonNode quantity = DEFS.get("lineItem").get("properties").get("quantity");
        assertThat(quantity.get("minimum").intValue()).isEqualTo(ContractRules.MIN_QUANTITY);
        assertThat(quantity.get("maximum").intValue()).isEqualTo(ContractRules.MAX_QUANTITY);
        assertThat(names(DEFS.get("lineItem").get("properties"))).containsExactly("sku", "category", "quantity", "unitPrice");
    }

    @Test
    void profile_matchesTheParser() {
        JsonNode profile = propertiesSchemaOf(EventType.PROFILE_UPDATED).get("properties");
        assertThat(profile.get("email").get("pattern").textValue()).isEqualTo(ContractRules.EMAIL_PATTERN);
        assertThat(profile.get("email").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_EMAIL_LENGTH);
        assertThat(profile.get("phone").get("pattern").textValue()).isEqualTo(ContractRules.PHONE_PATTERN);
        assertThat(profile.get("timezone").get("pattern").textValue()).isEqualTo(ContractRules.TIMEZONE_PATTERN);
        assertThat(profile.get("timezone").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_TIMEZONE_LENGTH);
        assertThat(profile.get("locale").get("pattern").textValue()).isEqualTo(ContractRules.LOCALE_PATTERN);
        assertThat(profile.get("locale").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_LOCALE_LENGTH);
        assertThat(profile.get("birthday").get("pattern").textValue()).isEqualTo(ContractRules.BIRTHDAY_PATTERN);
        assertThat(profile.get("pushEndpoint").get("pattern").textValue()).isEqualTo(ContractRules.PUSH_ENDPOINT_PATTERN);
        assertThat(profile.get("pushEndpoint").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_PUSH_ENDPOINT_LENGTH);
    }

    @Test
    void preferences_matchTheParser() {
        assertThat(texts(DEFS.get("category").get("enum"))).containsExactlyElementsOf(PropertiesParser.CATEGORIES.byName().keySet());
        assertThat(texts(DEFS.get("channel").get("enum"))).containsExactlyElementsOf(PropertiesParser.CHANNELS.byName().keySet());
        JsonNode preferences = propertiesSchemaOf(EventType.PREFERENCES_CHANGED).get("properties");
        assertThat(preferences.get("mutedCategories").get("maxItems").intValue())
                .isEqualTo(PropertiesParser.CATEGORIES.byName().size());
        assertThat(preferences.get("mutedCategories").get("items").get("$ref").textValue()).isEqualTo("#/$defs/category");
        assertThat(preferences.get("maxPerWeek").get("maximum").intValue()).isEqualTo(ContractRules.MAX_PER_WEEK);
        assertThat(preferences.get("quietHours").get("properties").get("start").get("pattern").textValue())
                .isEqualTo(ContractRules.LOCAL_TIME_PATTERN);
    }

    @Test
    void reviewsAndAnswers_matchTheParser() {
        JsonNode rating = propertiesSchemaOf(EventType.REVIEW_SUBMITTED).get("properties").get("rating");
        assertThat(rating.get("type").textValue()).isEqualTo("integer");
        assertThat(rating.get("minimum").intValue()).isEqualTo(ContractRules.MIN_RATING);
        assertThat(rating.get("maximum").intValue()).isEqualTo(ContractRules.MAX_RATING);
        JsonNode survey = propertiesSchemaOf(EventType.SURVEY_ANSWERED).get("properties");
        assertThat(survey.get("question").get("pattern").textValue()).isEqualTo(ContractRules.QUESTION_PATTERN);
        assertThat(survey.get("question").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_QUESTION_LENGTH);
        assertThat(survey.get("answer").get("maxLength").intValue()).isEqualTo(ContractRules.MAX_ANSWER_LENGTH);
        assertThat(texts(survey.get("answer").get("allOf").findValues("pattern")))
                .containsExactly(ContractRules.NO_CONTROL_CHARACTERS_PATTERN, ContractRules.NOT_BLANK_PATTERN);
    }

    @Test
    void requestBody_matchesTheParser() {
        JsonNode events = REQUEST.get("properties").get("events");
        assertThat(events.get("minItems").intValue()).isEqualTo(1);
        assertThat(events.get("maxItems").intValue()).isEqualTo(ContractRules.MAX_EVENTS_PER_REQUEST);
        assertThat(REQUEST.get("additionalProperties").booleanValue()).isFalse();
        assertThat(events.get("items").get("$ref").textValue()).isEqualTo(ContractSchemas.EVENT_SCHEMA);
    }

    /** The {@code properties} schema the if/then rules apply to events of this type. */
    private static JsonNode propertiesSchemaOf(EventType type) {
        for (JsonNode rule : EVENT.get("allOf")) {
            JsonNode condition = rule.get("if").get("properties").get("type");
            boolean matches = condition.has("const")
                    ? condition.get("const").textValue().equals(type.wireName())
                    : texts(condition.get("enum")).contains(type.wireName());
            if (matches) {
                String ref = rule.get("then").get("properties").get("properties").get("$ref").textValue();
                return DEFS.get(ref.substring("#/$defs/".length()));
            }
        }
        throw new AssertionError("no rule for " + type.wireName());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.textValue()));
        return texts;
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::textValue).toList();
    }
}
