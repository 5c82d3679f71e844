package dev.winback.core.signal;

import dev.winback.core.model.AtRiskMoment;
import dev.winback.core.model.PurchaseHistory;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.model.PurchaseRisk;
import dev.winback.core.model.RiskThreshold;
import dev.winback.core.record.Purchases;

import dev.winback.core.record.Strength;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A buyer who stopped buying, timed by the purchase model: the lapse starts at the model's at-risk
 * moment, which depends on how often the customer bought, not at a fixed number of days. It is found
 * once per record (a root search), then compared with each evaluation instant.
 *
 * @param history  the purchase history as the model sees it; empty for a customer who never bought
 * @param atRisk   when the expected purchases fall to the threshold; empty when never bought or not
 *                 within {@link AtRiskMoment#DEFAULT_CAP} of the last purchase
 */
record PurchaseSignals(PurchaseModel model, RiskThreshold threshold, Optional<PurchaseHistory> history,
                       Optional<Instant> atRisk) {

    static PurchaseSignals of(Purchases purchases, PurchaseModel model, RiskThreshold threshold) {
        Optional<PurchaseHistory> history = purchases.history();
        return new PurchaseSignals(model, threshold, history,
                history.flatMap(h -> AtRiskMoment.after(model, h, threshold)));
    }

    /** The model's view at {@code now}; empty before the last purchase or for a customer who never bought. */
    Optional<PurchaseRisk> riskAt(Instant now) {
        return history.filter(h -> !now.isBefore(h.lastPurchase()))
                .map(h -> PurchaseRisk.assess(model, h.summaryAt(now), threshold.horizonWeeks()));
    }

    /**
     * Strong for a repeat buyer, whose own rhythm broke; medium for a one-time buyer, whose timing
     * comes from the population alone.
     */
    Optional<Signal> lapse(ThresholdWatch at) {
        if (atRisk.isEmpty() || !at.reached(atRisk.get(), "purchase at-risk moment")) return Optional.empty();
        PurchaseHistory h = history.orElseThrow();
        PurchaseRisk risk = riskAt(at.instant()).orElseThrow();
        String bought = h.repeatPurchases() == 0 ? "a single purchase day"
                : Wording.count(h.repeatPurchases() + 1L, "purchase day") + " over "
                + Wording.days(Duration.between(h.firstPurchase(), h.lastPurchase()));
        String why = "no purchase for " + Wording.days(Duration.between(h.lastPurchase(), at.instant()))
                + " (last " + Wording.date(h.lastPurchase()) + ") after " + bought + "; expects "
                + String.format(Locale.ROOT, "%.2f", risk.expectedPurchases()) + " purchases in the next "
                + Wording.days(threshold.horizon()) + " (at risk at "
                + String.format(Locale.ROOT, "%.2f", threshold.minimumExpectedPurchases()) + " or fewer, since "
                + Wording.date(atRisk.get()) + ")";
        Strength strength = h.repeatPurchases() > 0 ? Strength.STRONG : Strength.MEDIUM;
        return Optional.of(new Signal.PurchaseLapse(strength, atRisk.get(), why));
    }
}
