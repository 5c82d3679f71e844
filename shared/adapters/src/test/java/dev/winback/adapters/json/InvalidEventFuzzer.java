package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Makes invalid events out of valid ones, one mutation each, from a seed (plain java.util.Random,
 * so a failure replays exactly). Every mutation is invalid by construction: the fuzzer never
 * relies on luck to break an event, so "the parser accepted it" is always a parser bug.
 */
public final class InvalidEventFuzzer {

    public enum Mutation {
        DROP_REQUIRED_FIELD, WRONG_TYPE, OUT_OF_RANGE, BAD_ENUM, BAD_DATE, BAD_FORMAT, OVERSIZED_STRING,
        UNKNOWN_FIELD, GARBAGE_JSON
    }

    /** @param json the invalid event as text (garbage mutations are not JSON at all) */
    public record FuzzedEvent(Mutation mutation, String description, String json) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ENVELOPE_REQUIRED = List.of("eventId", "customerId", "type", "occurredAt");
    private static final List<String> LINE_ITEM_FIELDS = List.of("sku", "category", "quantity", "unitPrice");
    private static final List<String> NOT_A_WIRE_NAME = List.of("", "APP", "Web", "tv", "fax", "e-mail", "in-app",
            "SUBSCRIBED", "unknown", "Session_Started", "purchase completed", "marketing ", "paused", "spam", " app");
    private static final List<String> BAD_INSTANTS = List.of("2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z",
            "2026-11-23 10:15:30Z", "2026-11-23T10:15:30", "2026-11-23", "23/11/2026 10:15", "2026-11-23T24:00:00Z",
            "2026-11-23T10:15:60Z", "2026-11-23t10:15:30z", "2026-11-23T10:15:30+2:00", "2026-11-23T10:15:30+19:00",
            "1899-12-31T23:59:59Z", "3000-01-01T00:00:00Z", "2025-02-29T00:00:00Z", "1700000000", "now",
            "2026-11-23T10:15:30.1234567890Z", "2026-11-23T10:15:30Z\n", "+2026-11-23T10:15:30Z");
    private static final List<String> BAD_BIRTHDAYS = List.of("02-30", "13-01", "00-10", "2023-02-29", "1899-05-01",
            "4/17", "0417", "04-31", "1990-4-17", "--04-17", "1900-02-29", "17-04-1990");
    /** Values the schema's shape rules catch too; tz-database membership is parser-only and stays out. */
    private static final Map<String, List<String>> BAD_FORMATS = Map.of(
            "eventId", List.of("evt 1", "evt#1", "évt-1", "evt-1\n"),
            "customerId", List.of("ana.garcia@example.com", "c 1", "c/1", "c-1\n"),
            "currency", List.of("eur", "EURO", "€", "E1R", "US"),
            "phone", List.of("5550100123", "+0155501", "+1 555 0100", "+1555010012345678", "+1"),
            "email", List.of("ana.example.com", "ana@", "@example.com", "ana @example.com", "ana@example"),
            "timezone", List.of("+02:00", "Europe/", "Europe Madrid", "/UTC", "UTC +2"),
            "locale", List.of("es_ES", "e", "español", "es-", "es-ES-"),
            "pushEndpoint", List.of("token with spaces", "tök", "token\t"),
            "storeId", List.of("   ", "line\nbreak", "tab\tbed"),
            "question", List.of("FavouriteSport", "1st", "favourite sport", "favourite.sport", "_x", "größe"));
    private static final String NUMBER_PLACEHOLDER = "__number__";
    private static final List<String> BAD_MONEY = List.of("-1.5", "-0.0001", "-1000", "1000000000000",
            "1000000000123.5", "1E+12", "1e999999999", "1.00001", "0.123456789", "1E-7", "12.34567", "1e-999999999");
    private static final List<String> BAD_QUANTITIES = List.of("0", "-1", "10001", "2.5", "1E+9",
            "99999999999999999999", "1e999999999", "0.999", "-0.5");
    private static final List<String> BAD_RATINGS = List.of("0", "6", "-1", "4.5", "10", "1e999999999", "0.999");
    private static final List<String> UNKNOWN_NAMES = List.of("occuredAt", "customer_id", "Properties", "extra",
            "timeZone", "emial", "qty", "price", "version", "$schema");
    /** Tab, line feed and carriage return are JSON whitespace between tokens, so they would not break it. */
    private static final List<Character> NON_WHITESPACE_CONTROLS = List.of((char) 0x00, (char) 0x01, (char) 0x07,
            (char) 0x08, (char) 0x0B, (char) 0x0C, (char) 0x1B, (char) 0x1F);
    private static final List<String> GARBAGE = List.of("", " ", "null", "42", "\"event\"", "[]", "[{}]", "true",
            "{", "}", "{\"eventId\":}", "{'eventId':'x'}", "NaN", "{\"a\":1}{\"b\":2}", "\u0000");

