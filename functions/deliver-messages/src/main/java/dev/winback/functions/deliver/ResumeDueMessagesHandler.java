package dev.winback.functions.deliver;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.winback.adapters.observe.Observed;
import dev.winback.core.delivery.DeliverMessages;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every minute: resumes the messages whose timer fell due in the due-time index (MSGDUE shards):
 * held messages whose quiet hours ended or cap freed, receipt deadlines that passed without a
 * receipt (the fallback), and claims whose sender died (they become unknown, never resent).
 * A timer that is not cleared stays due, so a failed or missed run is caught up by the next.
 */
public final class ResumeDueMessagesHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final DeliverMessages delivery;
    private final Observed observed;

    public ResumeDueMessagesHandler() {
        this(DeliveryComposition.fromEnvironment());
    }

    /** For the local runtime and tests, which compose delivery with their own senders. */
    public ResumeDueMessagesHandler(DeliveryComposition composition) {
        this.delivery = composition.delivery();
        this.observed = composition.observed();
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return observed.scheduled(event, context, this::resumeDue);
    }

    private Map<String, Object> resumeDue() {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        int due = 0;
        for (int shard = 0; shard < delivery.shards(); shard++) {
            for (DeliverMessages.Result result : delivery.resumeDue(shard)) {
                due++;
                String status = result.status().map(s -> s.wireName()).orElse("gone");
                byStatus.merge(result.outcome() == DeliverMessages.Outcome.RETRY_LATER ? "retry" : status, 1, Integer::sum);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("due", due);
        summary.put("byStatus", byStatus);
        return summary;
    }
}
