package dev.winback.core.lifecycle;

import dev.winback.core.model.PurchaseModel;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.signal.Signal;
import dev.winback.core.signal.SignalDetector;
import dev.winback.core.record.SignalType;
import dev.winback.core.signal.ThresholdWatch;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Assesses where a customer stands: state, risk score and the next deadline for a timer. */
public final class RiskLifecycle {

    private RiskLifecycle() {
    }

    /**
     * @param signals what {@link SignalDetector#detect} found for this record at {@code now} under
     *                {@code policy.signals()} and {@code model}; anything else is a wiring mistake and
     *                is refused, since the deadline is computed from the same rules
     * @param model   the fitted purchase model the signals were detected with: it is data, not policy
     */
    public static RiskAssessment assess(EngagementRecord record, List<Signal> signals, Instant now,
                                        LifecyclePolicy policy, PurchaseModel model) {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(now, "now");
        SignalDetector detector = SignalDetector.of(record, policy.signals(), model);
        ThresholdWatch watch = new ThresholdWatch(now);
        List<Signal> detected = detector.detect(watch);
        if (!Observation.marks(detected).equals(Observation.marks(signals))) {
            throw new IllegalArgumentException("signals are not those of record " + record.customerId() + " at "
                    + now + ": expected " + Observation.marks(detected) + ", got " + Observation.marks(signals));
        }
        Standing standing = StateRules.at(record, detector.rhythm(), detected, watch, policy);
        Observation current = Observation.of(standing, detected);
        Optional<Deadline> deadline = NextDeadline.after(current, watch.ahead(), at -> {
            List<Signal> then = detector.detect(at);
            return Observation.of(StateRules.at(record, detector.rhythm(), then, at, policy), then);
        });
        double score = RiskScore.of(detector.rhythm(), detector.purchaseRiskAt(now), detected, now, policy);
        Set<SignalType> flags = EnumSet.noneOf(SignalType.class);
        detected.forEach(signal -> flags.add(signal.type()));
        return new RiskAssessment(standing.state(), standing.since(), score, flags, deadline);
    }
}
