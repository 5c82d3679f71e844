package dev.winback.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a backtest measured: the fit on the calibration period and how well four rankings pick out the
 * customers who did not buy in the holdout period: the fitted risk ranking (model), days since the
 * last purchase (recency), the purchase model's expected purchases alone (bgnbd, whichever variant
 * was fitted) and a logistic combination of recency, frequency and monetary value fitted the same way
 * as the model (rfm).
 *
 * @param riskRanking the model's ranking, fitted inside the calibration period
 * @param rfmRanking  the RFM baseline, fitted the same way
 * @param rocCurves   the ROC curve of each ranking, for a chart
 */
public record BacktestReport(
        PurchaseModelFit fit,
        LocalDate calibrationEnd,
        LocalDate holdoutEnd,
        double horizonWeeks,
        int customers,
        int holdoutBuyers,
        OptionalDouble aucModel,
        OptionalDouble aucRecency,
        OptionalDouble aucBgNbd,
        OptionalDouble aucRfm,
        RiskRankingFit riskRanking,
        RiskRankingFit rfmRanking,
        RocCurves rocCurves) {

    /** One curve per ranking of the report, under the names of its AUCs. */
    public record RocCurves(RocCurve model, RocCurve recency, RocCurve bgNbd, RocCurve rfm) {

        public RocCurves {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(recency, "recency");
            Objects.requireNonNull(bgNbd, "bgNbd");
            Objects.requireNonNull(rfm, "rfm");
        }
    }

    public BacktestReport {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(holdoutEnd, "holdoutEnd");
        Objects.requireNonNull(aucModel, "aucModel");
        Objects.requireNonNull(aucRecency, "aucRecency");
        Objects.requireNonNull(aucBgNbd, "aucBgNbd");
        Objects.requireNonNull(aucRfm, "aucRfm");
        Objects.requireNonNull(riskRanking, "riskRanking");
        Objects.requireNonNull(rfmRanking, "rfmRanking");
        Objects.requireNonNull(rocCurves, "rocCurves");
    }
}
