package dev.winback.core.signal;

import dev.winback.core.record.PlatformActivity;

import java.time.Duration;
import java.util.Objects;

/**
 * How to estimate a customer's usual gap between visits to a platform from what the record keeps:
 * first and last seen and the number of visits. The observed mean gap is
 * {@code (lastSeen - firstSeen) / (visits - 1)}.
 *
 * @param assumed       the gap assumed when history is too short to tell, and the floor of the
 *                      estimate for customers with fewer than {@code minimumVisits} visits: two
 *                      sessions an hour apart must not make someone "lapsed" the next morning
 * @param minimumVisits how many visits make an observed gap believable on its own
 * @param shortest      no usual gap is shorter: several sessions a day are one daily habit
 * @param longest       no usual gap is longer: rarer than that, the rhythm itself is weak evidence,
 *                      and silence must still end in a lapse within a bounded time
 */
public record UsualGap(Duration assumed, int minimumVisits, Duration shortest, Duration longest) {

    public UsualGap {
        Objects.requireNonNull(assumed, "assumed");
        Objects.requireNonNull(shortest, "shortest");
        Objects.requireNonNull(longest, "longest");
        if (shortest.isNegative() || shortest.isZero()) {
            throw new IllegalArgumentException("shortest must be positive, was " + shortest);
        }
        if (assumed.compareTo(shortest) < 0 || assumed.compareTo(longest) > 0) {
            throw new IllegalArgumentException("need shortest <= assumed <= longest, was " + shortest + ", "
                    + assumed + ", " + longest);
        }
        if (minimumVisits < 2) {
            throw new IllegalArgumentException("minimumVisits must be >= 2 (one gap needs two visits), was "
                    + minimumVisits);
        }
    }

    /**
     * A usual gap and how it was obtained.
     *
     * @param gap     the gap to scale thresholds by
     * @param visits  visits it was estimated from
     * @param assumed true when the gap is the assumed one because history is short
     */
    public record Estimate(Duration gap, long visits, boolean assumed) {
        public String describe() {
            return Wording.days(gap) + (assumed ? " (assumed: " + Wording.count(visits, "visit") + ")" : "");
        }
    }

    public Estimate of(PlatformActivity activity) {
        long visits = activity.count();
        if (visits < 2 || activity.firstSeen() == null) {
            return new Estimate(assumed, visits, true);
        }
        Duration span = Duration.between(activity.firstSeen(), activity.lastSeen());
        Duration observed = span.dividedBy(visits - 1);
        if (visits < minimumVisits && observed.compareTo(assumed) < 0) {
            return new Estimate(assumed, visits, true);
        }
        Duration clamped = observed.compareTo(shortest) < 0 ? shortest
                : observed.compareTo(longest) > 0 ? longest : observed;
        return new Estimate(clamped, visits, false);
    }
}
