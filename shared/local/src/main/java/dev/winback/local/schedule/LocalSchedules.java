package dev.winback.local.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the template's schedules on the virtual clock. Nothing fires by itself: each {@link #tick()}
 * looks at how far the clock has moved and runs every schedule with at least one firing due since
 * its last run, once, for the latest due firing, reporting how many earlier firings it folded in.
 * So jumping the clock a month ahead runs a daily job once, not thirty times, the way a job that
 * catches up on its backlog would see it.
 *
 * <p>Schedules start when this object is created: no firing before that counts. A failed run still
 * counts as run (EventBridge would retry, then give up; locally the failure is reported instead).
 * After the clock is set back, a schedule waits until the clock passes its last run again.
 * Disabled schedules never run. Thread-safe.
 */
public final class LocalSchedules {

    private final Clock clock;
    private final Instant created;
    private final List<ScheduleDefinition> schedules;
    private final Map<String, ScheduleTarget> targets;
    private final Map<String, Instant> lastRuns = new LinkedHashMap<>();

    /**
     * @param targets logical function id to the local invoker of that function; a due schedule of a
     *                function with no invoker is reported as {@link TickReport.Status#NO_TARGET}
     */
    public LocalSchedules(List<ScheduleDefinition> schedules, Map<String, ScheduleTarget> targets, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedules = List.copyOf(schedules);
        this.targets = Map.copyOf(targets);
        this.created = clock.instant();
        for (ScheduleDefinition schedule : this.schedules) {
            lastRuns.put(schedule.id(), created);
        }
    }

    public List<ScheduleDefinition> schedules() {
        return schedules;
    }

    public synchronized TickReport tick() {
        Instant now = clock.instant();
        List<TickReport.Outcome> outcomes = new ArrayList<>();
        for (ScheduleDefinition schedule : schedules) {
            if (!schedule.enabled()) {
                continue;
            }
            ScheduleExpression.DueRuns due = schedule.expression().dueBetween(lastRuns.get(schedule.id()), now, created);
            if (!due.any()) {
                continue;
            }
            lastRuns.put(schedule.id(), due.latest());
            outcomes.add(run(schedule, due));
        }
        return new TickReport(now, outcomes);
    }

    private TickReport.Outcome run(ScheduleDefinition schedule, ScheduleExpression.DueRuns due) {
        ScheduleTarget target = targets.get(schedule.functionId());
        if (target == null) {
            return outcome(schedule, due, TickReport.Status.NO_TARGET,
                    "no local invoker registered for function " + schedule.functionId(), 0);
        }
        long started = System.nanoTime();
        try {
            target.run(new ScheduledRun(schedule, due.latest(), due.count() - 1));
            return outcome(schedule, due, TickReport.Status.RAN, null, millisSince(started));
        } catch (Exception e) {
            return outcome(schedule, due, TickReport.Status.FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(started));
        }
    }

    private static TickReport.Outcome outcome(ScheduleDefinition schedule, ScheduleExpression.DueRuns due,
                                              TickReport.Status status, String error, long millis) {
        return new TickReport.Outcome(schedule.id(), schedule.functionId(), schedule.expressionText(),
                due.latest(), due.count(), status, error, millis);
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