    private final List<ObjectNode> validEvents;
    private final Random random;

    /** @param validEvents events that satisfy the contract, as parsed JSON objects */
    public InvalidEventFuzzer(List<ObjectNode> validEvents, long seed) {
        this.validEvents = List.copyOf(validEvents);
        this.random = new Random(seed);
    }

    public List<FuzzedEvent> generate(int count) {
        List<FuzzedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    FuzzedEvent next() {
        Mutation mutation = pick(List.of(Mutation.values()));
        List<ObjectNode> candidates = validEvents.stream().filter(e -> applies(mutation, e)).toList();
        ObjectNode event = pick(candidates).deepCopy();
        return switch (mutation) {
            case DROP_REQUIRED_FIELD -> dropRequiredField(event);
            case WRONG_TYPE -> wrongType(event);
            case OUT_OF_RANGE -> outOfRange(event);
            case BAD_ENUM -> badEnum(event);
            case BAD_DATE -> badDate(event);
            case BAD_FORMAT -> badFormat(event);
            case OVERSIZED_STRING -> oversizedString(event);
            case UNKNOWN_FIELD -> unknownField(event);
            case GARBAGE_JSON -> garbage(event);
        };
    }

    private static boolean applies(Mutation mutation, ObjectNode event) {
        return mutation != Mutation.OUT_OF_RANGE || type(event).equals("purchase_completed")
                || type(event).equals("review_submitted");
    }

    // ---- mutations ---------------------------------------------------------------------------

    private FuzzedEvent dropRequiredField(ObjectNode event) {
        List<Runnable> drops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : ENVELOPE_REQUIRED) {
            names.add(name);
            drops.add(() -> event.remove(name));
        }
        EventType type = EventType.fromWireName(type(event)).orElseThrow();
        ObjectNode properties = (ObjectNode) event.get("properties");
        if (!type.carriesNothing()) {
            names.add("properties");
            drops.add(() -> event.remove("properties"));
        }
        if (type == EventType.PROFILE_UPDATED) {
            names.add("every property of profile_updated");
            drops.add(properties::removeAll);
        }
        for (String name : type.requiredProperties()) {
            names.add("properties." + name);
            drops.add(() -> properties.remove(name));
        }
        if (properties != null && properties.path("items").size() > 0) {
            int index = random.nextInt(properties.get("items").size());
            String field = pick(LINE_ITEM_FIELDS);
            names.add("properties.items[" + index + "]." + field);
            drops.add(() -> ((ObjectNode) properties.get("items").get(index)).remove(field));
        }
        int choice = random.nextInt(drops.size());
        drops.get(choice).run();
        return fuzzed(Mutation.DROP_REQUIRED_FIELD, "drop " + names.get(choice), event);
    }

