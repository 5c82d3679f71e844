package dev.winback.functions.fit;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.core.fit.FitPurchaseModel;
import dev.winback.core.model.FitSettings;
import dev.winback.core.model.PurchaseModelType;

import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/** What the daily fit needs: a sample of the base, the stored models, and its clock. */
public final class FitPurchaseModelComposition {

    private final FitPurchaseModel fit;
    private final Clock clock;

    /** For the local runtime and tests; the sample's scan segments run on {@code writers}. */
    public FitPurchaseModelComposition(EngagementTable table, Clock clock, Executor writers) {
        this.fit = new FitPurchaseModel(table.customerSample(writers), table.purchaseModels(), PurchaseModelType.BG_NBD,
                FitSettings.defaults());
        this.clock = clock;
    }

    /** As deployed: configuration from the environment, the system clock, a writer pool of its own. */
    public static FitPurchaseModelComposition fromEnvironment() {
        Clock clock = Clock.systemUTC();
        EngagementTable table = new EngagementTable(WinbackConfig.fromEnvironment(System.getenv()), new AwsClients(), clock,
                ElapsedTime.SYSTEM);
        FitPurchaseModelComposition composition = new FitPurchaseModelComposition(table, clock, WriterThreads.newPool());
        SnapStartPriming.register("fit-purchase-model", () -> {
            table.prime();
            composition.prime();
        });
        return composition;
    }

    /** Before a SnapStart snapshot: the fit over made-up buyers in memory; the table is neither read nor written. */
    public void prime() {
        fit.prime(clock.instant(), new SplittableRandom(0));
    }

    public FitPurchaseModel fit() {
        return fit;
    }

    public Clock clock() {
        return clock;
    }
}
