package dev.winback.core.lifecycle;

import dev.winback.core.record.RiskState;
import dev.winback.core.signal.QuietThreshold;
import dev.winback.core.signal.SignalPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the risk lifecycle (see the table in {@link RiskState}). The lifecycle reads the
 * same usual gaps and the same lapse as the signals, so it holds the signal policy too.
 *
 * @param signals            the signal rules; their {@code platformQuiet} is the LAPSED threshold
 * @param newCustomer        how long after the first visit a customer is NEW
 * @param cooling            quiet everywhere this long: COOLING
 * @param atRisk             quiet everywhere this long: AT_RISK
 * @param dormant            quiet everywhere this long: DORMANT (stop spending effort)
 * @param strongSignalWindow how long a strong stated signal keeps a customer AT_RISK; it stays a signal
 *                           afterwards, but someone who complained a year ago and visits daily is not at
 *                           risk today
 * @param weights            what stated signals add to the score
 */
public record LifecyclePolicy(
        SignalPolicy signals,
        Duration newCustomer,
        QuietThreshold cooling,
        QuietThreshold atRisk,
        QuietThreshold dormant,
        Duration strongSignalWindow,
        ScoreWeights weights) {

    public LifecyclePolicy {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(newCustomer, "newCustomer");
        Objects.requireNonNull(cooling, "cooling");
        Objects.requireNonNull(atRisk, "atRisk");
        Objects.requireNonNull(dormant, "dormant");
        Objects.requireNonNull(strongSignalWindow, "strongSignalWindow");
        Objects.requireNonNull(weights, "weights");
        if (newCustomer.isNegative() || strongSignalWindow.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative, were " + newCustomer + ", "
                    + strongSignalWindow);
        }
        // The table's severity order must also be the order in time, for every usual gap.
        if (!cooling.noLaterThan(atRisk) || !atRisk.noLaterThan(signals.platformQuiet())
                || !signals.platformQuiet().noLaterThan(dormant)) {
            throw new IllegalArgumentException("need cooling <= atRisk <= lapse <= dormant in both gaps and floor, was "
                    + cooling + ", " + atRisk + ", " + signals.platformQuiet() + ", " + dormant);
        }
    }

    /**
     * <ul>
     * <li>NEW for 14 days after the first visit: long enough for a second visit at the assumed weekly rhythm;
     * <li>COOLING after 2 usual gaps (at least 7 days), AT_RISK after 3 (at least 10 days), LAPSED after 4
     *     (at least 14 days): if visits came at random with the usual gap, silences that long happen by
     *     chance to about 14%, 5% and 2% of customers keeping their rhythm;
     * <li>DORMANT after 8 usual gaps and at least 180 days: half a year of silence everywhere;
     * <li>a strong stated signal keeps the customer AT_RISK for 30 days;
     * <li>stated signals weigh 0.05 (weak), 0.2 (medium) and 0.4 (strong) in the score.
     * </ul>
     */
    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(
                SignalPolicy.defaults(),
                Duration.ofDays(14),
                new QuietThreshold(2, Duration.ofDays(7)),
                new QuietThreshold(3, Duration.ofDays(10)),
                new QuietThreshold(8, Duration.ofDays(180)),
                Duration.ofDays(30),
                new ScoreWeights(0.05, 0.2, 0.4));
    }
}
