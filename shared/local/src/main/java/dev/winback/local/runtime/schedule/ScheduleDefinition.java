package dev.winback.local.runtime.schedule;

import java.util.Objects;
import java.util.Optional;

/**
 * One schedule event of one function, as the template declares it.
 *
 * @param input the constant JSON the schedule passes to the function, when the template sets Input
 */
public record ScheduleDefinition(
        String functionId,
        String eventName,
        String expressionText,
        ScheduleExpression expression,
        boolean enabled,
        Optional<String> input) {

    public ScheduleDefinition {
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(expressionText, "expressionText");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(input, "input");
    }

    /** "NightlyFunction.Nightly". */
    public String id() {
        return functionId + "." + eventName;
    }
}
