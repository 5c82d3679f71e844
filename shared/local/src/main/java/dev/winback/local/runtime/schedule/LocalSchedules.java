package dev.winback.local.runtime.schedule;

import dev.winback.local.runtime.clock.RunClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the template's schedules on the virtual clock. Nothing fires by itself: each {@link #tick()}
 * runs every firing that fell due since the last tick, as EventBridge would have: in time order
 * across all schedules, with the {@link RunClock} at each firing while its function runs. So after a
 * jump of five months a campaign due on day 181 goes out on day 181, not on the day of the tick.
 *
 * <p>Three things keep a long jump cheap without changing what happens:
 * <ul>
 *   <li>A firing before its target's {@link ScheduleTarget#nextWork()} is skipped as idle: running
 *       it would find nothing due. A quiet month costs a few index reads, not thousands of runs.</li>
 *   <li>At most {@link #DEFAULT_FIRINGS_PER_SCHEDULE} firings of one schedule are considered per
 *       tick; beyond that the window is cut into that many equal slices, each standing for the
 *       firings in it, at the latest of them (rate(1 minute) over five months becomes one firing
 *       every two minutes or so).</li>
 *   <li>After {@link #DEFAULT_RUNS_PER_SCHEDULE} actual runs of one schedule in one tick (work due
 *       at every firing, say a record that fails each time), its remaining firings are coalesced
 *       into the last one.</li>
 * </ul>
 * Coalescing is sound for the template's functions because each run catches up with everything due
 * by its clock (the evaluator and the resumer read what fell due; the fit reads all history); what
 * is lost is only timing, and the report says how many firings were coalesced.
 *
 * <p>Schedules start when this object is created: no firing before that counts. A failed run still
 * counts as run (EventBridge would retry, then give up; locally the failure is reported instead).
 * After the clock is set back, a schedule waits until the clock passes its last run again.
 * Disabled schedules never run. Thread-safe; the virtual clock itself is never moved.
 */
public final class LocalSchedules {

    public static final int DEFAULT_FIRINGS_PER_SCHEDULE = 100_000;
    public static final int DEFAULT_RUNS_PER_SCHEDULE = 1_000;

    private final RunClock clock;
    private final Instant created;
    private final int firingsPerSchedule;
    private final int runsPerSchedule;
    private final List<ScheduleDefinition> schedules;
    private final Map<String, ScheduleTarget> targets;
    private final Map<String, Instant> lastRuns = new LinkedHashMap<>();

    /**
     * @param targets logical function id to the local invoker of that function; a due schedule of a
     *                function with no invoker is reported as {@link TickReport.Status#NO_TARGET}
     */
    public LocalSchedules(List<ScheduleDefinition> schedules, Map<String, ScheduleTarget> targets, RunClock clock) {
        this(schedules, targets, clock, DEFAULT_FIRINGS_PER_SCHEDULE, DEFAULT_RUNS_PER_SCHEDULE);
    }

    public LocalSchedules(List<ScheduleDefinition> schedules, Map<String, ScheduleTarget> targets, RunClock clock,
                          int firingsPerSchedule, int runsPerSchedule) {
        if (firingsPerSchedule < 1 || runsPerSchedule < 1) {
            throw new IllegalArgumentException("a tick must consider and run at least one firing per schedule");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedules = List.copyOf(schedules);
        this.targets = Map.copyOf(targets);
        this.firingsPerSchedule = firingsPerSchedule;
        this.runsPerSchedule = runsPerSchedule;
        this.created = clock.now();
        for (ScheduleDefinition schedule : this.schedules) {
            lastRuns.put(schedule.id(), created);
        }
    }

    public List<ScheduleDefinition> schedules() {
        return schedules;
    }

    public synchronized TickReport tick() {
        Instant now = clock.now();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        List<ScheduledRun> plan = new ArrayList<>();
        for (ScheduleDefinition schedule : schedules) {
            if (!schedule.enabled()) {
                continue;
            }
            List<ScheduledRun> firings = firings(schedule, lastRuns.get(schedule.id()), now);
            if (firings.isEmpty()) {
                continue;
            }
            lastRuns.put(schedule.id(), firings.getLast().scheduledAt());
            tallies.put(schedule.id(), new Tally(schedule, firings));
            plan.addAll(firings);
        }
        // A stable sort: firings at the same instant run in template order.
        plan.sort(Comparator.comparing(ScheduledRun::scheduledAt));
        // What each schedule's target has due next; any run may change it, so it is forgotten after each.
        Map<String, Optional<Instant>> nextWork = new HashMap<>();
        try {
            for (ScheduledRun firing : plan) {
                Tally tally = tallies.get(firing.schedule().id());
                long started = System.nanoTime();
                if (tally.runs >= runsPerSchedule && !tally.isLast(firing)) {
                    tally.coalesced++;
                } else if (idle(firing, nextWork)) {
                    tally.idle++;
                } else {
                    clock.runAt(firing.scheduledAt());
                    tally.ran(run(firing));
                    nextWork.clear();
                }
                tally.nanos += System.nanoTime() - started;
            }
        } finally {
            clock.release();
        }
        return new TickReport(now, tallies.values().stream().map(Tally::outcome).toList());
    }

    /** The firings in (after, now] to consider: each of them, or one per slice when there are too many. */
    private List<ScheduledRun> firings(ScheduleDefinition schedule, Instant after, Instant now) {
        ScheduleExpression expression = schedule.expression();
        ScheduleExpression.DueRuns due = expression.dueBetween(after, now, created);
        List<ScheduledRun> firings = new ArrayList<>();
        if (!due.any()) {
            return firings;
        }
        long slices = Math.min(due.count(), firingsPerSchedule);
        Duration window = Duration.between(after, now);
        Instant from = after;
        for (long slice = 1; slice <= slices; slice++) {
            Instant until = slice == slices ? now : after.plus(window.multipliedBy(slice).dividedBy(slices));
            ScheduleExpression.DueRuns inSlice = expression.dueBetween(from, until, created);
            if (inSlice.any()) {
                firings.add(new ScheduledRun(schedule, inSlice.latest(), inSlice.count() - 1));
                from = inSlice.latest();
            }
        }
        return firings;
    }

    /** Whether the firing would find nothing due; when unsure (no target, a failed read), it is not idle. */
    private boolean idle(ScheduledRun firing, Map<String, Optional<Instant>> nextWork) {
        ScheduleTarget target = targets.get(firing.schedule().functionId());
        if (target == null) {
            return false;
        }
        Optional<Instant> next = nextWork.computeIfAbsent(firing.schedule().id(), id -> {
            try {
                return target.nextWork();
            } catch (RuntimeException e) {
                return Optional.of(Instant.MIN);
            }
        });
        return next.isEmpty() || next.get().isAfter(firing.scheduledAt());
    }

    /** Runs one firing; the error to report, or null. */
    private String run(ScheduledRun firing) {
        ScheduleTarget target = targets.get(firing.schedule().functionId());
        if (target == null) {
            return "no local invoker registered for function " + firing.schedule().functionId();
        }
        try {
            target.run(firing);
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** What one schedule's firings in one tick came to. */
    private final class Tally {
        private final ScheduleDefinition schedule;
        private final List<ScheduledRun> firings;
        long nanos;
        long runs;
        long idle;
        long coalesced;
        private long failed;
        private String firstError;

        Tally(ScheduleDefinition schedule, List<ScheduledRun> firings) {
            this.schedule = schedule;
            this.firings = firings;
            // Firings folded into a slice's latest one were never considered on their own.
            this.coalesced = firings.stream().mapToLong(ScheduledRun::coalesced).sum();
        }

        boolean isLast(ScheduledRun firing) {
            return firing == firings.getLast();
        }

        void ran(String error) {
            runs++;
            if (error != null) {
                failed++;
                if (firstError == null) firstError = error;
            }
        }

        TickReport.Outcome outcome() {
            TickReport.Status status = !targets.containsKey(schedule.functionId()) ? TickReport.Status.NO_TARGET
                    : failed > 0 ? TickReport.Status.FAILED : runs == 0 ? TickReport.Status.IDLE : TickReport.Status.RAN;
            String error = failed <= 1 || status == TickReport.Status.NO_TARGET ? firstError
                    : firstError + " (" + failed + " of " + runs + " runs failed)";
            return new TickReport.Outcome(schedule.id(), schedule.functionId(), schedule.expressionText(),
                    firings.getFirst().scheduledAt(), firings.getLast().scheduledAt(), runs + idle + coalesced, runs,
                    idle, status, error, nanos / 1_000_000);
        }
    }
}
