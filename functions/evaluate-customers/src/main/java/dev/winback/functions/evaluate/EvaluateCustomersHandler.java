package dev.winback.functions.evaluate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.winback.adapters.observe.Observed;
import dev.winback.core.evaluation.EvaluateDueCustomers;
import dev.winback.core.evaluation.EvaluationMetrics;
import dev.winback.core.evaluation.RunBudget;
import dev.winback.core.guardrail.CheckGuardrails;
import dev.winback.core.guardrail.UnitPause;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every 15 minutes: evaluates the customers whose timer fell due and publishes the actions they
 * need, chunk by chunk within the invocation's remaining time; then, at most once an hour, pauses
 * the units whose guardrails say they harm. The run's instant is the clock's, not the schedule's: a
 * late or missed run catches up with everything due by now.
 */
public final class EvaluateCustomersHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final EvaluateDueCustomers evaluate;
    private final CheckGuardrails guardrails;
    private final Clock clock;
    private final Observed observed;

    public EvaluateCustomersHandler() {
        this(EvaluateCustomersComposition.fromEnvironment());
    }

    /** For the local runtime and tests, which bring their own publishers. */
    public EvaluateCustomersHandler(EvaluateCustomersComposition composition) {
        this.evaluate = composition.evaluate();
        this.guardrails = composition.guardrails();
        this.clock = composition.clock();
        this.observed = composition.observed();
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return observed.scheduled(event, context, () -> run(context));
    }

    private Map<String, Object> run(Context context) {
        Instant now = clock.instant();
        EvaluateDueCustomers.Report report = evaluate.run(now, context == null ? RunBudget.UNLIMITED
                : EvaluateCustomersComposition.budget(clock, now, context.getRemainingTimeInMillis()));
        EvaluationMetrics.count(report, observed.metrics());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("at", report.at().toString());
        summary.put("due", report.due());
        summary.put("evaluated", report.evaluated());
        summary.put("upToDate", report.upToDate());
        summary.put("conflicts", report.conflicts());
        summary.put("failed", report.failed());
        summary.put("requested", report.requested());
        summary.put("published", report.published());
        summary.put("pending", report.pending());
        summary.put("deferred", report.deferred());
        summary.put("unitsPaused", guardrails.runIfDue(clock.instant()).paused().stream().map(UnitPause::unit).toList());
        return summary;
    }
}
