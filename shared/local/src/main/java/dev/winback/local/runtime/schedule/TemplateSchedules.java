package dev.winback.local.runtime.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the schedules from the template: every function event of Type Schedule (EventBridge rule,
 * Properties.Schedule, Enabled / State) or ScheduleV2 (EventBridge Scheduler, Properties.ScheduleExpression,
 * ScheduleExpressionTimezone, State). Schedules on other resources (AWS::Events::Rule,
 * AWS::Scheduler::Schedule) are not read.
 */
public final class TemplateSchedules {

    private TemplateSchedules() {
    }

    public static List<ScheduleDefinition> from(SamTemplate template) {
        List<ScheduleDefinition> schedules = new ArrayList<>();
        template.resourcesOfType(SamTemplate.SERVERLESS_FUNCTION).forEach((functionId, function) ->
                function.path("Properties").path("Events").properties().forEach(event -> {
                    String type = event.getValue().path("Type").asText();
                    if (!type.equals("Schedule") && !type.equals("ScheduleV2")) {
                        return;
                    }
                    String where = functionId + ".Events." + event.getKey() + ".Properties";
                    JsonNode properties = event.getValue().path("Properties");
                    boolean v2 = type.equals("ScheduleV2");
                    String text = literal(properties.path(v2 ? "ScheduleExpression" : "Schedule"),
                            where + (v2 ? ".ScheduleExpression" : ".Schedule"));
                    ZoneId zone = v2 ? zone(properties.path("ScheduleExpressionTimezone"), where) : ZoneOffset.UTC;
                    ScheduleExpression expression;
                    try {
                        expression = ScheduleExpression.parse(text, zone);
                    } catch (InvalidScheduleException e) {
                        throw new TemplateException(where + ": " + e.getMessage());
                    }
                    schedules.add(new ScheduleDefinition(functionId, event.getKey(), text, expression,
                            enabled(properties), input(properties)));
                }));
        return List.copyOf(schedules);
    }

    private static boolean enabled(JsonNode properties) {
        JsonNode enabled = properties.path("Enabled");
        if (!enabled.isMissingNode() && enabled.isValueNode()) {
            return enabled.asBoolean(true);
        }
        JsonNode state = properties.path("State");
        return state.isMissingNode() || !state.isValueNode() || !"DISABLED".equalsIgnoreCase(state.asText());
    }

    private static ZoneId zone(JsonNode node, String where) {
        if (node.isMissingNode()) {
            return ZoneOffset.UTC;
        }
        String text = literal(node, where + ".ScheduleExpressionTimezone");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new TemplateException(where + ".ScheduleExpressionTimezone: unknown time zone \"" + text + "\"");
        }
    }

    private static Optional<String> input(JsonNode properties) {
        JsonNode input = properties.path("Input");
        return input.isTextual() ? Optional.of(input.textValue()) : Optional.empty();
    }

    private static String literal(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new TemplateException(where + " must be a literal schedule expression"
                    + (node.isMissingNode() ? " and is missing" : ""));
        }
        return node.textValue();
    }
}
