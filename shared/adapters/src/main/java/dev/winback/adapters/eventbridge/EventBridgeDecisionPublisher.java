package dev.winback.adapters.eventbridge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.adapters.json.DeliveryJson;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageDecision;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each decision as a {@value #DETAIL_TYPE} event on the Winback bus (up to ten per PutEvents):
 * {@code {"schemaVersion":1,"customerId","messageKey","campaignId","step","purpose","status",
 * "decision":{"at","kind","channel","reason","detail"}}}. Best effort: the ledger entry is the record.
 */
public final class EventBridgeDecisionPublisher implements DecisionPublisher {

    public static final String DETAIL_TYPE = "MessageDecision";
    public static final String SOURCE = "winback.delivery";
    private static final int MAX_ENTRIES = 10;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Logger LOG = Logger.getLogger(EventBridgeDecisionPublisher.class.getName());

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeDecisionPublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public void publish(LedgerEntry entry, List<MessageDecision> decisions) {
        publishAll(List.of(new Stored(entry, decisions)));
    }

    /** Every entry's decisions packed ten to a PutEvents: a delivery batch's in one or a few requests. */
    @Override
    public void publishAll(List<Stored> stored) {
        List<PutEventsRequestEntry> all = new ArrayList<>();
        for (Stored one : stored) {
            for (MessageDecision decision : one.decisions()) {
                all.add(PutEventsRequestEntry.builder().eventBusName(busName).source(SOURCE).detailType(DETAIL_TYPE)
                        .time(decision.at()).detail(detail(one.entry(), decision)).build());
            }
        }
        for (int from = 0; from < all.size(); from += MAX_ENTRIES) {
            List<PutEventsRequestEntry> batch = all.subList(from, Math.min(all.size(), from + MAX_ENTRIES));
            try {
                PutEventsResponse response = events.putEvents(b -> b.entries(batch));
                if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                    LOG.warning(response.failedEntryCount() + " MessageDecision events were refused by the bus");
                }
            } catch (SdkException e) {
                LOG.log(Level.WARNING, "publishing " + batch.size() + " MessageDecision events failed", e);
            }
        }
    }

    public static String detail(LedgerEntry entry, MessageDecision decision) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeStringField("customerId", entry.key().customerId());
            g.writeStringField("messageKey", entry.key().id());
            g.writeStringField("campaignId", entry.request().campaignId());
            g.writeStringField("step", entry.request().step());
            g.writeStringField("purpose", entry.request().purpose().wireName());
            g.writeStringField("status", entry.status().wireName());
            g.writeFieldName("decision");
            DeliveryJson.writeDecision(g, decision);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a MessageDecision detail", e);
        }
        return out.toString();
    }
}
