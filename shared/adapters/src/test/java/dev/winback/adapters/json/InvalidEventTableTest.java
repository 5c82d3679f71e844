package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import static dev.winback.adapters.json.JsonEdits.edit;
import static dev.winback.adapters.json.JsonEdits.number;
import static dev.winback.adapters.json.JsonEdits.remove;
import static dev.winback.adapters.json.JsonEdits.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One invalid event per rule of the contract. Each is refused by the JSON Schema and by the parser,
 * and the parser names the exact field with the exact message.
 */
class InvalidEventTableTest {

    private static final String ID_RULE = "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -";
    private static final String CHANNELS = "must be one of: email, sms, push, in_app, webhook";
    private static final String WHOLE_QUANTITY = "must be a whole number from 1 to 10000";
    private static final String RATING = "must be a whole number from 1 to 5";
    private static final String QUESTION =
            "must be a name of 1 to 64 characters of a-z A-Z 0-9 _ - starting with a-z, such as favouriteSport";

    record Case(String rule, String sampleType, Function<ObjectNode, String> edit, String field, String message) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private final EventJsonParser parser = new EventJsonParser();

    static Stream<Case> cases() {
        return Stream.of(
                // envelope
                new Case("eventId is required", "store_visited", remove("eventId"), "eventId", "is required"),
                new Case("eventId uses the id alphabet", "store_visited", set("eventId", "evt 1"), "eventId", ID_RULE),
                new Case("eventId is not empty", "store_visited", set("eventId", ""), "eventId", "must not be empty"),
                new Case("eventId is at most 128 characters", "store_visited", set("eventId", "e".repeat(129)),
                        "eventId", "must be at most 128 characters"),
                new Case("customerId is a string", "store_visited", set("customerId", 123), "customerId",
                        "must be a string, not a number"),
                new Case("customerId is not an email address", "store_visited",
                        set("customerId", "ana.garcia@example.com"), "customerId",
                        "must be an opaque customer id, not an email address (it is written to logs and metrics)"),
                new Case("customerId has no trailing line break", "store_visited", set("customerId", "c-000123\n"),
                        "customerId", ID_RULE),
                new Case("type is one of the contract's", "store_visited", set("type", "store_visit"), "type",
                        "must be one of: " + String.join(", ", EventType.wireNames())),
                new Case("occurredAt has an offset", "store_visited", set("occurredAt", "2026-11-23T10:15:30"),
                        "occurredAt", ContractRules.INSTANT_MESSAGE),
                new Case("occurredAt is a real date", "store_visited", set("occurredAt", "2026-02-30T10:15:30Z"),
                        "occurredAt", ContractRules.INSTANT_MESSAGE),
                new Case("occurredAt is 29 February only in leap years", "store_visited",
                        set("occurredAt", "2100-02-29T10:15:30Z"), "occurredAt", ContractRules.INSTANT_MESSAGE),
                new Case("occurredAt is not before 1900", "store_visited", set("occurredAt", "1899-12-31T23:59:59Z"),
                        "occurredAt", ContractRules.INSTANT_MESSAGE),
                new Case("occurredAt has no leap second", "store_visited", set("occurredAt", "2026-12-31T23:59:60Z"),
                        "occurredAt", ContractRules.INSTANT_MESSAGE),
                new Case("occurredAt offset is at most 14:59", "store_visited",
                        set("occurredAt", "2026-11-23T10:15:30+18:00"), "occurredAt", ContractRules.INSTANT_MESSAGE),
                new Case("occurredAt is not epoch seconds", "store_visited", set("occurredAt", 1763892930),
                        "occurredAt", "must be a string, not a number"),
                new Case("platform is app, web or store", "store_visited", set("platform", "tv"), "platform",
                        "must be one of: app, web, store"),
                new Case("platform is not null", "store_visited", set("platform", null), "platform",
                        "must be one of: app, web, store"),
                new Case("unknown top-level fields are refused", "store_visited", set("occuredAt", "2026-11-23T10:15:30Z"),
                        "occuredAt", "is not a field of an engagement event"),
                new Case("properties is required", "store_visited", remove("properties"), "properties", "is required"),
                new Case("properties is an object", "store_visited", set("properties", new com.fasterxml.jackson.databind.node.ArrayNode(
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance)), "properties", "must be an object, not an array"),
                // session_started, store_visited, order_status_changed
                new Case("session platform is app or web", "session_started", set("properties.platform", "store"),
                        "properties.platform", "must be one of: app, web"),
                new Case("session platform matches the envelope", "session_started", set("platform", "web"),
                        "platform", "must match properties.platform (app) on session_started, or be left out"),
                new Case("storeId is not blank", "store_visited", set("properties.storeId", "   "),
                        "properties.storeId", "must not be blank"),
                new Case("storeId has no control characters", "store_visited", set("properties.storeId", "store\n7"),
                        "properties.storeId", "must not contain control characters such as line breaks"),
                new Case("unknown properties are refused", "store_visited", set("properties.storeName", "Madrid"),
                        "properties.storeName", "is not a property of store_visited"),
                new Case("order status is at most 64 characters", "order_status_changed",
                        set("properties.status", "s".repeat(65)), "properties.status", "must be at most 64 characters"),
                // purchase_completed
                new Case("orderId is at most 128 characters", "purchase_completed", set("properties.orderId", "o".repeat(129)),
                        "properties.orderId", "must be at most 128 characters"),
                new Case("amount is not negative", "purchase_completed", number("properties.amount", "-0.01"),
                        "properties.amount", "must not be negative"),
                new Case("amount has at most 4 decimal places", "purchase_completed", number("properties.amount", "19.99001"),
                        "properties.amount", "must have at most 4 decimal places"),
                new Case("amount is below one trillion", "purchase_completed", number("properties.amount", "1000000000000"),
                        "properties.amount", "must be less than 1000000000000"),
                new Case("amount with a huge exponent is refused cheaply", "purchase_completed",
                        number("properties.amount", "1e999999999"), "properties.amount", "must be less than 1000000000000"),
                new Case("amount with a tiny exponent is refused cheaply", "purchase_completed",
                        number("properties.amount", "1e-999999999"), "properties.amount", "must have at most 4 decimal places"),
                new Case("amount is a number, not a string", "purchase_completed", set("properties.amount", "129.90"),
                        "properties.amount", "must be a number such as 19.99, not a string"),
                new Case("currency is ISO 4217", "purchase_completed", set("properties.currency", "eur"),
                        "properties.currency", "must be an ISO 4217 code of three upper-case letters, such as EUR"),
                new Case("items is an array", "purchase_completed", set("properties.items", new BigDecimal("2")),
                        "properties.items", "must be an array of line items, not a number"),
                new Case("items holds at most 100 lines", "purchase_completed", edit(JsonEditsFor::hundredAndOneItems),
                        "properties.items", "must hold at most 100 items, not 101"),
                new Case("a line item is an object", "purchase_completed", set("properties.items[1]", "SOCK-3PK"),
                        "properties.items[1]", "must be an object, not a string"),
                new Case("quantity is at least 1", "purchase_completed", set("properties.items[1].quantity", 0),
                        "properties.items[1].quantity", WHOLE_QUANTITY),
                new Case("quantity is at most 10000", "purchase_completed", set("properties.items[1].quantity", 10_001),
                        "properties.items[1].quantity", WHOLE_QUANTITY),
                new Case("quantity is whole", "purchase_completed", number("properties.items[0].quantity", "1.5"),
                        "properties.items[0].quantity", WHOLE_QUANTITY + ", not a number"),
                new Case("sku is required", "purchase_completed", remove("properties.items[0].sku"),
                        "properties.items[0].sku", "is required"),
                new Case("unitPrice is not negative", "purchase_completed", number("properties.items[1].unitPrice", "-10"),
                        "properties.items[1].unitPrice", "must not be negative"),
                new Case("unknown line item fields are refused", "purchase_completed", set("properties.items[0].price", 1),
                        "properties.items[0].price", "is not a field of a line item"),
                // messages and statuses
                new Case("message channel is known", "message_opened", set("properties.channel", "fax"),
                        "properties.channel", CHANNELS),
                new Case("messageId is required", "message_sent", remove("properties.messageId"),
                        "properties.messageId", "is required"),
                new Case("granted is a boolean", "push_permission_changed", set("properties.granted", "false"),
                        "properties.granted", "must be true or false, not a string"),
                new Case("email status is known", "email_subscription_changed", set("properties.status", "spam"),
                        "properties.status", "must be one of: subscribed, unsubscribed, complained, blocked"),
                new Case("sms status is known", "sms_subscription_changed", set("properties.status", "complained"),
                        "properties.status", "must be one of: subscribed, unsubscribed"),
                new Case("membership status is known", "membership_changed", set("properties.status", "paused"),
                        "properties.status", "must be one of: started, renewed, renewal_due, payment_failed, cancelled"),
                new Case("app_installed carries no properties", "app_installed", set("properties.version", "1.2"),
                        "properties.version", "is not a property of app_installed, which carries none"),
                new Case("app_uninstalled properties are not null", "app_uninstalled", set("properties", null),
                        "properties", "must be an object, not null"),
                // profile_updated
                new Case("profile update changes something", "profile_updated",
                        set("properties", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()),
                        "properties", "must hold at least one of: email, phone, timezone, locale, birthday, pushEndpoint"),
                new Case("phone is E.164", "profile_updated", set("properties.phone", "555-0100"),
                        "properties.phone", "must be an E.164 phone number such as +15550100123"),
                new Case("phone country code does not start with 0", "profile_updated", set("properties.phone", "+0155501"),
                        "properties.phone", "must be an E.164 phone number such as +15550100123"),
                new Case("email has a domain", "profile_updated", set("properties.email", "ana.garcia.example.com"),
                        "properties.email", "must be an email address such as name@example.com"),
                new Case("timezone is not an offset", "profile_updated", set("properties.timezone", "+02:00"),
                        "properties.timezone",
                        "must be an IANA time-zone name such as Europe/Madrid (offsets such as +02:00 do not follow daylight saving time)"),
                new Case("locale is BCP 47", "profile_updated", set("properties.locale", "es_ES"),
                        "properties.locale", "must be a BCP 47 language tag such as es-ES"),
                new Case("birthday is a real date", "profile_updated", set("properties.birthday", "02-30"),
                        "properties.birthday", birthdayMessage()),
                new Case("birthday 29 February needs a leap year", "profile_updated", set("properties.birthday", "2023-02-29"),
                        "properties.birthday", birthdayMessage()),
                new Case("pushEndpoint has no spaces", "profile_updated", set("properties.pushEndpoint", "device token"),
                        "properties.pushEndpoint", "must be printable ASCII without spaces (an SNS endpoint ARN or a device token)"),
                new Case("pushEndpoint is at most 2048 characters", "profile_updated",
                        set("properties.pushEndpoint", "t".repeat(2049)), "properties.pushEndpoint",
                        "must be at most 2048 characters"),
                new Case("profile fields are not null", "profile_updated", set("properties.email", null),
                        "properties.email", "must be a string, not null"),
                new Case("unknown profile fields are refused", "profile_updated", set("properties.timeZone", "Europe/Madrid"),
                        "properties.timeZone", "is not a property of profile_updated"),
                // consent_changed
                new Case("consent purpose is known", "consent_changed", set("properties.purpose", "promotional"),
                        "properties.purpose", "must be one of: marketing, transactional, advertising"),
                new Case("consent channel is known", "consent_changed", set("properties.channel", "EMAIL"),
                        "properties.channel", CHANNELS),
                new Case("consent wordingVersion is required", "consent_changed", remove("properties.wordingVersion"),
                        "properties.wordingVersion", "is required"),
                // message_sent
                new Case("a send's purpose is known", "message_sent", set("properties.purpose", "promotional"),
                        "properties.purpose", "must be one of: marketing, transactional"),
                new Case("advertising is consented to, never sent for", "message_sent",
                        set("properties.purpose", "advertising"),
                        "properties.purpose", "must be one of: marketing, transactional"),
                // preferences_changed
                new Case("quiet hours are HH:MM", "preferences_changed", set("properties.quietHours.start", "9pm"),
                        "properties.quietHours.start", "must be a local time as HH:MM (24 hours), such as 21:00"),
                new Case("quiet hours need an end", "preferences_changed", remove("properties.quietHours.end"),
                        "properties.quietHours.end", "is required"),
                new Case("muted categories are the preference centre's", "preferences_changed",
                        set("properties.mutedCategories[0]", "offers"), "properties.mutedCategories[0]",
                        "must be one of: promotions, new_products, order_updates, reminders, surveys"),
                new Case("muted channels are known", "preferences_changed", set("properties.mutedChannels[0]", "fax"),
                        "properties.mutedChannels[0]", CHANNELS),
                new Case("the weekly limit is at most 16", "preferences_changed", set("properties.maxPerWeek", 17),
                        "properties.maxPerWeek", "must be a whole number from 0 to 16"),
                new Case("pausedUntil is an instant", "preferences_changed", set("properties.pausedUntil", "tomorrow"),
                        "properties.pausedUntil", "must be an ISO-8601 instant with Z or an offset, such as 2026-11-23T10:15:30Z"),
                new Case("unknown preferences are refused", "preferences_changed", set("properties.language", "es"),
                        "properties.language", "is not a property of preferences_changed"),
                // review_submitted
                new Case("rating is at least 1", "review_submitted", set("properties.rating", 0),
                        "properties.rating", RATING),
                new Case("rating is at most 5", "review_submitted", set("properties.rating", 6),
                        "properties.rating", RATING),
                new Case("rating is whole", "review_submitted", number("properties.rating", "4.5"),
                        "properties.rating", RATING + ", not a number"),
                new Case("rating is a number, not a string", "review_submitted", set("properties.rating", "5"),
                        "properties.rating", RATING + ", not a string"),
                new Case("rating is required", "review_submitted", remove("properties.rating"),
                        "properties.rating", "is required"),
                new Case("a reviewed sku is not blank", "review_submitted", set("properties.sku", " "),
                        "properties.sku", "must not be blank"),
                new Case("unknown review fields are refused", "review_submitted", set("properties.comment", "great"),
                        "properties.comment", "is not a property of review_submitted"),
                // survey_answered
                new Case("question is required", "survey_answered", remove("properties.question"),
                        "properties.question", "is required"),
                new Case("question is a name", "survey_answered", set("properties.question", "favourite sport"),
                        "properties.question", QUESTION),
                new Case("question starts with a lower-case letter", "survey_answered",
                        set("properties.question", "FavouriteSport"), "properties.question", QUESTION),
                new Case("question is at most 64 characters", "survey_answered",
                        set("properties.question", "q".repeat(65)), "properties.question", "must be at most 64 characters"),
                new Case("answer is required", "survey_answered", remove("properties.answer"),
                        "properties.answer", "is required"),
                new Case("answer is at most 200 characters", "survey_answered",
                        set("properties.answer", "a".repeat(201)), "properties.answer", "must be at most 200 characters"),
                new Case("answer is not blank", "survey_answered", set("properties.answer", "  "),
                        "properties.answer", "must not be blank"),
                new Case("answer has no line breaks", "survey_answered", set("properties.answer", "trail\nrunning"),
                        "properties.answer", "must not contain control characters such as line breaks"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void invalidEvent_whenValidatedAgainstTheSchema_isRefusedAtTheSameField(Case c) {
        String json = c.edit().apply(SampleEvents.sample(c.sampleType()).deepCopy());

        var violations = ContractSchemas.eventViolations(SampleEvents.readJson(json));

        // The validator words its messages its own way; it must at least point at the same field.
        String name = c.field().replaceAll(".*[.]", "").replaceAll("\\[.*", "");
        assertThat(violations).isNotEmpty().anySatisfy(violation ->
                assertThat(violation).containsAnyOf(name, ContractSchemas.COULD_NOT_EVALUATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void invalidEvent_whenParsed_namesTheFieldAndTheRule(Case c) {
        String json = c.edit().apply(SampleEvents.sample(c.sampleType()).deepCopy());

        ParseResult result = parser.parse(json);

        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid) result).errors()).containsExactly(new FieldError(c.field(), c.message()));
    }

    private static String birthdayMessage() {
        return "must be a real date as MM-DD or YYYY-MM-DD (years 1900 to 2999), such as 04-17 or 1990-04-17";
    }

    /** Edits too big for a one-liner. */
    static final class JsonEditsFor {
        private JsonEditsFor() {
        }

        static ObjectNode hundredAndOneItems(ObjectNode event) {
            var items = (com.fasterxml.jackson.databind.node.ArrayNode) event.get("properties").get("items");
            while (items.size() < ContractRules.MAX_ITEMS + 1) {
                items.add(items.get(0).deepCopy());
            }
            return event;
        }
    }
}
