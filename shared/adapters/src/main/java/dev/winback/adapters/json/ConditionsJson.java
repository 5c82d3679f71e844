package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.journey.Condition;
import dev.winback.core.journey.EventMatch;
import dev.winback.core.journey.Operator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Conditions and event matches in their JSON form:
 * {@code {"fact":"record.orders","op":"eq","value":1}} or {@code {"fact":…,"op":"in","values":[…]}};
 * {@code {"event":"review_submitted","when":[…]}}. Values may be written as strings, numbers or
 * booleans; the model keeps them as text, and the writer gives numbers and booleans back as such.
 */
final class ConditionsJson {

    static final Set<String> CONDITION_FIELDS = Set.of("fact", "op", "value", "values");
    static final Set<String> MATCH_FIELDS = Set.of("event", "when");
    static final String OPERATORS = Arrays.stream(Operator.values()).map(Operator::wireName)
            .collect(Collectors.joining(", "));

    private ConditionsJson() {
    }

    /** An absent {@code when} is no condition. */
    static Optional<List<Condition>> when(JsonNode parent, String path, DefinitionFields fields) {
        JsonNode node = parent.get("when");
        if (node == null) return Optional.of(List.of());
        return fields.list(node, DefinitionFields.at(path, "when"), (element, where) -> condition(element, where, fields));
    }

    static Optional<Condition> condition(JsonNode node, String where, DefinitionFields fields) {
        if (fields.object(node, where).isEmpty()) return Optional.empty();
        int before = fields.count();
        fields.unknownFields(node, where, CONDITION_FIELDS, "a condition has fact, op and value or values");
        Optional<String> fact = fields.requiredText(node, where, "fact");
        Optional<Operator> op = fields.required(node, where, "op").flatMap(opNode ->
                fields.choice(opNode, where + ".op", Operator::byWireName, "operator", OPERATORS));
        List<String> values = new ArrayList<>();
        JsonNode value = node.get("value");
        JsonNode many = node.get("values");
        if (value != null && many != null) {
            fields.problem(where, "has value and values; write one value as value, several as values");
        } else if (value != null) {
            value(value, where + ".value", fields).ifPresent(values::add);
        } else if (many != null) {
            fields.list(many, where + ".values", (element, at) -> value(element, at, fields)).ifPresent(values::addAll);
        }
        if (fields.count() > before) return Optional.empty();
        return Optional.of(new Condition(fact.orElseThrow(), op.orElseThrow(), values));
    }

    private static Optional<String> value(JsonNode node, String where, DefinitionFields fields) {
        if (node.isTextual()) return Optional.of(node.textValue());
        if (node.isBoolean()) return Optional.of(String.valueOf(node.booleanValue()));
        if (node.isNumber()) return Optional.of(node.decimalValue().toPlainString());
        fields.problem(where, "must be a string, a number or a boolean, not " + DefinitionFields.kind(node));
        return Optional.empty();
    }

    static Optional<EventMatch> match(JsonNode node, String where, DefinitionFields fields) {
        if (fields.object(node, where).isEmpty()) return Optional.empty();
        int before = fields.count();
        fields.unknownFields(node, where, MATCH_FIELDS, "an event match has event and when");
        Optional<String> event = eventType(node, where, "event", fields);
        Optional<List<Condition>> when = when(node, where, fields);
        if (fields.count() > before) return Optional.empty();
        return Optional.of(new EventMatch(event.orElseThrow(), when.orElseThrow()));
    }

    static Optional<String> eventType(JsonNode parent, String path, String field, DefinitionFields fields) {
        Optional<String> type = fields.requiredText(parent, path, field);
        if (type.isPresent() && !JourneyJsonRules.isEventType(type.get())) {
            fields.problem(DefinitionFields.at(path, field),
                    "must be an event type in lower snake case, such as purchase_completed");
            return Optional.empty();
        }
        return type;
    }

    // ---- writing -----------------------------------------------------------------------------

    static ArrayNode write(List<Condition> conditions) {
        ArrayNode array = ContractJson.nodes().arrayNode();
        for (Condition condition : conditions) {
            ObjectNode node = array.addObject();
            node.put("fact", condition.fact());
            node.put("op", condition.op().wireName());
            if (condition.values().size() == 1 && condition.op().arity() == 1) {
                node.set("value", value(condition.values().getFirst()));
            } else if (!condition.values().isEmpty()) {
                ArrayNode values = node.putArray("values");
                condition.values().forEach(v -> values.add(value(v)));
            }
        }
        return array;
    }

    static ObjectNode write(EventMatch match) {
        ObjectNode node = ContractJson.nodes().objectNode();
        node.put("event", match.eventType());
        if (!match.when().isEmpty()) node.set("when", write(match.when()));
        return node;
    }

    /** A number or a boolean when the text reads back as the same text, else a string. */
    private static JsonNode value(String text) {
        if (text.equals("true") || text.equals("false")) return ContractJson.nodes().booleanNode(Boolean.parseBoolean(text));
        if (text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?")) {
            BigDecimal number = new BigDecimal(text);
            if (number.toPlainString().equals(text)) return ContractJson.nodes().numberNode(number);
        }
        return ContractJson.nodes().textNode(text);
    }
}
