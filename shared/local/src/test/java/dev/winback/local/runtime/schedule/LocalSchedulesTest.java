package dev.winback.local.runtime.schedule;

import dev.winback.local.runtime.Fixtures;
import dev.winback.local.runtime.clock.RunClock;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSchedulesTest {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    private final VirtualClock clock = new VirtualClock(START);
    private final RunClock runClock = new RunClock(clock);
    private final List<ScheduledRun> runs = new ArrayList<>();

    private static ScheduleDefinition schedule(String function, String expression) {
        return new ScheduleDefinition(function, "Tick", expression,
                ScheduleExpression.parse(expression, ZoneOffset.UTC), true, Optional.empty());
    }

    private LocalSchedules schedules(ScheduleDefinition... definitions) {
        Map<String, ScheduleTarget> targets = new HashMap<>();
        for (ScheduleDefinition d : definitions) {
            targets.put(d.functionId(), runs::add);
        }
        return new LocalSchedules(List.of(definitions), targets, runClock);
    }

    @Test
    void tick_whenNoSchedules_reportsNoSchedulesDue() {
        TickReport report = new LocalSchedules(List.of(), Map.of(), runClock).tick();
        assertThat(report.nothingDue()).isTrue();
        assertThat(report.summary()).startsWith("no schedules due");
    }

    @Test
    void tick_whenClockHasNotMoved_runsNothing() {
        LocalSchedules schedules = schedules(schedule("Hourly", "rate(1 hour)"));
        assertThat(schedules.tick().nothingDue()).isTrue();
        clock.advance(Duration.ofMinutes(59));
        assertThat(schedules.tick().nothingDue()).isTrue();
        assertThat(runs).isEmpty();
    }

    @Test
    void tick_whenOneRunDue_runsItOnceAtItsScheduledTime() {
        LocalSchedules schedules = schedules(schedule("Hourly", "rate(1 hour)"));
        clock.advance(Duration.ofMinutes(90));
        TickReport report = schedules.tick();
        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(TickReport.Status.RAN);
            assertThat(o.dueRuns()).isEqualTo(1);
            assertThat(o.coalesced()).isZero();
            assertThat(o.scheduledAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        });
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.scheduledAt()).isEqualTo(START.plus(Duration.ofHours(1)));
            assertThat(run.schedule().functionId()).isEqualTo("Hourly");
        });
        assertThat(schedules.tick().nothingDue()).as("the same run is not repeated").isTrue();
    }

    @Test
    void tick_afterAWeekJump_runsEveryDueFiringInTimeOrder_withTheClockAtEachFiring() {
        List<Instant> clockDuringRuns = new ArrayList<>();
        ScheduleTarget recording = run -> {
            runs.add(run);
            clockDuringRuns.add(runClock.instant());
        };
        LocalSchedules schedules = new LocalSchedules(List.of(schedule("Hourly", "rate(1 hour)"),
                schedule("Noon", "cron(0 12 * * ? *)")), Map.of("Hourly", recording, "Noon", recording), runClock);
        Instant now = clock.advance(Duration.ofDays(7));

        TickReport report = schedules.tick();

        assertThat(report.outcomes()).hasSize(2);
        assertThat(report.outcomes().get(0).dueRuns()).isEqualTo(7 * 24);
        assertThat(report.outcomes().get(0).runs()).isEqualTo(7 * 24);
        assertThat(report.outcomes().get(0).coalesced()).isZero();
        assertThat(report.outcomes().get(0).firstScheduledAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(report.outcomes().get(1).runs()).isEqualTo(7);
        assertThat(report.outcomes().get(1).scheduledAt()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(runs).hasSize(7 * 24 + 7).extracting(ScheduledRun::scheduledAt).isSorted();
        assertThat(runs).allSatisfy(run -> assertThat(run.coalesced()).isZero());
        assertThat(clockDuringRuns).as("each firing runs at its own time on the run clock")
                .isEqualTo(runs.stream().map(ScheduledRun::scheduledAt).toList());
        // Both fire at 12:00: template order.
        int noon = clockDuringRuns.indexOf(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(runs.get(noon).schedule().functionId()).isEqualTo("Hourly");
        assertThat(runs.get(noon + 1).schedule().functionId()).isEqualTo("Noon");
        assertThat(clock.instant()).as("the virtual clock never moved").isEqualTo(now);
        assertThat(runClock.instant()).as("the run clock is back to it").isEqualTo(now);
        assertThat(report.summary()).contains("ran for firings from 2026-11-23T01:00:00Z to 2026-11-30T00:00:00Z: ran 168 times")
                .doesNotContain("coalesced");
    }

    @Test
    void tick_beyondTheRunsPerSchedule_runsOncePerEqualSliceAtItsLatestFiring() {
        LocalSchedules schedules = new LocalSchedules(List.of(schedule("Hourly", "rate(1 hour)")),
                Map.of("Hourly", runs::add), runClock, 10, 1_000);
        Instant now = clock.advance(Duration.ofDays(7));

        TickReport report = schedules.tick();

        assertThat(runs).hasSize(10).extracting(ScheduledRun::scheduledAt).isSorted().doesNotHaveDuplicates();
        assertThat(runs.getLast().scheduledAt()).isEqualTo(now);
        assertThat(runs.stream().mapToLong(run -> run.coalesced() + 1).sum()).as("every due firing is accounted for")
                .isEqualTo(7 * 24);
        assertThat(runs).allSatisfy(run -> assertThat(run.coalesced()).isBetween(15L, 16L));
        TickReport.Outcome outcome = report.outcomes().getFirst();
        assertThat(outcome.dueRuns()).isEqualTo(168);
        assertThat(outcome.runs()).isEqualTo(10);
        assertThat(outcome.coalesced()).isEqualTo(158);
        assertThat(report.summary()).contains("(158 of 168 due runs coalesced");
        assertThat(schedules.tick().nothingDue()).isTrue();
    }

    @Test
    void tick_beyondTheRunsPerSchedule_coalescesTheRestIntoTheLastFiring() {
        LocalSchedules schedules = new LocalSchedules(List.of(schedule("Hourly", "rate(1 hour)")),
                Map.of("Hourly", runs::add), runClock, 1_000, 5);
        Instant now = clock.advance(Duration.ofDays(1));

        TickReport.Outcome outcome = schedules.tick().outcomes().getFirst();

        assertThat(runs).extracting(ScheduledRun::scheduledAt).containsExactly(
                START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(2)), START.plus(Duration.ofHours(3)),
                START.plus(Duration.ofHours(4)), START.plus(Duration.ofHours(5)), now);
        assertThat(outcome.runs()).isEqualTo(6);
        assertThat(outcome.coalesced()).isEqualTo(18);
        assertThat(outcome.dueRuns()).isEqualTo(24);
    }

    @Test
    void tick_skipsFiringsBeforeTheTargetsNextWork_andAsksAgainAfterEachRun() {
        Instant workAt = START.plus(Duration.ofMinutes(50 * 60 + 30));
        List<Optional<Instant>> work = new ArrayList<>(List.of(Optional.of(workAt)));
        ScheduleTarget target = ScheduleTarget.skippingIdle(run -> {
            runs.add(run);
            work.set(0, Optional.empty());
        }, () -> work.get(0));
        LocalSchedules schedules = new LocalSchedules(List.of(schedule("Hourly", "rate(1 hour)")),
                Map.of("Hourly", target), runClock);
        clock.advance(Duration.ofDays(7));

        TickReport.Outcome outcome = schedules.tick().outcomes().getFirst();

        assertThat(runs).singleElement().satisfies(run ->
                assertThat(run.scheduledAt()).as("the first firing at or after the work").isEqualTo(START.plus(Duration.ofHours(51))));
        assertThat(outcome.status()).isEqualTo(TickReport.Status.RAN);
        assertThat(outcome.runs()).isEqualTo(1);
        assertThat(outcome.idle()).isEqualTo(167);
        assertThat(outcome.coalesced()).isZero();

        clock.advance(Duration.ofDays(1));
        TickReport quiet = schedules.tick();
        assertThat(quiet.outcomes().getFirst().status()).isEqualTo(TickReport.Status.IDLE);
        assertThat(quiet.summary()).contains("ran 0 times").contains("24 idle");
        assertThat(runs).hasSize(1);
    }

    /** Keeps its reading until told to read again, as {@code EarliestDue} keeps one per tick. */
    private static final class KeptReading implements NextWork {
        private final List<Optional<Instant>> stored;
        private Optional<Instant> kept;
        private int readAgain;

        KeptReading(List<Optional<Instant>> stored) {
            this.stored = stored;
        }

        @Override
        public Optional<Instant> get() {
            if (kept == null) kept = stored.getFirst();
            return kept;
        }

        @Override
        public void readAgain() {
            kept = null;
            readAgain++;
        }
    }

    @Test
    void skippingIdle_readsTheNextWorkAgainAfterEveryRun_failedOrNot() {
        Instant firstWork = START.plus(Duration.ofHours(3));
        Instant laterWork = START.plus(Duration.ofHours(10));
        List<Optional<Instant>> stored = new ArrayList<>(List.of(Optional.of(firstWork)));
        KeptReading nextWork = new KeptReading(stored);
        ScheduleTarget target = ScheduleTarget.skippingIdle(run -> {
            runs.add(run);
            // Each run takes its due work out and leaves later work, or none; the first one then fails.
            stored.set(0, run.scheduledAt().equals(firstWork) ? Optional.of(laterWork) : Optional.empty());
            if (run.scheduledAt().equals(firstWork)) throw new IllegalStateException("boom");
        }, nextWork);
        LocalSchedules schedules = new LocalSchedules(List.of(schedule("Hourly", "rate(1 hour)")),
                Map.of("Hourly", target), runClock);
        clock.advance(Duration.ofDays(1));

        TickReport.Outcome outcome = schedules.tick().outcomes().getFirst();

        assertThat(runs).extracting(ScheduledRun::scheduledAt).as("only the firings at or after each new reading")
                .containsExactly(firstWork, laterWork);
        assertThat(nextWork.readAgain).isEqualTo(2);
        assertThat(outcome.runs()).isEqualTo(2);
        assertThat(outcome.idle()).isEqualTo(22);
        assertThat(outcome.error()).contains("boom");
    }

    @Test
    void tick_afterCatchUp_continuesFromTheLastDueRun() {
        LocalSchedules schedules = schedules(schedule("Noon", "cron(0 12 * * ? *)"));
        clock.set(Instant.parse("2026-11-23T13:00:00Z"));
        assertThat(schedules.tick().outcomes()).hasSize(1);
        clock.set(Instant.parse("2026-11-24T11:59:00Z"));
        assertThat(schedules.tick().nothingDue()).isTrue();
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(schedules.tick().outcomes()).singleElement()
                .satisfies(o -> assertThat(o.scheduledAt()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z")));
    }

    @Test
    void tick_afterClockSetBack_waitsUntilTheLastRunIsPassedAgain() {
        LocalSchedules schedules = schedules(schedule("Hourly", "rate(1 hour)"));
        clock.advance(Duration.ofHours(5));
        schedules.tick();
        clock.set(START);
        clock.advance(Duration.ofHours(5));
        assertThat(schedules.tick().nothingDue()).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(schedules.tick().outcomes()).hasSize(1);
    }

    @Test
    void tick_whenTargetFailsOrIsMissing_reportsAndMovesOn() {
        ScheduleDefinition failing = schedule("Failing", "rate(1 hour)");
        ScheduleDefinition orphan = schedule("Orphan", "rate(1 hour)");
        LocalSchedules schedules = new LocalSchedules(List.of(failing, orphan),
                Map.of("Failing", run -> { throw new IllegalStateException("boom"); }), runClock);
        clock.advance(Duration.ofHours(2));
        TickReport report = schedules.tick();
        assertThat(report.outcomes()).extracting(TickReport.Outcome::status)
                .containsExactly(TickReport.Status.FAILED, TickReport.Status.NO_TARGET);
        assertThat(report.outcomes().get(0).error()).contains("boom").contains("(2 of 2 runs failed)");
        assertThat(report.outcomes().get(1).error()).contains("Orphan");
        assertThat(schedules.tick().nothingDue()).as("a failed run counts as run").isTrue();
    }

    @Test
    void fromTemplate_readsScheduleAndScheduleV2_andSkipsDisabledOnes() {
        List<ScheduleDefinition> definitions = TemplateSchedules.from(SamTemplate.read(Fixtures.template("local-fixture.yaml")));
        assertThat(definitions).extracting(ScheduleDefinition::id)
                .containsExactly("EvaluateFunction.Hourly", "EvaluateFunction.NightlyBerlin", "EvaluateFunction.Paused");
        assertThat(definitions.get(2).enabled()).isFalse();

        LocalSchedules schedules = new LocalSchedules(definitions, Map.of("EvaluateFunction", runs::add), runClock);
        clock.advance(Duration.ofDays(1));
        TickReport report = schedules.tick();
        assertThat(report.outcomes()).extracting(TickReport.Outcome::schedule)
                .containsExactly("EvaluateFunction.Hourly", "EvaluateFunction.NightlyBerlin");
        // 02:00 in Berlin in November is 01:00 UTC.
        assertThat(report.outcomes().get(1).scheduledAt()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
    }

    @Test
    void fromTemplate_whenNoSchedules_isEmpty() {
        assertThat(TemplateSchedules.from(SamTemplate.read(Fixtures.template("no-schedules.yaml")))).isEmpty();
    }

    @Test
    void fromTemplate_whenExpressionInvalid_namesTheEvent() {
        SamTemplate template = SamTemplate.read(Fixtures.template("bad-schedule.yaml"));
        assertThatThrownBy(() -> TemplateSchedules.from(template))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("JobFunction.Events.Often")
                .hasMessageContaining("rate(1 minutes)");
    }
}
