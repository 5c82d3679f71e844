package dev.winback.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the engine knows about a customer's purchases at any moment: how many distinct purchase days
 * came after the first one, and when the first and the last purchase happened.
 */
public record PurchaseHistory(int repeatPurchases, Instant firstPurchase, Instant lastPurchase) {

    public PurchaseHistory {
        Objects.requireNonNull(firstPurchase, "firstPurchase");
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        if (repeatPurchases < 0) {
            throw new IllegalArgumentException("repeatPurchases must be >= 0, was " + repeatPurchases);
        }
        if (lastPurchase.isBefore(firstPurchase)) {
            throw new IllegalArgumentException("last purchase " + lastPurchase + " is before first " + firstPurchase);
        }
        if (repeatPurchases == 0 && !lastPurchase.equals(firstPurchase)) {
            throw new IllegalArgumentException("without repeat purchases the last purchase is the first");
        }
    }

    /** The model's view of this history at {@code now} (not before the last purchase). */
    public CustomerSummary summaryAt(Instant now) {
        if (now.isBefore(lastPurchase)) {
            throw new IllegalArgumentException("evaluation time " + now + " is before the last purchase " + lastPurchase);
        }
        double recency = repeatPurchases == 0 ? 0 : ModelTime.weeksBetween(firstPurchase, lastPurchase);
        return new CustomerSummary(repeatPurchases, recency, ModelTime.weeksBetween(firstPurchase, now));
    }
}
