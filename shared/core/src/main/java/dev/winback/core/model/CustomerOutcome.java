package dev.winback.core.model;

import java.util.Objects;

/** A customer's calibration-period history and whether they bought again in the holdout period. */
public record CustomerOutcome(String customerId, CustomerSummary calibration, boolean purchasedInHoldout) {

    public CustomerOutcome {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(calibration, "calibration");
    }
}
