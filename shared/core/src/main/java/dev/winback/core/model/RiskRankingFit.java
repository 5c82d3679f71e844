package dev.winback.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A risk ranking with how it came about: fitted on the customers known at an inner cut (see {@link RiskTrainingSet}), with
 * "no purchase from the inner cut to the end of the data it may see" as the outcome.
 *
 * @param customers      customers the ranking was fitted on
 * @param lapsed         of them, those who bought nothing after the inner cut
 * @param fallbackReason present when the ranking is {@link RiskRanking#purchaseModelOnly()} rather than fitted
 */
public record RiskRankingFit(RiskRanking ranking, LocalDate innerCut, double innerHorizonWeeks, int customers, int lapsed,
                             Optional<String> fallbackReason) {

    public RiskRankingFit {
        Objects.requireNonNull(ranking, "ranking");
        Objects.requireNonNull(innerCut, "innerCut");
        Objects.requireNonNull(fallbackReason, "fallbackReason");
    }

    public boolean isFallback() {
        return fallbackReason.isPresent();
    }
}
