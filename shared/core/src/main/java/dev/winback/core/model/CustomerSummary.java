package dev.winback.core.model;

/**
 * A customer's purchase history as the buy-till-you-die models see it, in one time unit (weeks here).
 *
 * @param frequency repeat purchases x: purchase days after the first one
 * @param recency   t_x: time from the first purchase to the last one (0 when there is no repeat purchase)
 * @param age       T: time from the first purchase to the moment of evaluation
 */
public record CustomerSummary(int frequency, double recency, double age) {

    public CustomerSummary {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, was " + frequency);
        }
        if (!(recency >= 0 && recency <= age) || !Double.isFinite(age)) {
            throw new IllegalArgumentException("need 0 <= recency <= age, was recency=" + recency + " age=" + age);
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("recency must be 0 without repeat purchases, was " + recency);
        }
    }

    /** The summary right after a purchase: the last purchase is now. */
    public static CustomerSummary atPurchase(int frequency, double timeSinceFirstPurchase) {
        return new CustomerSummary(frequency, frequency == 0 ? 0 : timeSinceFirstPurchase, timeSinceFirstPurchase);
    }

    /** The same history seen {@code elapsed} time units later, with no purchase in between. */
    public CustomerSummary agedBy(double elapsed) {
        return new CustomerSummary(frequency, recency, age + elapsed);
    }

    /**
     * The same history with recency and age rounded to whole days. A fit needs no finer grain, and
     * day-grained histories are shared by many customers, so the likelihood has far fewer distinct terms.
     */
    public CustomerSummary inWholeDays() {
        return new CustomerSummary(frequency, wholeDays(recency), wholeDays(age));
    }

    private static double wholeDays(double weeks) {
        return Math.round(weeks * 7) / 7.0;
    }

    public boolean isRepeatBuyer() {
        return frequency > 0;
    }

    /** T - t_x: time since the last purchase (since the first one for one-time buyers). */
    public double timeSinceLastPurchase() {
        return age - recency;
    }
}
