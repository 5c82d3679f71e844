package dev.winback.functions.journeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.winback.adapters.observe.Observed;
import dev.winback.core.journey.AdvanceDueJourneys;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every minute: moves on the journeys whose timer fell due (a wait that ended, a birthday, a
 * message to hand over again) and sends what their steps decide. The run's instant is the clock's.
 */
public final class AdvanceJourneysHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final Observed observed = Observed.fromEnvironment(System.getenv());
    private final AdvanceDueJourneys advance;
    private final Clock clock;

    public AdvanceJourneysHandler() {
        this(AdvanceJourneysComposition.fromEnvironment());
    }

    public AdvanceJourneysHandler(AdvanceJourneysComposition composition) {
        this.advance = composition.advance();
        this.clock = composition.clock();
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return observed.scheduled(event, context, this::advanceDue);
    }

    private Map<String, Object> advanceDue() {
        AdvanceDueJourneys.Report report = advance.run(clock.instant());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("at", report.at().toString());
        summary.put("due", report.due());
        summary.put("advanced", report.advanced());
        summary.put("upToDate", report.upToDate());
        summary.put("failed", report.failed());
        summary.put("sent", report.sent());
        return summary;
    }
}
