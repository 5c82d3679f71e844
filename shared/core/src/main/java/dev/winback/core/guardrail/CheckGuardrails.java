package dev.winback.core.guardrail;

import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.LiftEstimate;
import dev.winback.core.outcome.OptOutCounters;
import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.outcome.OutcomeCounters;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Pauses the units whose own figures say they harm: for each running unit that is not
 * transactional, its outcome and opt-out counters over the policy's window of exposure days (from
 * its last resumption at the latest) are judged by {@link GuardrailJudge}; a unit that fails is
 * paused with its reason and figures, then announced. Reads the counters only: a query per unit,
 * and a second for its opt-outs once it made enough decisions to be judged, whatever the number of
 * customers. Runs at most once per {@code interval} (it rides on a
 * schedule that fires more often); a unit that cannot be read now is skipped with a warning.
 */
public final class CheckGuardrails {

    /** How often the counters are judged: they change by the hour, not the minute. */
    public static final Duration INTERVAL = Duration.ofHours(1);

    public record Report(Instant at, int checked, List<UnitPause> paused) {
        public Report {
            paused = List.copyOf(paused);
        }
    }

    private final OutcomeCounters outcomes;
    private final OptOutCounters optOuts;
    private final UnitPauses pauses;
    private final GuardrailEvents events;
    private final Supplier<GuardrailPolicy> policy;
    private final Supplier<Collection<MeasuredUnit>> units;
    private final Duration interval;
    private final Warnings warnings;
    private Instant lastRun;

    public CheckGuardrails(OutcomeCounters outcomes, OptOutCounters optOuts, UnitPauses pauses, GuardrailEvents events,
                           Supplier<GuardrailPolicy> policy, Supplier<Collection<MeasuredUnit>> units,
                           Duration interval, Warnings warnings) {
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.events = Objects.requireNonNull(events, "events");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.units = Objects.requireNonNull(units, "units");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Judges every unit unless it was done less than an interval before {@code now}. */
    public synchronized Report runIfDue(Instant now) {
        if (lastRun != null && now.isBefore(lastRun.plus(interval)) && !now.isBefore(lastRun)) {
            return new Report(now, 0, List.of());
        }
        lastRun = now;
        return run(now);
    }

    /** Judges every running unit now. */
    public Report run(Instant now) {
        GuardrailPolicy running = policy.get();
        if (!running.enabled()) return new Report(now, 0, List.of());
        Map<String, UnitState> states = pauses.all().stream()
                .collect(Collectors.toMap(UnitState::unit, Function.identity(), (a, b) -> a));
        LocalDate today = OutcomeCount.dayOf(now);
        int checked = 0;
        List<UnitPause> paused = new ArrayList<>();
        for (MeasuredUnit unit : units.get()) {
            UnitState state = states.get(unit.id());
            if (unit.transactional() || state != null && state.paused()) continue;
            LocalDate from = today.minusDays(running.windowDays() - 1L);
            if (state != null && state.resumedAt().isPresent()) {
                LocalDate resumed = OutcomeCount.dayOf(state.resumedAt().get());
                if (resumed.isAfter(from)) from = resumed;
            }
            try {
                GuardrailFigures figures = figures(unit.id(), from, today, running);
                checked++;
                var reason = GuardrailJudge.judge(unit, figures, running);
                if (reason.isEmpty()) continue;
                UnitPause pause = new UnitPause(unit.id(), reason.get(), now, figures);
                if (!pauses.pause(pause)) continue;
                paused.add(pause);
                announce(pause);
            } catch (RuntimeException e) {
                warnings.warn("judging the guardrail of " + unit.id() + " failed; it is judged again at the next run", e);
            }
        }
        return new Report(now, checked, paused);
    }

    /** The stored pause is the record: an announcement that fails is reported, not retried. */
    /**
     * Before a snapshot of the function: the check's reads and judgement for {@code unit}, one no one
     * measures, under the running policy; nothing is paused or announced. The hourly check itself
     * still runs at the first real call: priming never stands in for it.
     */
    public void prime(Instant now, MeasuredUnit unit) {
        GuardrailPolicy running = policy.get();
        pauses.all();
        units.get();
        LocalDate today = OutcomeCount.dayOf(now);
        GuardrailJudge.judge(unit, figures(unit.id(), today.minusDays(running.windowDays() - 1L), today, running), running);
    }

    /**
     * The unit's figures; its opt-out counters are read only when it made enough decisions to be
     * judged at all (below the minimum no rate pauses it), which spares most small units a query.
     */
    private GuardrailFigures figures(String unit, LocalDate from, LocalDate today, GuardrailPolicy running) {
        LiftEstimate lift = LiftEstimate.of(unit, from, today, outcomes.read(unit, from, today));
        GuardrailFigures withoutOptOuts = GuardrailFigures.of(lift, List.of());
        if (withoutOptOuts.decisions() < running.minimumDecisions()) return withoutOptOuts;
        return GuardrailFigures.of(lift, optOuts.read(unit, from, today));
    }

    private void announce(UnitPause pause) {
        try {
            events.paused(pause);
        } catch (RuntimeException e) {
            warnings.warn("announcing the pause of " + pause.unit() + " failed; it is paused all the same", e);
        }
    }
}
