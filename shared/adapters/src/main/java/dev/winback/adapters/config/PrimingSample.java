package dev.winback.adapters.config;

import dev.winback.adapters.json.JsonEventFormat;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.ParseResult;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;

import java.util.List;
import java.util.Map;

/**
 * What SnapStart priming feeds the real code: a few contract events of the customer no one has
 * ({@link EngagementTable#PRIMING_CUSTOMER}), read by the real parser, and the record the real merge
 * rules make of them. Built in memory; nothing here is stored.
 */
public final class PrimingSample {

    /** A session, a purchase and a marketing consent: enough for the rules to have something to judge. */
    static final List<String> EVENTS = List.of(
            "{\"eventId\":\"priming-1\",\"customerId\":\"snapstart-priming\",\"type\":\"session_started\","
                    + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"properties\":{\"platform\":\"app\"}}",
            "{\"eventId\":\"priming-2\",\"customerId\":\"snapstart-priming\",\"type\":\"purchase_completed\","
                    + "\"occurredAt\":\"2026-01-01T00:05:00Z\",\"platform\":\"web\",\"properties\":{\"orderId\":\"priming\","
                    + "\"amount\":10.00,\"currency\":\"EUR\",\"items\":[{\"sku\":\"priming\",\"category\":\"priming\","
                    + "\"quantity\":1,\"unitPrice\":10.00}]}}",
            "{\"eventId\":\"priming-3\",\"customerId\":\"snapstart-priming\",\"type\":\"consent_changed\","
                    + "\"occurredAt\":\"2026-01-01T00:06:00Z\",\"platform\":\"web\",\"properties\":{\"channel\":\"email\","
                    + "\"purpose\":\"marketing\",\"granted\":true,\"source\":\"priming\",\"wordingVersion\":\"priming\"}}");

    private PrimingSample() {
    }

    /** The sample events as the parser reads them, under the id no customer can have. */
    public static List<EngagementEvent> events() {
        JsonEventFormat format = new JsonEventFormat();
        return EVENTS.stream().map(format::parse)
                .filter(ParseResult.Parsed.class::isInstance).map(ParseResult.Parsed.class::cast)
                .map(ParseResult.Parsed::event)
                .map(e -> new EngagementEvent(e.eventId(), EngagementTable.PRIMING_CUSTOMER, e.occurredAt(),
                        e.platform(), e.payload(), e.receivedAt()))
                .toList();
    }

    /** The sample events merged into an empty record by the ingestion's rules. */
    public static RecordUpdate.Result applied() {
        return RecordUpdate.apply(EngagementRecord.empty(EngagementTable.PRIMING_CUSTOMER), events(), Map.of());
    }
}
