package dev.winback.core.journey;

import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything wrong with a definition, all at once: ids, step references, facts and operators,
 * durations, and loops that could run forever without waiting. Only a definition with no problem
 * may be activated.
 */
public final class JourneyCheck {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private JourneyCheck() {
    }

    public static List<JourneyProblem> problems(JourneyDefinition definition) {
        List<JourneyProblem> problems = new ArrayList<>();
        if (!ID.matcher(definition.id()).matches()) {
            problems.add(new JourneyProblem("id", "must be lower-case letters, digits and dashes (at most 63)"));
        }
        if (definition.version() < 1) problems.add(new JourneyProblem("version", "must be at least 1"));
        definition.priorityGroup().filter(group -> !ID.matcher(group).matches()).ifPresent(group ->
                problems.add(new JourneyProblem("priorityGroup", "must be lower-case letters, digits and dashes")));
        if (definition.purpose() == Purpose.TRANSACTIONAL && definition.category() != MessageCategory.ORDER_UPDATES) {
            // Transactional messages pass marketing opt-outs: only service messages may claim it.
            problems.add(new JourneyProblem("purpose", "a transactional journey must be in category order_updates, "
                    + "not " + definition.category().wireName()));
        }
        if (definition.steps().isEmpty()) problems.add(new JourneyProblem("steps", "a journey needs at least one step"));
        if (!definition.steps().containsKey(definition.firstStep())) {
            problems.add(new JourneyProblem("firstStep", "names no step: " + definition.firstStep()));
        }
        checkTrigger(definition.trigger(), problems);
        for (int i = 0; i < definition.exitOn().size(); i++) {
            checkConditions("exitOn[" + i + "].when", definition.exitOn().get(i).when(), problems);
        }
        definition.steps().forEach((id, step) -> {
            String where = "steps." + id;
            if (!id.equals(step.id())) problems.add(new JourneyProblem(where, "is filed under another id: " + step.id()));
            if (!ID.matcher(id).matches()) {
                problems.add(new JourneyProblem(where, "step ids must be lower-case letters, digits and dashes"));
            }
            for (String next : successors(step)) {
                if (!definition.steps().containsKey(next)) {
                    problems.add(new JourneyProblem(where, "goes to a step that does not exist: " + next));
                }
            }
            checkStep(where, step, problems);
        });
        if (problems.isEmpty()) checkLoops(definition, problems);
        return List.copyOf(problems);
    }

    private static void checkTrigger(Trigger trigger, List<JourneyProblem> problems) {
        switch (trigger) {
            case Trigger.OnEvent on -> {
                checkConditions("trigger.when", on.match().when(), problems);
                checkConditions("trigger.when", on.when(), problems);
                on.keyFact().filter(fact -> !FactNames.known(fact) || !fact.startsWith(FactNames.EVENT))
                        .ifPresent(fact -> problems.add(new JourneyProblem("trigger.key",
                                "must name a fact of the event, such as event.orderId: " + fact)));
                if (on.perLineItem() && !on.match().eventType().equals("purchase_completed")) {
                    problems.add(new JourneyProblem("trigger.perLineItem", "only a purchase has line items"));
                }
            }
            case Trigger.Annual annual -> checkConditions("trigger.when", annual.when(), problems);
        }
    }

    private static void checkStep(String where, Step step, List<JourneyProblem> problems) {
        switch (step) {
            case Step.Send send -> {
                if (!ID.matcher(send.campaignId()).matches()) {
                    problems.add(new JourneyProblem(where + ".campaign", "must be lower-case letters, digits and dashes"));
                }
                if (send.channels().size() != Set.copyOf(send.channels()).size()) {
                    problems.add(new JourneyProblem(where + ".channels", "lists a channel twice"));
                }
                send.variables().forEach((name, value) -> {
                    if (!FactNames.isName(name)) {
                        problems.add(new JourneyProblem(where + ".variables." + name, "is not a valid variable name"));
                    }
                });
            }
            case Step.Wait wait -> {
                positive(where + ".duration", wait.duration(), problems);
                wait.durationFrom().filter(name -> !FactNames.isName(name)).ifPresent(name ->
                        problems.add(new JourneyProblem(where + ".durationFrom", "is not a context entry name: " + name)));
            }
            case Step.WaitUntil until -> {
                if (until.minimum().isNegative()) {
                    problems.add(new JourneyProblem(where + ".minimum", "must not be negative"));
                }
            }
            case Step.WaitForEvent wait -> {
                positive(where + ".timeout", wait.timeout(), problems);
                checkConditions(where + ".when", wait.match().when(), problems);
            }
            case Step.Branch branch -> {
                if (branch.when().isEmpty()) problems.add(new JourneyProblem(where + ".when", "a branch needs a condition"));
                checkConditions(where + ".when", branch.when(), problems);
                for (int i = 0; i < branch.when().size(); i++) {
                    String fact = branch.when().get(i).fact();
                    if (fact.startsWith(FactNames.EVENT)) {
                        problems.add(new JourneyProblem(where + ".when[" + i + "]", "a step sees the run's context and "
                                + "the record, not the triggering event: use context." + fact.substring(FactNames.EVENT.length())));
                    }
                }
            }
            case Step.Exit exit -> {
                if (!ID.matcher(exit.reason()).matches()) {
                    problems.add(new JourneyProblem(where + ".reason", "must be lower-case letters, digits and dashes"));
                }
            }
        }
    }

