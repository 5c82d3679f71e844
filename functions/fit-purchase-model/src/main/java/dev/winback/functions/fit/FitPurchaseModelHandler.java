package dev.winback.functions.fit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.winback.adapters.observe.Observed;
import dev.winback.core.fit.FitPurchaseModel;
import dev.winback.core.model.StoredPurchaseModel;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Daily: fits the purchase model on a sample of the base and stores it for the evaluator, the
 * ingestion and the API. The sample's randomness is seeded by the day, so a rerun fits the same.
 */
public final class FitPurchaseModelHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final Observed observed = Observed.fromEnvironment(System.getenv());
    private final FitPurchaseModel fit;
    private final Clock clock;

    public FitPurchaseModelHandler() {
        this(FitPurchaseModelComposition.fromEnvironment());
    }

    /** For the local runtime and tests, which compose the fit over their own table and clock. */
    public FitPurchaseModelHandler(FitPurchaseModelComposition composition) {
        this.fit = composition.fit();
        this.clock = composition.clock();
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return observed.scheduled(event, context, this::fitModel);
    }

    private Map<String, Object> fitModel() {
        Instant now = clock.instant();
        StoredPurchaseModel stored = fit.run(now, new SplittableRandom(now.getEpochSecond() / 86_400));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("fittedAt", stored.fittedAt().toString());
        summary.put("type", stored.type().label());
        summary.put("customers", stored.customers());
        summary.put("r", stored.parameters().r());
        summary.put("alpha", stored.parameters().alpha());
        summary.put("a", stored.parameters().a());
        summary.put("b", stored.parameters().b());
        summary.put("logLikelihood", stored.logLikelihood());
        stored.fallbackReason().ifPresent(reason -> summary.put("fallbackReason", reason));
        return summary;
    }
}
