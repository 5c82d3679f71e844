package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.journey.Condition;
import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.Reentry;
import dev.winback.core.journey.Step;
import dev.winback.core.journey.Trigger;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a definition back in the form {@link JourneyDefinitionParser} reads, canonically: fields
 * in one order, durations in days where whole (P5D), optional fields left out when they say
 * nothing (no priority group, no exits, no note). Reading what this writes gives the same definition.
 */
public final class JourneyDefinitionWriter {

    public String write(JourneyDefinition definition) {
        return ContractJson.write(node(definition));
    }

    /** The definition as a JSON tree, for a response that embeds it. */
    public JsonNode node(JourneyDefinition definition) {
        ObjectNode root = ContractJson.nodes().objectNode();
        root.put("id", definition.id());
        root.put("version", definition.version());
        root.put("name", definition.name());
        root.put("purpose", WireNames.wireName(definition.purpose()));
        root.put("category", definition.category().wireName());
        definition.priorityGroup().ifPresent(group -> root.put("priorityGroup", group));
        root.put("priority", definition.priority());
        root.set("trigger", trigger(definition.trigger()));
        root.put("firstStep", definition.firstStep());
        ArrayNode steps = root.putArray("steps");
        definition.steps().values().forEach(step -> steps.add(step(step)));
        if (!definition.exitOn().isEmpty()) {
            ArrayNode exitOn = root.putArray("exitOn");
            definition.exitOn().forEach(match -> exitOn.add(ConditionsJson.write(match)));
        }
        root.set("reentry", reentry(definition.reentry()));
        if (!definition.note().isEmpty()) root.put("note", definition.note());
        return root;
    }

    /** An event trigger's match conditions and its own are written as one list, as they are read. */
    private static ObjectNode trigger(Trigger trigger) {
        ObjectNode node = ContractJson.nodes().objectNode();
        List<Condition> when = new ArrayList<>();
        switch (trigger) {
            case Trigger.OnEvent on -> {
                node.put("event", on.match().eventType());
                when.addAll(on.match().when());
                when.addAll(on.when());
                on.keyFact().ifPresent(key -> node.put("key", key));
                if (on.perLineItem()) node.put("perLineItem", true);
            }
            case Trigger.Annual annual -> {
                ObjectNode date = node.putObject("annual");
                annual.date().ifPresentOrElse(day -> date.put("date", day.toString()), () -> date.put("birthday", true));
                date.put("at", JourneyJsonRules.localTime(annual.at()));
                when.addAll(annual.when());
            }
        }
        if (!when.isEmpty()) node.set("when", ConditionsJson.write(when));
        return node;
    }

    private static ObjectNode step(Step step) {
        ObjectNode node = ContractJson.nodes().objectNode();
        node.put("id", step.id());
        switch (step) {
            case Step.Send send -> {
                ObjectNode body = node.putObject(JourneyStepParser.SEND);
                body.put("campaign", send.campaignId());
                if (!send.channels().isEmpty()) {
                    ArrayNode channels = body.putArray("channels");
                    send.channels().forEach(channel -> channels.add(channel.wireName()));
                }
                if (!send.variables().isEmpty()) {
                    ObjectNode variables = body.putObject("variables");
                    send.variables().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .forEach(variable -> variables.put(variable.getKey(), variable.getValue()));
                }
                node.put("next", send.next());
            }
            case Step.Wait wait -> {
                node.put(JourneyStepParser.WAIT, JourneyJsonRules.duration(wait.duration()));
                wait.durationFrom().ifPresent(from -> node.put("durationFrom", from));
                node.put("next", wait.next());
            }
            case Step.WaitUntil until -> {
                ObjectNode body = node.putObject(JourneyStepParser.WAIT_UNTIL);
                body.put("at", JourneyJsonRules.localTime(until.at()));
                if (!until.minimum().isZero()) body.put("minimum", JourneyJsonRules.duration(until.minimum()));
                node.put("next", until.next());
            }
            case Step.WaitForEvent wait -> {
                ObjectNode body = node.putObject(JourneyStepParser.WAIT_FOR_EVENT);
                body.put("event", wait.match().eventType());
                if (!wait.match().when().isEmpty()) body.set("when", ConditionsJson.write(wait.match().when()));
                body.put("timeout", JourneyJsonRules.duration(wait.timeout()));
                node.put("onEvent", wait.onEvent());
                node.put("onTimeout", wait.onTimeout());
            }
            case Step.Branch branch -> {
                node.set(JourneyStepParser.IF, ConditionsJson.write(branch.when()));
                node.put("then", branch.then());
                node.put("otherwise", branch.otherwise());
            }
            case Step.Exit exit -> node.put(JourneyStepParser.EXIT, exit.reason());
        }
        return node;
    }

    private static ObjectNode reentry(Reentry reentry) {
        ObjectNode node = ContractJson.nodes().objectNode();
        node.put("kind", reentry.kind().wireName());
        if (reentry.kind() == Reentry.Kind.AFTER_COOLDOWN) node.put("cooldown", JourneyJsonRules.duration(reentry.cooldown()));
        return node;
    }
}
