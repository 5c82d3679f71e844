package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.event.Channel;
import dev.winback.core.journey.Condition;
import dev.winback.core.journey.EventMatch;
import dev.winback.core.journey.Step;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one step. A step is an object with an {@code id} and exactly one field that says what it
 * does, with the fields that go with it:
 * <pre>
 * {"id":"ask", "send":{"campaign":"review-request","channels":["email"],"variables":{…}}, "next":"…"}
 * {"id":"wait", "wait":"P5D", "durationFrom":"repurchaseDays", "next":"…"}      (durationFrom optional)
 * {"id":"morning", "waitUntil":{"at":"09:00","minimum":"PT1H"}, "next":"…"}       (minimum optional)
 * {"id":"review", "waitForEvent":{"event":"review_submitted","when":[…],"timeout":"P7D"},
 *      "onEvent":"…", "onTimeout":"…"}
 * {"id":"shipped", "if":[{"fact":"event.status","op":"eq","value":"shipped"}], "then":"…", "otherwise":"…"}
 * {"id":"done", "exit":"reviewed"}
 * </pre>
 */
final class JourneyStepParser {

    static final String SEND = "send";
    static final String WAIT = "wait";
    static final String WAIT_UNTIL = "waitUntil";
    static final String WAIT_FOR_EVENT = "waitForEvent";
    static final String IF = "if";
    static final String EXIT = "exit";
    static final List<String> KINDS = List.of(SEND, WAIT, WAIT_UNTIL, WAIT_FOR_EVENT, IF, EXIT);
    /** The fields of a step of each kind, the id and the kind's own field included. */
    static final Map<String, Set<String>> FIELDS = Map.of(
            SEND, Set.of("id", SEND, "next"),
            WAIT, Set.of("id", WAIT, "durationFrom", "next"),
            WAIT_UNTIL, Set.of("id", WAIT_UNTIL, "next"),
            WAIT_FOR_EVENT, Set.of("id", WAIT_FOR_EVENT, "onEvent", "onTimeout"),
            IF, Set.of("id", IF, "then", "otherwise"),
            EXIT, Set.of("id", EXIT));
    static final Set<String> SEND_FIELDS = Set.of("campaign", "channels", "variables");
    static final Set<String> WAIT_UNTIL_FIELDS = Set.of("at", "minimum");
    static final Set<String> WAIT_FOR_EVENT_FIELDS = Set.of("event", "when", "timeout");
    private static final String CHANNELS = String.join(", ", java.util.Arrays.stream(Channel.values())
            .map(Channel::wireName).toList());

    private final DefinitionFields fields;

    JourneyStepParser(DefinitionFields fields) {
        this.fields = fields;
    }