    private FuzzedEvent wrongType(ObjectNode event) {
        List<Location> locations = locations(event, "");
        Location at = pick(locations);
        List<JsonNode> others = new ArrayList<>(List.of(NODES.textNode("x"), NODES.numberNode(42),
                NODES.numberNode(new BigDecimal("0.5")), NODES.booleanNode(true), NODES.nullNode(),
                NODES.objectNode(), NODES.arrayNode()));
        others.removeIf(node -> node.getNodeType() == at.value().getNodeType());
        JsonNode replacement = pick(others);
        at.replaceWith(replacement);
        return fuzzed(Mutation.WRONG_TYPE, at.path() + " becomes " + replacement.getNodeType(), event);
    }

    private FuzzedEvent outOfRange(ObjectNode event) {
        ObjectNode properties = (ObjectNode) event.get("properties");
        if (type(event).equals("review_submitted")) {
            return withNumber(Mutation.OUT_OF_RANGE, "rating", event, properties, "rating", pick(BAD_RATINGS));
        }
        ArrayNode items = (ArrayNode) properties.get("items");
        List<String> choices = new ArrayList<>(List.of("amount", "too many items"));
        if (!items.isEmpty()) {
            choices.addAll(List.of("quantity", "unitPrice"));
        }
        ObjectNode item = items.isEmpty() ? null : (ObjectNode) items.get(random.nextInt(items.size()));
        return switch (pick(choices)) {
            case "amount" -> withNumber(Mutation.OUT_OF_RANGE, "amount", event, properties, "amount", pick(BAD_MONEY));
            case "unitPrice" -> withNumber(Mutation.OUT_OF_RANGE, "unitPrice", event, item, "unitPrice", pick(BAD_MONEY));
            case "quantity" -> withNumber(Mutation.OUT_OF_RANGE, "quantity", event, item, "quantity", pick(BAD_QUANTITIES));
            default -> {
                ObjectNode line = items.isEmpty() ? sampleLine() : (ObjectNode) items.get(0);
                int target = ContractRules.MAX_ITEMS + 1 + random.nextInt(50);
                while (items.size() < target) {
                    items.add(line.deepCopy());
                }
                yield fuzzed(Mutation.OUT_OF_RANGE, items.size() + " items", event);
            }
        };
    }

    /**
     * Puts a JSON number into the text exactly as written: a tree would expand 1e999999999 into a
     * billion digits when written out, and the point is to see how the parser meets the short form.
     */
    private static FuzzedEvent withNumber(Mutation mutation, String what, ObjectNode event, ObjectNode holder,
                                          String field, String literal) {
        holder.put(field, NUMBER_PLACEHOLDER);
        String json = ContractJson.write(event).replace("\"" + NUMBER_PLACEHOLDER + "\"", literal);
        return new FuzzedEvent(mutation, what + " " + literal, json);
    }

    private FuzzedEvent badEnum(ObjectNode event) {
        ObjectNode properties = (ObjectNode) event.get("properties");
        List<BiConsumer<ObjectNode, String>> setters = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add("type");
        setters.add((e, v) -> e.put("type", v));
        names.add("platform");
        setters.add((e, v) -> e.put("platform", v));
        for (String name : List.of("platform", "channel", "purpose", "status")) {
            boolean isEnum = properties != null && properties.has(name)
                    && !(name.equals("status") && type(event).equals("order_status_changed"));
            if (isEnum) {
                names.add("properties." + name);
                setters.add((e, v) -> ((ObjectNode) e.get("properties")).put(name, v));
            }
        }
        int choice = random.nextInt(setters.size());
        String value = pick(NOT_A_WIRE_NAME);
        setters.get(choice).accept(event, value);
        return fuzzed(Mutation.BAD_ENUM, names.get(choice) + " = '" + value + "'", event);
    }

    private FuzzedEvent badDate(ObjectNode event) {
        ObjectNode properties = (ObjectNode) event.get("properties");
        if (type(event).equals("profile_updated") && random.nextBoolean()) {
            String value = pick(BAD_BIRTHDAYS);
            properties.put("birthday", value);
            return fuzzed(Mutation.BAD_DATE, "birthday " + value, event);
        }
        String value = pick(BAD_INSTANTS);
        event.put("occurredAt", value);
        return fuzzed(Mutation.BAD_DATE, "occurredAt " + value.strip(), event);
    }

