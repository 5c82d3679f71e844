package dev.winback.functions.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.winback.core.campaign.SendCampaigns;
import dev.winback.core.evaluation.RunBudget;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every minute: hands the members of every active one-off campaign to the delivery queue, page by
 * page at each campaign's rate, within the invocation's time; the next run goes on from each
 * campaign's stored cursor.
 */
public final class SendCampaignsHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final SendCampaigns send;
    private final Clock clock;

    public SendCampaignsHandler() {
        this(SendCampaignsComposition.fromEnvironment());
    }

    public SendCampaignsHandler(SendCampaignsComposition composition) {
        this.send = composition.send();
        this.clock = composition.clock();
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        Instant now = clock.instant();
        SendCampaigns.Report report = send.run(now, context == null ? RunBudget.UNLIMITED
                : SendCampaignsComposition.budget(clock, now, context.getRemainingTimeInMillis()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("at", now.toString());
        summary.put("campaigns", report.campaigns());
        summary.put("handedOver", report.handedOver());
        summary.put("pages", report.pages());
        summary.put("finished", report.finished());
        summary.put("conflicts", report.conflicts());
        summary.put("failed", report.failed());
        return summary;
    }
}
