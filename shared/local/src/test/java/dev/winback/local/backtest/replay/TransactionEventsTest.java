package dev.winback.local.backtest.replay;

import dev.winback.adapters.json.EventJsonParser;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.ingest.ParseResult;
import dev.winback.core.model.Transaction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionEventsTest {

    static Transaction tx(String customerId, String day, String amount) {
        return new Transaction(customerId, LocalDate.parse(day), new BigDecimal(amount));
    }

    final List<Transaction> log = List.of(
            tx("0002", "1997-01-03", "12.50"),
            tx("0001", "1997-01-01", "29.33"),
            tx("0001", "1997-01-01", "10.00"),
            tx("0002", "1997-01-02", "5.00"));

    @Test
    void eachCustomerGetsAnAddressAndEmailConsentAMinuteBeforeTheirFirstPurchase() {
        List<EngagementEvent> events = TransactionEvents.events(log, "USD");

        assertThat(events).hasSize(8);
        assertThat(events).filteredOn(e -> e.customerId().equals("0002") && !e.type().equals("purchase_completed"))
                .extracting(EngagementEvent::type, EngagementEvent::occurredAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("profile_updated", Instant.parse("1997-01-02T11:59:00Z")),
                        org.assertj.core.groups.Tuple.tuple("consent_changed", Instant.parse("1997-01-02T11:59:00Z")));
        EventPayload.ProfileUpdated profile = (EventPayload.ProfileUpdated) events.getFirst().payload();
        assertThat(profile.email()).contains("customer-1@replay.invalid");
        EventPayload.ConsentChanged consent = (EventPayload.ConsentChanged) events.get(1).payload();
        assertThat(consent.granted()).isTrue();
        assertThat(consent.source()).isEqualTo(TransactionEvents.CONSENT_SOURCE);
    }

    @Test
    void purchasesAreOnTheWebAtNoon_aSecondApartOnTheSameDay_withDistinctOrders() {
        List<EngagementEvent> purchases = TransactionEvents.events(log, "USD").stream()
                .filter(e -> e.type().equals("purchase_completed") && e.customerId().equals("0001")).toList();

        assertThat(purchases).extracting(EngagementEvent::occurredAt).containsExactly(
                Instant.parse("1997-01-01T12:00:00Z"), Instant.parse("1997-01-01T12:00:01Z"));
        assertThat(purchases).extracting(EngagementEvent::platform).containsOnly(Optional.of(Platform.WEB));
        assertThat(purchases).extracting(e -> ((EventPayload.PurchaseCompleted) e.payload()).orderId())
                .containsExactly("replay-0001-19970101-1", "replay-0001-19970101-2");
        assertThat(purchases).extracting(e -> ((EventPayload.PurchaseCompleted) e.payload()).amount())
                .containsExactly(new BigDecimal("29.33"), new BigDecimal("10.00"));
    }

    @Test
    void everyLineIsAValidContractEvent() {
        EventJsonParser parser = new EventJsonParser();

        assertThat(TransactionEvents.jsonLines(log, "EUR")).hasSize(8)
                .allSatisfy(line -> assertThat(parser.parse(line)).isInstanceOf(ParseResult.Parsed.class));
    }
}
