package dev.winback.core.signal;

import java.time.Duration;
import java.util.Objects;

/**
 * A silence long enough to mean something: a number of the customer's usual gaps between visits,
 * and never less than a floor. The floor keeps very frequent visitors (several sessions a day) from
 * being called quiet after a long weekend.
 *
 * <p>Why multiples of the usual gap: if visits came at random with that mean gap, a silence of k
 * gaps would happen by chance with probability about e^-k (13.5% for 2, 5% for 3, 1.8% for 4).
 *
 * @param gaps    how many usual gaps of silence
 * @param atLeast the shortest silence that counts, whatever the rhythm
 */
public record QuietThreshold(double gaps, Duration atLeast) {

    public QuietThreshold {
        Objects.requireNonNull(atLeast, "atLeast");
        if (!(gaps > 0) || !Double.isFinite(gaps)) {
            throw new IllegalArgumentException("gaps must be finite and > 0, was " + gaps);
        }
        if (atLeast.isNegative()) {
            throw new IllegalArgumentException("atLeast must not be negative, was " + atLeast);
        }
    }

    /**
     * The silence that crosses this threshold for a customer with this usual gap, rounded up to the
     * second: timers fire in whole seconds, and rounding here keeps every deadline on one.
     */
    public Duration after(Duration usualGap) {
        double seconds = Math.ceil(usualGap.toNanos() * gaps / 1e9);
        Duration scaled = Duration.ofSeconds((long) seconds);
        Duration floor = atLeast.getNano() == 0 ? atLeast : Duration.ofSeconds(atLeast.getSeconds() + 1);
        return scaled.compareTo(floor) >= 0 ? scaled : floor;
    }

    /** Whether this threshold is crossed no later than {@code other} for every usual gap. */
    public boolean noLaterThan(QuietThreshold other) {
        return gaps <= other.gaps && atLeast.compareTo(other.atLeast) <= 0;
    }

    /** For explanations and deadline reasons, e.g. "4 usual gaps (at least 14 days)". */
    public String describe() {
        String multiple = gaps == Math.rint(gaps) ? String.valueOf((long) gaps) : String.valueOf(gaps);
        return multiple + " usual gaps (at least " + Wording.days(atLeast) + ")";
    }
}
