package dev.winback.core.lifecycle;

import dev.winback.core.model.PurchaseRisk;
import dev.winback.core.signal.Signal;
import dev.winback.core.signal.VisitRhythm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A risk score in [0, 1] for ranking customers, built as a noisy-OR of independent pieces of
 * evidence: {@code 1 - (1 - inactivity)(1 - purchase)(1 - w1)(1 - w2)...}. A noisy-OR stays in
 * [0, 1], never falls when evidence is added, and lets each piece be read on its own:
 * <ul>
 * <li><b>inactivity</b>: the chance the customer is gone, given their silence. If visits arrive at
 *     random at the usual rate while a customer stays, each usual gap of silence multiplies the odds
 *     of "gone" by e. Silence is measured in lapse thresholds (q, for the least quiet platform), and
 *     a threshold spans k usual gaps (the signal policy's {@code platformQuiet.gaps()}, default 4), so
 *     the odds are {@code 3 * e^(k (q - 1))}, pinned to 0.75 at the lapse: about 0.05 right after
 *     a visit, 0.29 at cooling (2 gaps), 0.52 at risk (3 gaps), 0.75 lapsed, 0.96 at 6 gaps. Where the
 *     floor of the threshold applies (very frequent visitors) the odds grow more slowly, just as the
 *     floor delays their lapse. 0 for a customer never seen on a platform;
 * <li><b>purchase</b> = {@code 2^(-E / m)}, where E is the purchases the model expects over the risk
 *     horizon and m the at-risk minimum: 0.5 exactly at the at-risk moment, towards 1 as E falls to 0.
 *     It is decreasing in E, so it keeps the ranking by expected purchases the model documents. 0 for
 *     a customer who never bought;
 * <li><b>each signal the customer stated</b> (opt-out, unsubscribe, cancellation, uninstall) weighs
 *     {@link ScoreWeights} by its strength.
 * </ul>
 * Lapse, purchase lapse and migration are not counted again as signals: the first two are thresholds
 * on the continuous terms above, and migration is not churn. Ignored messages are left out too: they
 * say the channel is tired, not that the customer is leaving, and they hold only while the customer
 * still visits, so counting them would make the score fall as the customer stops visiting. Without
 * new events the score therefore never decreases.
 */
final class RiskScore {

    private static final double ODDS_AT_LAPSE = 3;

    private RiskScore() {
    }

    static double of(VisitRhythm rhythm, Optional<PurchaseRisk> purchase, List<Signal> signals, Instant now,
                     LifecyclePolicy policy) {
        double inactivity = rhythm.isEmpty() ? 0 : inactivity(rhythm.overdue(now, policy.signals().platformQuiet()),
                policy.signals().platformQuiet().gaps());
        double minimum = policy.signals().purchaseRisk().minimumExpectedPurchases();
        double purchaseTerm = purchase.map(risk -> Math.pow(2, -risk.expectedPurchases() / minimum)).orElse(0.0);
        double stillHere = (1 - inactivity) * (1 - purchaseTerm);
        for (Signal signal : signals) {
            if (signal.type().saidByCustomer()) stillHere *= 1 - policy.weights().of(signal.strength());
        }
        return Math.min(1, Math.max(0, 1 - stillHere));
    }

    /** Odds of 3 (a chance of 0.75) at the lapse, times e per usual gap either side of it. */
    private static double inactivity(double lapseThresholds, double gapsPerThreshold) {
        double exponent = gapsPerThreshold * (lapseThresholds - 1);
        // Past about 700 the odds overflow; the chance is 1 to double precision long before.
        return exponent > 700 ? 1 : 1 / (1 + Math.exp(-exponent) / ODDS_AT_LAPSE);
    }
}
