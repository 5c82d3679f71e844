package dev.winback.core.signal;

import dev.winback.core.model.PurchaseModel;
import dev.winback.core.model.PurchaseRisk;
import dev.winback.core.record.EngagementRecord;

import dev.winback.core.record.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the signals of disengagement in one customer's record at an instant. What does not depend
 * on the instant (usual gaps, the purchase model's at-risk moment) is worked out once, so the same
 * record can be evaluated at many instants, as the lifecycle does to find its next deadline.
 *
 * <p>Signals come in a fixed order: by {@link SignalType}, then by {@link Signal#subject()}.
 */
public final class SignalDetector {

    private static final Comparator<Signal> ORDER = Comparator.comparing(Signal::type).thenComparing(Signal::subject);

    private final EngagementRecord record;
    private final SignalPolicy policy;
    private final VisitRhythm rhythm;
    private final PurchaseSignals purchases;

    private SignalDetector(EngagementRecord record, SignalPolicy policy, VisitRhythm rhythm, PurchaseSignals purchases) {
        this.record = record;
        this.policy = policy;
        this.rhythm = rhythm;
        this.purchases = purchases;
    }

    /** The signals that hold for this record at {@code now}. */
    public static List<Signal> detect(EngagementRecord record, Instant now, SignalPolicy policy, PurchaseModel model) {
        return of(record, policy, model).detect(new ThresholdWatch(now));
    }

    /** Prepares a record for evaluation at one or more instants. */
    public static SignalDetector of(EngagementRecord record, SignalPolicy policy, PurchaseModel model) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(model, "model");
        return new SignalDetector(record, policy, VisitRhythm.of(record, policy.usualGap()),
                PurchaseSignals.of(record.purchases(), model, policy.purchaseRisk()));
    }

    /** The signals that hold at the watch's instant; every threshold compared with is left on the watch. */
    public List<Signal> detect(ThresholdWatch at) {
        List<Signal> signals = new ArrayList<>();
        Optional<Signal> lapsed = PlatformSignals.lapsed(rhythm, policy, at);
        lapsed.ifPresent(signals::add);
        signals.addAll(PlatformSignals.migrations(rhythm, policy, at));
        signals.addAll(MessageSignals.detect(record, rhythm, policy, lapsed.isPresent(), at));
        purchases.lapse(at).ifPresent(signals::add);
        signals.addAll(SaidByCustomer.detect(record, policy));
        signals.sort(ORDER);
        return List.copyOf(signals);
    }

    public EngagementRecord record() {
        return record;
    }

    public SignalPolicy policy() {
        return policy;
    }

    /** The customer's rhythm on each platform, as the signals judge it. */
    public VisitRhythm rhythm() {
        return rhythm;
    }

    /** The purchase model's view at {@code now}; empty for a customer who never bought (or bought after now). */
    public Optional<PurchaseRisk> purchaseRiskAt(Instant now) {
        return purchases.riskAt(now);
    }
}
