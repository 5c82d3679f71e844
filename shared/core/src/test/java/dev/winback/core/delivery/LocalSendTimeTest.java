package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.InMemoryEngagementStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A request with a local send time is held until that time in each customer's own zone, then the usual rules apply. */
class LocalSendTimeTest {

    static final Instant START = Instant.parse("2026-12-07T20:00:00Z");
    static final List<String> ZONES = List.of("Asia/Tokyo", "Europe/Berlin", "America/New_York", "Pacific/Honolulu");

    @Test
    void eachCustomerGetsTheMessageAtTheLocalTimeInTheirOwnZone() {
        Map<String, Instant> sentAt = deliverAt(LocalDateTime.parse("2026-12-08T10:00"), Channel.EMAIL);
        assertThat(sentAt).hasSize(ZONES.size());
        for (String zone : ZONES) {
            assertThat(sentAt.get("c-" + zone).atZone(ZoneId.of(zone)).toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse("2026-12-08T10:00"));
        }
    }

    @Test
    void quietHoursStillHoldAfterTheLocalTime() {
        // 22:00 local is inside the legal floor for marketing push: each waits for its own 08:00.
        Map<String, Instant> sentAt = deliverAt(LocalDateTime.parse("2026-12-08T22:00"), Channel.PUSH);
        assertThat(sentAt).hasSize(ZONES.size());
        for (String zone : ZONES) {
            assertThat(sentAt.get("c-" + zone).atZone(ZoneId.of(zone)).toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse("2026-12-09T08:00"));
        }
    }

    @Test
    void theHoldIsNamedScheduled() {
        MutableClock clock = new MutableClock(START);
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        new Customers(store).reachable("c-1", START, "Europe/Berlin");
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        DeliverMessages delivery = new DeliverMessages(store, ledger, List.of(new ScriptedSender(Channel.EMAIL, false)),
                new PlainComposer(), SendRecorder.NONE, DecisionPublisher.NONE, DeliveryPolicy.defaults(), clock);
        DeliveryRequest request = request("c-1", LocalDateTime.parse("2026-12-08T10:00"), Channel.EMAIL);

        DeliverMessages.Result result = delivery.deliver(request);

        assertThat(result.status()).contains(LedgerStatus.HELD);
        LedgerEntry entry = ledger.find(request.key()).orElseThrow();
        assertThat(entry.timer()).contains(Instant.parse("2026-12-08T09:00:00Z"));
        assertThat(entry.decisions().getLast().reason()).isEqualTo(MessageDecision.Reason.SCHEDULED);
    }

    private static Map<String, Instant> deliverAt(LocalDateTime local, Channel channel) {
        MutableClock clock = new MutableClock(START);
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        Customers customers = new Customers(store);
        Map<String, Instant> sentAt = new HashMap<>();
        ScriptedSender sender = new ScriptedSender(channel, false);
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        DeliverMessages delivery = new DeliverMessages(store, ledger, List.of(sender), new PlainComposer(),
                SendRecorder.NONE, (entry, decisions) -> decisions.stream()
                .filter(d -> d.kind() == MessageDecision.Kind.SENT)
                .forEach(d -> sentAt.put(entry.key().customerId(), d.at())),
                DeliveryPolicy.defaults(), clock);
        for (String zone : ZONES) {
            customers.reachable("c-" + zone, START, zone);
            assertThat(delivery.deliver(request("c-" + zone, local, channel)).status()).contains(LedgerStatus.HELD);
        }
        for (Instant at = START; at.isBefore(START.plus(Duration.ofDays(3))); at = at.plus(Duration.ofMinutes(15))) {
            clock.set(at);
            for (int shard = 0; shard < delivery.shards(); shard++) delivery.resumeDue(shard);
        }
        return sentAt;
    }

    private static DeliveryRequest request(String customerId, LocalDateTime local, Channel channel) {
        return new DeliveryRequest(customerId, "camp", "campaign/x", "run", Purpose.MARKETING, MessageCategory.PROMOTIONS,
                List.of(channel), START, START.plus(Duration.ofDays(3)), Duration.ofHours(4), Map.of(), "x",
                Optional.of(local));
    }
}
