package dev.winback.adapters.eventbridge;

import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.playbook.ActionRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requested actions as {@code RetentionActionRequested} events on the Winback bus, up to ten per
 * PutEvents call. An entry the bus refuses (throttled, internal error) and a call that fails are
 * reported as not accepted, for a later run to retry; subscribers deduplicate on the idempotency key.
 */
public final class EventBridgeActionPublisher implements ActionPublisher {

    public static final String SOURCE = "winback.evaluator";
    static final int MAX_ENTRIES = 10;
    private static final Logger LOG = Logger.getLogger(EventBridgeActionPublisher.class.getName());

    private final EventBridgeClient eventBridge;
    private final String busName;

    public EventBridgeActionPublisher(EventBridgeClient eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    @Override
    public Set<String> publish(List<ActionRequest> requests) {
        Set<String> accepted = new HashSet<>();
        for (int from = 0; from < requests.size(); from += MAX_ENTRIES) {
            List<ActionRequest> batch = requests.subList(from, Math.min(requests.size(), from + MAX_ENTRIES));
            List<PutEventsRequestEntry> entries = batch.stream().map(request -> PutEventsRequestEntry.builder()
                    .eventBusName(busName).source(SOURCE).detailType(RetentionActionRequestedJson.DETAIL_TYPE)
                    .detail(RetentionActionRequestedJson.toDetail(request)).build()).toList();
            PutEventsResponse response;
            try {
                response = eventBridge.putEvents(b -> b.entries(entries));
            } catch (SdkException e) {
                LOG.log(Level.WARNING, "PutEvents failed for " + batch.size() + " actions; they will be retried", e);
                continue;
            }
            // Result entries come in the order of the request entries; a failed one carries an error code.
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < batch.size() && i < results.size(); i++) {
                if (results.get(i).errorCode() == null) {
                    accepted.add(batch.get(i).idempotencyKey());
                } else {
                    LOG.warning("the bus refused an action (" + results.get(i).errorCode() + "); it will be retried");
                }
            }
        }
        return accepted;
    }
}