    private FuzzedEvent badFormat(ObjectNode event) {
        ObjectNode properties = (ObjectNode) event.get("properties");
        List<String> fields = new ArrayList<>(List.of("eventId", "customerId"));
        switch (type(event)) {
            case "purchase_completed" -> fields.add("currency");
            case "store_visited" -> fields.add("storeId");
            case "survey_answered" -> fields.add("question");
            case "profile_updated" -> fields.addAll(List.of("phone", "email", "timezone", "locale", "pushEndpoint"));
            default -> { }
        }
        String field = pick(fields);
        String value = pick(BAD_FORMATS.get(field));
        (field.equals("eventId") || field.equals("customerId") ? event : properties).put(field, value);
        return fuzzed(Mutation.BAD_FORMAT, field + " badly formed", event);
    }

    private FuzzedEvent oversizedString(ObjectNode event) {
        List<Location> strings = locations(event, "").stream().filter(l -> l.value().isTextual()).toList();
        Location at = pick(strings);
        int length = ContractRules.MAX_PUSH_ENDPOINT_LENGTH + 1 + random.nextInt(4000);
        at.replaceWith(NODES.textNode("x".repeat(length)));
        return fuzzed(Mutation.OVERSIZED_STRING, at.path() + " of " + length + " characters", event);
    }

    private FuzzedEvent unknownField(ObjectNode event) {
        List<ObjectNode> objects = new ArrayList<>(List.of(event));
        JsonNode properties = event.get("properties");
        if (properties != null) {
            objects.add((ObjectNode) properties);
            properties.path("items").forEach(item -> objects.add((ObjectNode) item));
        }
        ObjectNode target = pick(objects);
        String name = pick(UNKNOWN_NAMES);
        target.put(name, random.nextBoolean() ? "x" : "1");
        return fuzzed(Mutation.UNKNOWN_FIELD, "unknown field " + name, event);
    }

    private FuzzedEvent garbage(ObjectNode event) {
        String json = ContractJson.write(event);
        String broken = switch (random.nextInt(6)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> json + pick(List.of("}", "x", ",{}", " true", "]"));
            case 2 -> "[" + json.substring(1);
            case 3 -> json.substring(0, 1) + "\"eventId\":\"evt-dup\"," + json.substring(1);
            case 4 -> {
                int at = random.nextInt(json.length());
                yield json.substring(0, at) + pick(NON_WHITESPACE_CONTROLS) + json.substring(at);
            }
            default -> pick(GARBAGE);
        };
        return new FuzzedEvent(Mutation.GARBAGE_JSON, "garbage", broken);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Every value below the root, so a mutation can reach nested fields such as items[2].quantity. */
    private static List<Location> locations(JsonNode node, String path) {
        List<Location> found = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                found.add(new Location((ObjectNode) node, field.getKey(), -1, childPath, field.getValue()));
                found.addAll(locations(field.getValue(), childPath));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String childPath = path + "[" + i + "]";
                found.add(new Location(node, null, i, childPath, node.get(i)));
                found.addAll(locations(node.get(i), childPath));
            }
        }
        return found;
    }

    private record Location(JsonNode parent, String name, int index, String path, JsonNode value) {
        void replaceWith(JsonNode replacement) {
            if (name != null) {
                ((ObjectNode) parent).set(name, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }
    }

    private static ObjectNode sampleLine() {
        return NODES.objectNode().put("sku", "SKU-1").put("category", "misc").put("quantity", 1)
                .put("unitPrice", new BigDecimal("1.00"));
    }

    private static String type(ObjectNode event) {
        return event.path("type").asText();
    }

    private static FuzzedEvent fuzzed(Mutation mutation, String description, ObjectNode event) {
        return new FuzzedEvent(mutation, description, ContractJson.write(event));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
