package dev.winback.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A model ready to score customers, with how it came about.
 *
 * @param logLikelihood  total log-likelihood of the customers used, at the model's parameters
 * @param customers      customers the likelihood covers (after sampling)
 * @param fallbackReason present when the parameters are the defaults rather than fitted
 */
public record PurchaseModelFit(PurchaseModel model, double logLikelihood, int customers, Optional<String> fallbackReason) {

    public PurchaseModelFit {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(fallbackReason, "fallbackReason");
    }

    public boolean isFallback() {
        return fallbackReason.isPresent();
    }

    public BgNbdParameters parameters() {
        return model.parameters();
    }
}
