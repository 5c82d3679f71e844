package dev.winback.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A fit as stored for every reader: the model, when and on how many customers it was fitted, its
 * log-likelihood, and why the defaults were used if they were.
 */
public record StoredPurchaseModel(PurchaseModelType type, BgNbdParameters parameters, Instant fittedAt, int customers,
                                  double logLikelihood, Optional<String> fallbackReason) {

    public StoredPurchaseModel {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(fittedAt, "fittedAt");
        Objects.requireNonNull(fallbackReason, "fallbackReason");
    }

    public static StoredPurchaseModel of(PurchaseModelFit fit, Instant fittedAt) {
        return new StoredPurchaseModel(fit.model().type(), fit.parameters(), fittedAt, fit.customers(),
                fit.logLikelihood(), fit.fallbackReason());
    }

    public PurchaseModel model() {
        return type.withParameters(parameters);
    }
}
