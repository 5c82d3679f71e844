package dev.winback.core.guardrail;

import dev.winback.core.outcome.LiftEstimate;
import dev.winback.core.outcome.OptOutCount;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * What a unit's guardrail judged, over exposures from {@code from} through {@code to}: the groups'
 * sizes, the lift and its 95% interval (NaN while a group is empty), the unit's messages, and the
 * opt-outs attributed to it.
 */
public record GuardrailFigures(LocalDate from, LocalDate to, long treated, long holdout, double lift,
                               double liftLower, double liftUpper, long messages, long unsubscribed, long complained) {

    public GuardrailFigures {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static GuardrailFigures of(LiftEstimate lift, Collection<OptOutCount> optOuts) {
        long unsubscribed = 0;
        long complained = 0;
        for (OptOutCount count : optOuts) {
            if (!count.unit().equals(lift.unit()) || count.day().isBefore(lift.from()) || count.day().isAfter(lift.to())) {
                continue;
            }
            unsubscribed += count.unsubscribed();
            complained += count.complained();
        }
        return new GuardrailFigures(lift.from(), lift.to(), lift.treated().exposed(), lift.comparison().exposed(),
                lift.lift(), lift.lower(), lift.upper(), lift.messages(), unsubscribed, complained);
    }

    /** Decisions the unit made: treated and withheld exposures. */
    public long decisions() {
        return treated + holdout;
    }

    /** Unsubscribes per message; NaN before any message. */
    public double unsubscribeRate() {
        return messages == 0 ? Double.NaN : (double) unsubscribed / messages;
    }

    /** Complaints per message; NaN before any message. */
    public double complaintRate() {
        return messages == 0 ? Double.NaN : (double) complained / messages;
    }
}
