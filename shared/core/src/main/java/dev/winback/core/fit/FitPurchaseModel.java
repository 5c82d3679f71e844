package dev.winback.core.fit;

import dev.winback.core.model.CustomerSummary;
import dev.winback.core.model.FitSettings;
import dev.winback.core.model.PurchaseHistory;
import dev.winback.core.model.PurchaseModelFit;
import dev.winback.core.model.PurchaseModelFitting;
import dev.winback.core.model.PurchaseModelType;
import dev.winback.core.model.PurchaseModels;
import dev.winback.core.model.StoredPurchaseModel;
import dev.winback.core.record.Purchases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The daily fit: samples the base, fits the purchase model on the buyers in it (or falls back to the
 * defaults with a reason) and stores the result for every reader.
 */
public final class FitPurchaseModel {

    private final CustomerSample sample;
    private final PurchaseModels models;
    private final PurchaseModelType type;
    private final FitSettings settings;

    public FitPurchaseModel(CustomerSample sample, PurchaseModels models, PurchaseModelType type, FitSettings settings) {
        this.sample = Objects.requireNonNull(sample, "sample");
        this.models = Objects.requireNonNull(models, "models");
        this.type = Objects.requireNonNull(type, "type");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @param random decides the sample when more buyers are read than the fit uses */
    public StoredPurchaseModel run(Instant now, RandomGenerator random) {
        List<CustomerSummary> buyers = sample.sample(settings.maximumCustomers()).stream()
                .map(Purchases::history).flatMap(Optional::stream)
                .filter(history -> !now.isBefore(history.lastPurchase()))
                .map((PurchaseHistory history) -> history.summaryAt(now).inWholeDays())
                .toList();
        PurchaseModelFit fit = PurchaseModelFitting.fitOrDefaults(type, buyers, settings, random);
        StoredPurchaseModel stored = StoredPurchaseModel.of(fit, now);
        models.store(stored);
        return stored;
    }

    /**
     * Before a snapshot of the function: the fit over as few made-up buyers as it accepts (a quarter
     * of them one-time buyers), with the same type and settings; nothing is read or stored.
     */
    public void prime(Instant now, RandomGenerator random) {
        List<CustomerSummary> buyers = IntStream.range(0, settings.minimumCustomers())
                .mapToObj(i -> new CustomerSummary(i % 4, (i % 4) * 30.0, 365.0)).toList();
        StoredPurchaseModel.of(PurchaseModelFitting.fitOrDefaults(type, buyers, settings, random), now);
    }
}
