package dev.winback.core.model;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One input of a risk ranking, as the ranking sees it: skewed quantities (counts, money) enter on a
 * log scale so that a few heavy buyers do not dominate the fit.
 *
 * <p>Why these. On the CDNow sample, calibration end 1997-09-30, 39-week holdout, every ranking fitted
 * inside the calibration period as {@link RiskTrainingSet} does (AUC for "no purchase in the holdout";
 * recency alone 0.7714, BG/NBD expected purchases alone 0.7725): recency, frequency and monetary value
 * 0.7838; with the purchase model's log-odds of no purchase 0.7843. Almost all of the gain over the
 * single scores comes from fitting recency, frequency and monetary value together; the purchase model
 * adds little (resampling the customers, the 95% interval of the difference to RFM alone runs from
 * -0.003 to +0.004). Other features the record knows did not help and are left out: log expected
 * purchases 0.7816 (with RFM), P(alive) 0.7812 (with expected purchases), the usual gap between
 * purchase days 0.7837, a 13-week trend of the purchase rate 0.7836, silence as a share of the
 * customer's life 0.7838, RFM with expected purchases, P(alive), the gap and the trend together
 * 0.7808. The fits move the cut-off back by up to half the history, so their features see younger
 * customers over a shorter horizon than the ranking is applied to; each added feature has to survive
 * that shift, and these mostly add noise. Over other calibration ends the log-odds gained on
 * 1998-03-31 (0.8328 against 0.8323), tied on 1997-12-31 (0.8048 against 0.8049) and lost on
 * 1997-06-30 (0.7280 against 0.7386), where the purchase model behind them is fitted on at most 13
 * weeks of history.
 */
public enum RiskFeature {
    WEEKS_SINCE_LAST_PURCHASE("weeks_since_last_purchase", RiskFeatures::weeksSinceLastPurchase),
    REPEAT_PURCHASE_DAYS("log1p_repeat_purchase_days", f -> Math.log1p(f.repeatPurchaseDays())),
    MEAN_ORDER_VALUE("log1p_mean_order_value", f -> Math.log1p(f.meanOrderValue())),
    LOG_ODDS_OF_NO_PURCHASE("purchase_model_log_odds_of_no_purchase", RiskFeatures::logOddsOfNoPurchase),
    /** Not in the fitted ranking: what ranks a base that cannot fit one, as {@link PurchaseRisk} does. */
    EXPECTED_PURCHASES("log_expected_purchases", f -> Math.log(f.expectedPurchases()));

    private final String label;
    private final ToDoubleFunction<RiskFeatures> value;

    RiskFeature(String label, ToDoubleFunction<RiskFeatures> value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public double valueOf(RiskFeatures features) {
        return value.applyAsDouble(features);
    }

    /** The values of {@code features}, in their order, for one customer. */
    public static double[] valuesOf(List<RiskFeature> features, RiskFeatures customer) {
        return features.stream().mapToDouble(feature -> feature.valueOf(customer)).toArray();
    }
}