    private static void positive(String where, Duration duration, List<JourneyProblem> problems) {
        if (duration.isZero() || duration.isNegative()) problems.add(new JourneyProblem(where, "must be positive"));
    }

    private static void checkConditions(String where, List<Condition> conditions, List<JourneyProblem> problems) {
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String at = where + "[" + i + "]";
            if (!FactNames.known(c.fact())) problems.add(new JourneyProblem(at, "unknown fact: " + c.fact()));
            int arity = c.op().arity();
            if (arity == 0 && !c.values().isEmpty()) {
                problems.add(new JourneyProblem(at, c.op().wireName() + " takes no value"));
            } else if (arity == 1 && c.values().size() != 1) {
                problems.add(new JourneyProblem(at, c.op().wireName() + " takes exactly one value"));
            } else if (arity < 0 && c.values().isEmpty()) {
                problems.add(new JourneyProblem(at, c.op().wireName() + " takes at least one value"));
            }
            for (String value : c.values()) {
                if (value.startsWith(Condition.CONTEXT_REFERENCE)
                        && !FactNames.isName(value.substring(Condition.CONTEXT_REFERENCE.length()))) {
                    problems.add(new JourneyProblem(at, "refers to an invalid context entry: " + value));
                }
            }
            boolean numeric = switch (c.op()) {
                case GT, GTE, LT, LTE, WITHIN_DAYS, OLDER_THAN_DAYS -> true;
                default -> false;
            };
            if (numeric) {
                for (String value : c.values()) {
                    if (value.startsWith(Condition.CONTEXT_REFERENCE)) continue;
                    try {
                        new java.math.BigDecimal(value);
                    } catch (NumberFormatException e) {
                        problems.add(new JourneyProblem(at, c.op().wireName() + " needs a number: " + value));
                    }
                }
            }
        }
    }

    /** A cycle through steps none of which waits would advance forever in one call. */
    private static void checkLoops(JourneyDefinition definition, List<JourneyProblem> problems) {
        for (String start : definition.steps().keySet()) {
            Deque<String> todo = new ArrayDeque<>(successorsWithoutWait(definition.steps().get(start)));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String id = todo.pop();
                if (id.equals(start)) {
                    problems.add(new JourneyProblem("steps." + start, "is on a loop with no wait in it"));
                    break;
                }
                if (seen.add(id)) todo.addAll(successorsWithoutWait(definition.steps().get(id)));
            }
        }
    }

    static List<String> successors(Step step) {
        return switch (step) {
            case Step.Send send -> List.of(send.next());
            case Step.Wait wait -> List.of(wait.next());
            case Step.WaitUntil until -> List.of(until.next());
            case Step.WaitForEvent wait -> List.of(wait.onEvent(), wait.onTimeout());
            case Step.Branch branch -> List.of(branch.then(), branch.otherwise());
            case Step.Exit exit -> List.of();
        };
    }

    private static List<String> successorsWithoutWait(Step step) {
        return switch (step) {
            case Step.Send send -> List.of(send.next());
            case Step.Branch branch -> List.of(branch.then(), branch.otherwise());
            case Step.Wait w -> List.of();
            case Step.WaitUntil w -> List.of();
            case Step.WaitForEvent w -> List.of();
            case Step.Exit exit -> List.of();
        };
    }
}
