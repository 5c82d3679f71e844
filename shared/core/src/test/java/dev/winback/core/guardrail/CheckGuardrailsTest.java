package dev.winback.core.guardrail;

import dev.winback.core.delivery.MutableClock;
import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.OptOutCount;
import dev.winback.core.outcome.OptOutCounters;
import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.outcome.OutcomeCounters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CheckGuardrailsTest {

    private static final Instant NOW = Instant.parse("2026-06-28T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-06-28");

    private final List<OutcomeCount> outcomes = new ArrayList<>();
    private final List<OptOutCount> optOuts = new ArrayList<>();
    private final List<String> optOutReads = new ArrayList<>();
    private final InMemoryPauses pauses = new InMemoryPauses();
    private final List<String> announced = new ArrayList<>();
    private GuardrailPolicy policy = GuardrailPolicy.defaults();
    private List<MeasuredUnit> units = List.of(new MeasuredUnit("harmful", false), new MeasuredUnit("fine", false));

    private final CheckGuardrails check = new CheckGuardrails(counters(), optOutCounters(), pauses, events(),
            () -> policy, () -> units, Duration.ofHours(1), Warnings.NONE);

    /** 1,000 treated of whom 10% return against 200 held out of whom 30% do, on one day. */
    private void harmful(String unit, LocalDate day, long treated, long holdout) {
        outcomes.add(new OutcomeCount(unit, day, Assignment.TREATED, treated, treated / 10, treated, Map.of()));
        outcomes.add(new OutcomeCount(unit, day, Assignment.HELD_OUT, holdout, holdout * 3 / 10, 0, Map.of()));
    }

    @Test
    void aConfidentlyNegativeUnit_isPausedOnce_withItsFigures_andAnnounced() {
        harmful("harmful", TODAY.minusDays(3), 1000, 200);
        outcomes.add(new OutcomeCount("fine", TODAY.minusDays(3), Assignment.TREATED, 1000, 300, 1000, Map.of()));
        outcomes.add(new OutcomeCount("fine", TODAY.minusDays(3), Assignment.HELD_OUT, 200, 60, 0, Map.of()));

        CheckGuardrails.Report report = check.run(NOW);

        assertThat(report.checked()).isEqualTo(2);
        assertThat(report.paused()).extracting(UnitPause::unit).containsExactly("harmful");
        UnitPause pause = report.paused().getFirst();
        assertThat(pause.reason()).isEqualTo(PauseReason.NEGATIVE_LIFT);
        assertThat(pause.figures().lift()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pause.figures().liftUpper()).isNegative();
        assertThat(pause.figures().from()).isEqualTo(TODAY.minusDays(27));
        assertThat(pause.figures().decisions()).isEqualTo(1200);
        assertThat(announced).containsExactly("paused harmful");
        // Paused already: not judged, paused or announced again.
        assertThat(check.run(NOW.plusSeconds(3600)).paused()).isEmpty();
        assertThat(announced).hasSize(1);
    }

    @Test
    void insideTheMinimumSample_nothingPauses() {
        harmful("harmful", TODAY.minusDays(3), 400, 99);
        assertThat(check.run(NOW).paused()).isEmpty();
        harmful("harmful", TODAY.minusDays(2), 1, 0);
        assertThat(check.run(NOW).paused()).extracting(UnitPause::unit).containsExactly("harmful");
    }

    @Test
    void exposuresOlderThanTheWindow_doNotCount() {
        harmful("harmful", TODAY.minusDays(28), 1000, 200);
        assertThat(check.run(NOW).paused()).isEmpty();
        policy = new GuardrailPolicy(true, 500, 0.02, 0.003, 29);
        assertThat(check.run(NOW).paused()).extracting(UnitPause::unit).containsExactly("harmful");
    }

    @Test
    void anUnsubscribeRateAboveTheThreshold_pauses_withoutAnyLift() {
        outcomes.add(new OutcomeCount("fine", TODAY, Assignment.TREATED, 600, 60, 600, Map.of()));
        optOuts.add(new OptOutCount("fine", TODAY, 13, 0));
        assertThat(check.run(NOW).paused()).extracting(UnitPause::reason).containsExactly(PauseReason.UNSUBSCRIBE_RATE);
    }

    @Test
    void aUnitBelowTheMinimumOfDecisions_hasItsOptOutsLeftUnread_andOptOutsCannotPauseIt() {
        outcomes.add(new OutcomeCount("fine", TODAY, Assignment.TREATED, 499, 50, 499, Map.of()));
        optOuts.add(new OptOutCount("fine", TODAY, 400, 400));

        CheckGuardrails.Report report = check.run(NOW);

        assertThat(report.checked()).isEqualTo(2);
        assertThat(report.paused()).isEmpty();
        assertThat(optOutReads).isEmpty();
        outcomes.add(new OutcomeCount("fine", TODAY, Assignment.HELD_OUT, 1, 0, 0, Map.of()));
        assertThat(check.run(NOW).paused()).extracting(UnitPause::reason).containsExactly(PauseReason.COMPLAINT_RATE);
        assertThat(optOutReads).containsExactly("fine");
    }

    @Test
    void aComplaintRateAboveTheThreshold_pauses() {
        outcomes.add(new OutcomeCount("fine", TODAY, Assignment.TREATED, 600, 60, 1000, Map.of()));
        optOuts.add(new OptOutCount("fine", TODAY, 0, 4));
        assertThat(check.run(NOW).paused()).extracting(UnitPause::reason).containsExactly(PauseReason.COMPLAINT_RATE);
    }

    @Test
    void aTransactionalUnit_isNeverJudged() {
        units = List.of(new MeasuredUnit("harmful", true));
        harmful("harmful", TODAY, 5000, 1000);
        optOuts.add(new OptOutCount("harmful", TODAY, 2000, 500));
        assertThat(check.run(NOW)).satisfies(report -> {
            assertThat(report.checked()).isZero();
            assertThat(report.paused()).isEmpty();
        });
    }

    @Test
    void afterAResumption_onlyExposuresFromThatDayOnAreJudged() {
        harmful("harmful", TODAY.minusDays(3), 1000, 200);
        assertThat(check.run(NOW).paused()).hasSize(1);
        ResumeUnit resume = new ResumeUnit(pauses, events(), () -> { }, new MutableClock(NOW), Warnings.NONE);
        assertThat(resume.resume("harmful")).isInstanceOf(ResumeUnit.Result.Resumed.class);
        assertThat(resume.resume("harmful")).isInstanceOf(ResumeUnit.Result.NotPaused.class);
        assertThat(announced).containsExactly("paused harmful", "resumed harmful");

        assertThat(check.run(NOW.plusSeconds(60)).paused()).isEmpty();
        harmful("harmful", TODAY, 1000, 200);
        assertThat(check.run(NOW.plusSeconds(120)).paused()).singleElement()
                .satisfies(p -> assertThat(p.figures().from()).isEqualTo(TODAY));
    }

    @Test
    void runIfDue_judgesAtMostOncePerInterval() {
        harmful("harmful", TODAY.minusDays(3), 400, 99);
        assertThat(check.runIfDue(NOW).checked()).isEqualTo(2);
        harmful("harmful", TODAY.minusDays(2), 1, 0);
        assertThat(check.runIfDue(NOW.plus(Duration.ofMinutes(59))).checked()).isZero();
        assertThat(check.runIfDue(NOW.plus(Duration.ofMinutes(60))).paused()).hasSize(1);
    }

    @Test
    void guardrailsOff_pauseNothing() {
        policy = new GuardrailPolicy(false, 500, 0.02, 0.003, 28);
        harmful("harmful", TODAY, 5000, 1000);
        assertThat(check.run(NOW).paused()).isEmpty();
    }

    private OutcomeCounters counters() {
        return new OutcomeCounters() {
            @Override
            public void add(Collection<OutcomeCount> increments) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<OutcomeCount> read(String unit, LocalDate from, LocalDate to) {
                return outcomes.stream().filter(c -> c.unit().equals(unit) && !c.day().isBefore(from)
                        && !c.day().isAfter(to)).toList();
            }
        };
    }

    private OptOutCounters optOutCounters() {
        return new OptOutCounters() {
            @Override
            public void add(Collection<OptOutCount> increments) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<OptOutCount> read(String unit, LocalDate from, LocalDate to) {
                optOutReads.add(unit);
                return optOuts.stream().filter(c -> c.unit().equals(unit) && !c.day().isBefore(from)
                        && !c.day().isAfter(to)).toList();
            }
        };
    }

    private GuardrailEvents events() {
        return new GuardrailEvents() {
            @Override
            public void paused(UnitPause pause) {
                announced.add("paused " + pause.unit());
            }

            @Override
            public void resumed(UnitPause ended, Instant at) {
                announced.add("resumed " + ended.unit());
            }
        };
    }

    private static final class InMemoryPauses implements UnitPauses {
        private final Map<String, UnitState> states = new LinkedHashMap<>();

        @Override
        public List<UnitState> all() {
            return List.copyOf(states.values());
        }

        @Override
        public boolean pause(UnitPause pause) {
            UnitState was = states.get(pause.unit());
            if (was != null && was.paused()) return false;
            states.put(pause.unit(), new UnitState(pause.unit(), Optional.of(pause),
                    was == null ? Optional.empty() : was.resumedAt()));
            return true;
        }

        @Override
        public Optional<UnitPause> resume(String unit, Instant at) {
            UnitState was = states.get(unit);
            if (was == null || !was.paused()) return Optional.empty();
            states.put(unit, new UnitState(unit, Optional.empty(), Optional.of(at)));
            return was.pause();
        }
    }
}
