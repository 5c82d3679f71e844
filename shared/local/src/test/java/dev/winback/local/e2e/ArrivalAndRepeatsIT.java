package dev.winback.local.e2e;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.Platform;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the queue path against DynamoDB Local: an event dated in the future is refused and kept, never
 * stored (issue items 1 and 20); an event id comes into a record once whatever its date, and a repeat
 * under another date is kept for inspection (item 5), also when the first one is long archived.
 */
class ArrivalAndRepeatsIT {

    /** The fixture's clock. */
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final IngestFixture fixture = IngestFixture.get();

    @Test
    void eventsDatedAfterTheirReceipt_areKeptAsRejected_andNeverReachARecord() {
        List<String> failures = fixture.sendBodies(List.of(
                fixture.json(session("fut-1", "ar-future-1", NOW.plus(Duration.ofMinutes(10)))),
                fixture.json(session("fut-2", "ar-future-2", Instant.parse("2999-01-01T00:00:00Z")))));

        assertThat(failures).as("refused, not retried").isEmpty();
        assertThat(fixture.records(List.of("ar-future-1", "ar-future-2")).values())
                .allSatisfy(stored -> assertThat(stored.version()).isZero());
        assertThat(rejectedReasonsMentioning("fut-1")).singleElement().asString()
                .startsWith("occurredAt: must not be more than 300 seconds after");
        assertThat(rejectedReasonsMentioning("fut-2")).hasSize(1);
    }

    @Test
    void oneOrderSentWithThreeDates_countsOnce_andTheRepeatsAreKept() {
        List<String> failures = new ArrayList<>();
        for (String day : List.of("2026-10-01", "2026-10-15", "2026-10-30")) {
            failures.addAll(fixture.sendBodies(List.of(fixture.json(order("ord-three", "ar-orders",
                    Instant.parse(day + "T12:00:00Z"))))));
        }

        assertThat(failures).isEmpty();
        StoredRecord stored = fixture.records(List.of("ar-orders")).get("ar-orders");
        assertThat(stored.record().purchases().orders()).isEqualTo(1);
        assertThat(stored.record().purchases().spendByCurrency()).containsEntry("EUR", new BigDecimal("100.00"));
        assertThat(rejectedReasonsMentioning("ord-three")).hasSize(2)
                .allSatisfy(reason -> assertThat(reason).startsWith("eventId: was already used"));
    }

    @Test
    void anArchivedIdResentWithARecentDate_isRecognisedThroughTheArchive() {
        String customer = "ar-archived";
        fixture.sendBodies(List.of(fixture.json(order("ord-old", customer, Instant.parse("2026-06-01T10:00:00Z")))));
        List<String> history = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            history.add(fixture.json(session("hist-" + i, customer, Instant.parse("2026-06-02T00:00:00Z")
                    .plus(Duration.ofHours(12L * i)))));
        }
        for (int from = 0; from < history.size(); from += 50) fixture.sendBodies(history.subList(from, from + 50));
        StoredRecord before = fixture.records(List.of(customer)).get(customer);
        assertThat(before.record().seen().archived().isEmpty()).as("the first order is archived").isFalse();

        assertThat(fixture.sendBodies(List.of(fixture.json(order("ord-old", customer,
                Instant.parse("2026-10-31T10:00:00Z")))))).isEmpty();

        StoredRecord after = fixture.records(List.of(customer)).get(customer);
        assertThat(after.record().purchases().orders()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(rejectedReasonsMentioning("ord-old")).singleElement().asString().startsWith("eventId: was already used");
    }

    private List<String> rejectedReasonsMentioning(String eventId) {
        return fixture.rejectedItems("2026-12-01").stream()
                .filter(item -> item.get("body").s().contains("\"" + eventId + "\""))
                .flatMap(item -> item.get("reasons").l().stream().map(AttributeValue::s)).toList();
    }

    private static EngagementEvent session(String id, String customer, Instant at) {
        return new EngagementEvent(id, customer, at, Optional.of(Platform.APP), new EventPayload.SessionStarted(Platform.APP));
    }

    private static EngagementEvent order(String id, String customer, Instant at) {
        return new EngagementEvent(id, customer, at, Optional.empty(), new EventPayload.PurchaseCompleted("o-" + id,
                new BigDecimal("100.00"), "EUR", List.of(new LineItem("sku-1", "shoes", 1, new BigDecimal("100.00")))));
    }
}
