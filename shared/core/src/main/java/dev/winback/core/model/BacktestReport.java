package dev.winback.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a backtest measured: the fit on the calibration period and how well its risk ranking, and a
 * plain recency ranking, pick out the customers who did not buy in the holdout period.
 */
public record BacktestReport(
        PurchaseModelFit fit,
        LocalDate calibrationEnd,
        LocalDate holdoutEnd,
        double horizonWeeks,
        int customers,
        int holdoutBuyers,
        OptionalDouble aucModel,
        OptionalDouble aucRecency) {

    public BacktestReport {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(holdoutEnd, "holdoutEnd");
        Objects.requireNonNull(aucModel, "aucModel");
        Objects.requireNonNull(aucRecency, "aucRecency");
    }
}
