package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Moves one run through its steps until it waits or ends. A run is stored at a step it waits at
 * (due when the wait ends) or at a step to take (due at once); taking a step never reads the clock
 * but {@code now}, so the same run at the same instant always takes the same steps.
 */
final class StepRunner {

    /** A safety net: a checked definition has no loop without a wait, so this is never reached. */
    static final int MAX_STEPS_PER_CALL = 32;

    private final DeliveryPolicy policy;
    private final ZoneId zone;

    StepRunner(DeliveryPolicy policy, ZoneId zone) {
        this.policy = policy;
        this.zone = zone;
    }

    /** The run at {@code stepId} from {@code now}: waiting with its deadline, or due at once to take the step. */
    JourneyRun arrive(JourneyDefinition definition, JourneyRun run, String stepId, Instant now) {
        Optional<Instant> due = switch (definition.step(stepId).orElse(null)) {
            case Step.Wait wait -> Optional.of(now.plus(waitOf(wait, run)));
            case Step.WaitUntil until -> Optional.of(LocalTimes.nextAt(until.at(), zone, now.plus(until.minimum())));
            case Step.WaitForEvent wait -> Optional.of(now.plus(wait.timeout()));
            case null, default -> Optional.of(now);
        };
        return run.at(stepId, now, due);
    }

    /** Takes the due run's steps; the book records sends, the move, or the exit. */
    void advance(RunBook book, JourneyDefinition definition, JourneyRun run, Facts recordFacts) {
        Instant now = book.now;
        JourneyRun current = run;
        for (int taken = 0; taken < MAX_STEPS_PER_CALL; taken++) {
            Optional<Step> found = definition.step(current.stepId());
            if (found.isEmpty()) {
                book.exit(current, "step_removed");
                return;
            }
            boolean elapsed = current.dueAt().map(due -> !due.isAfter(now)).orElse(false);
            switch (found.get()) {
                case Step.Wait wait -> {
                    if (!elapsed) break;
                    current = moved(book, arrive(definition, current, wait.next(), now));
                    continue;
                }
                case Step.WaitUntil until -> {
                    if (!elapsed) break;
                    current = moved(book, arrive(definition, current, until.next(), now));
                    continue;
                }
                case Step.WaitForEvent wait -> {
                    if (!elapsed) break;
                    current = moved(book, arrive(definition, current, wait.onTimeout(), now));
                    continue;
                }
                case Step.Send send -> {
                    book.send(current, send.id(), request(book, definition, current, send));
                    current = moved(book, arrive(definition, current, send.next(), now));
                    continue;
                }
                case Step.Branch branch -> {
                    Facts facts = recordFacts.and(Facts.ofContext(current.context()));
                    String to = Conditions.allHold(branch.when(), facts, now) ? branch.then() : branch.otherwise();
                    current = moved(book, arrive(definition, current, to, now));
                    continue;
                }
                case Step.Exit exit -> {
                    book.exit(current, exit.reason());
                    return;
                }
            }
            return;
        }
    }

    private static JourneyRun moved(RunBook book, JourneyRun to) {
        book.replace(to);
        return to;
    }

    /** The wait's duration: the context entry's days when it holds a positive number, else the fixed one. */
    private static Duration waitOf(Step.Wait wait, JourneyRun run) {
        return wait.durationFrom().map(run.context()::get).flatMap(StepRunner::days)
                .filter(days -> days.signum() > 0)
                .map(days -> Duration.ofSeconds(days.multiply(BigDecimal.valueOf(86_400)).longValue()))
                .filter(duration -> !duration.isZero())
                .orElse(wait.duration());
    }

    private static Optional<BigDecimal> days(String value) {
        try {
            return Optional.of(new BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private DeliveryRequest request(RunBook book, JourneyDefinition definition, JourneyRun run, Step.Send send) {
        Map<String, String> variables = new LinkedHashMap<>();
        send.variables().forEach((name, value) -> resolve(value, run).ifPresent(v -> variables.put(name, v)));
        variables.put(DeliveryRequest.JOURNEY_VARIABLE, definition.id());
        Instant now = book.now;
        return new DeliveryRequest(book.customerId(), send.campaignId(), definition.id() + "/" + send.id(),
                slot(run), definition.purpose(), definition.category(), send.channels(), now,
                now.plus(policy.expiry()), policy.receiptWait(), variables, definition.id());
    }

    /** The context entry naming the event that entered the run. */
    static final String TRIGGER_EVENT = "triggerEvent";

    /**
     * The run's name in message keys: its key and the event that entered it, so the same event
     * entering again (redelivered after its id left the seen list) names the same messages and
     * delivery sends them once. A run entered by a date (an annual journey) has no event: its key
     * (the year), entry and trigger time name it.
     */
    static String slot(JourneyRun run) {
        String event = run.context().get(TRIGGER_EVENT);
        if (event != null) return run.key() + "@" + event;
        return run.key() + "#" + run.entry() + "@" + run.triggeredAt().getEpochSecond();
    }

    /** A literal value, or the context entry a {@code $context.<name>} value names (left out when there is none). */
    private static Optional<String> resolve(String value, JourneyRun run) {
        if (!value.startsWith(Condition.CONTEXT_REFERENCE)) return Optional.of(value);
        return Optional.ofNullable(run.context().get(value.substring(Condition.CONTEXT_REFERENCE.length())));
    }
}