    /** The steps by id, in the order written; empty if any step could not be read. */
    Optional<Map<String, Step>> steps(JsonNode node, String where) {
        if (fields.array(node, where).isEmpty()) return Optional.empty();
        int before = fields.count();
        Map<String, Step> steps = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String at = where + "[" + i + "]";
            JsonNode id = element.get("id");
            if (id != null && id.isTextual() && !seen.add(id.textValue())) {
                fields.problem(at + ".id", "another step already has the id " + id.textValue());
                continue;
            }
            step(element, at).ifPresent(step -> steps.put(step.id(), step));
        }
        return fields.count() > before ? Optional.empty() : Optional.of(steps);
    }

    private Optional<Step> step(JsonNode node, String where) {
        if (fields.object(node, where).isEmpty()) return Optional.empty();
        List<String> kinds = KINDS.stream().filter(node::has).toList();
        if (kinds.size() != 1) {
            fields.problem(where, "a step has exactly one of " + String.join(", ", KINDS)
                    + (kinds.isEmpty() ? "" : "; this one has " + String.join(" and ", kinds)));
            return Optional.empty();
        }
        String kind = kinds.getFirst();
        int before = fields.count();
        fields.unknownFields(node, where, FIELDS.get(kind), "a " + kind + " step has " + String.join(", ",
                FIELDS.get(kind).stream().sorted().toList()));
        Optional<String> id = fields.requiredText(node, where, "id");
        JsonNode body = node.get(kind);
        String at = DefinitionFields.at(where, kind);
        Optional<Step> step = switch (kind) {
            case SEND -> send(id, body, at, node, where);
            case WAIT -> wait(id, body, at, node, where);
            case WAIT_UNTIL -> waitUntil(id, body, at, node, where);
            case WAIT_FOR_EVENT -> waitForEvent(id, body, at, node, where);
            case IF -> branch(id, body, at, node, where);
            case EXIT -> fields.text(body, at).flatMap(reason -> id.map(i -> new Step.Exit(i, reason)));
            default -> throw new IllegalStateException("no reader for step kind " + kind);
        };
        return fields.count() > before ? Optional.empty() : step;
    }

    private Optional<Step> send(Optional<String> id, JsonNode body, String at, JsonNode node, String where) {
        Optional<String> next = fields.requiredText(node, where, "next");
        if (fields.object(body, at).isEmpty()) return Optional.empty();
        fields.unknownFields(body, at, SEND_FIELDS, "a send has campaign, channels and variables");
        Optional<String> campaign = fields.requiredText(body, at, "campaign");
        List<Channel> channels = new ArrayList<>();
        JsonNode channelsNode = body.get("channels");
        if (channelsNode != null) {
            fields.list(channelsNode, at + ".channels", (element, w) -> fields.choice(element, w,
                    name -> WireNames.lookup(Channel.class, name), "channel", CHANNELS)).ifPresent(channels::addAll);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode variablesNode = body.get("variables");
        if (variablesNode != null && fields.object(variablesNode, at + ".variables").isPresent()) {
            for (Map.Entry<String, JsonNode> variable : variablesNode.properties()) {
                fields.text(variable.getValue(), at + ".variables." + variable.getKey())
                        .ifPresent(value -> variables.put(variable.getKey(), value));
            }
        }
        if (id.isEmpty() || next.isEmpty() || campaign.isEmpty()) return Optional.empty();
        return Optional.of(new Step.Send(id.get(), campaign.get(), channels, variables, next.get()));
    }

    private Optional<Step> wait(Optional<String> id, JsonNode body, String at, JsonNode node, String where) {
        Optional<String> next = fields.requiredText(node, where, "next");
        Optional<Duration> duration = fields.positiveDuration(body, at);
        Optional<String> from = fields.optionalText(node, where, "durationFrom");
        if (id.isEmpty() || next.isEmpty() || duration.isEmpty()) return Optional.empty();
        return Optional.of(new Step.Wait(id.get(), duration.get(), from, next.get()));
    }

    private Optional<Step> waitUntil(Optional<String> id, JsonNode body, String at, JsonNode node, String where) {
        Optional<String> next = fields.requiredText(node, where, "next");
        if (fields.object(body, at).isEmpty()) return Optional.empty();
        fields.unknownFields(body, at, WAIT_UNTIL_FIELDS, "a waitUntil has at and minimum");
        Optional<LocalTime> time = fields.required(body, at, "at").flatMap(t -> fields.localTime(t, at + ".at"));
        JsonNode minimumNode = body.get("minimum");
        Optional<Duration> minimum = minimumNode == null ? Optional.of(Duration.ZERO)
                : fields.duration(minimumNode, at + ".minimum");
        if (id.isEmpty() || next.isEmpty() || time.isEmpty() || minimum.isEmpty()) return Optional.empty();
        return Optional.of(new Step.WaitUntil(id.get(), time.get(), minimum.get(), next.get()));
    }

    private Optional<Step> waitForEvent(Optional<String> id, JsonNode body, String at, JsonNode node, String where) {
        Optional<String> onEvent = fields.requiredText(node, where, "onEvent");
        Optional<String> onTimeout = fields.requiredText(node, where, "onTimeout");
        if (fields.object(body, at).isEmpty()) return Optional.empty();
        fields.unknownFields(body, at, WAIT_FOR_EVENT_FIELDS, "a waitForEvent has event, when and timeout");
        Optional<String> event = ConditionsJson.eventType(body, at, "event", fields);
        Optional<List<Condition>> when = ConditionsJson.when(body, at, fields);
        Optional<Duration> timeout = fields.required(body, at, "timeout")
                .flatMap(t -> fields.positiveDuration(t, at + ".timeout"));
        if (id.isEmpty() || onEvent.isEmpty() || onTimeout.isEmpty() || event.isEmpty() || when.isEmpty()
                || timeout.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step.WaitForEvent(id.get(), new EventMatch(event.get(), when.get()), timeout.get(),
                onEvent.get(), onTimeout.get()));
    }

    private Optional<Step> branch(Optional<String> id, JsonNode body, String at, JsonNode node, String where) {
        Optional<String> then = fields.requiredText(node, where, "then");
        Optional<String> otherwise = fields.requiredText(node, where, "otherwise");
        Optional<List<Condition>> when = fields.list(body, at, (element, w) -> ConditionsJson.condition(element, w, fields));
        if (id.isEmpty() || then.isEmpty() || otherwise.isEmpty() || when.isEmpty()) return Optional.empty();
        return Optional.of(new Step.Branch(id.get(), when.get(), then.get(), otherwise.get()));
    }
}
