package dev.winback.adapters.dynamodb;

import dev.winback.core.delivery.Attempt;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.LedgerWrite;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The send ledger against DynamoDB Local, as the core's MessageLedger port sees it. */
class DynamoDbMessageLedgerIT {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final DynamoDbMessageLedger ledger =
            new DynamoDbMessageLedger(table.client(), table.name(), new CapacityMeter());

    @Test
    void find_ofAnUnknownMessage_isEmpty() {
        assertThat(ledger.find(request("c-1", "o-1").key())).isEmpty();
    }

    @Test
    void store_thenFind_returnsTheEntryWithTheVersionWritten() {
        LedgerEntry open = LedgerEntry.open(request("c-1", "o-1"), NOW);

        Optional<LedgerEntry> stored = ledger.store(open);

        assertThat(stored).contains(open.withVersion(1));
        assertThat(ledger.find(open.key())).contains(open.withVersion(1));
    }

    @Test
    void theClaimIsExclusive_aWriteFromAStaleVersionIsRefused() {
        DeliveryRequest request = request("c-1", "o-1");
        LedgerEntry v1 = ledger.store(LedgerEntry.open(request, NOW)).orElseThrow();
        // Two workers read version 1 and both try to claim the first attempt.
        LedgerEntry byFirst = claimed(v1, Channel.PUSH);
        LedgerEntry bySecond = claimed(v1, Channel.SMS);

        assertThat(ledger.store(byFirst)).contains(byFirst.withVersion(2));
        assertThat(ledger.store(bySecond)).isEmpty();
        // Creating the same message again is refused too: it already exists.
        assertThat(ledger.store(LedgerEntry.open(request, NOW))).isEmpty();

        LedgerEntry found = ledger.find(request.key()).orElseThrow();
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.attempts()).singleElement().extracting(Attempt::channel).isEqualTo(Channel.PUSH);
    }

    @Test
    void due_returnsTimedEntriesPerShard_inTimeOrder_onlyOnceDue() {
        Map<MessageKey, Instant> timers = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            Instant timer = NOW.minusSeconds(3600 - i * 60L);
            LedgerEntry held = timed(LedgerEntry.open(request("c-" + i, "o-" + i), NOW.minusSeconds(7200)), timer);
            timers.put(held.key(), timer);
            assertThat(ledger.store(held)).isPresent();
        }
        LedgerEntry later = timed(LedgerEntry.open(request("c-later", "o-x"), NOW), NOW.plusSeconds(1));
        ledger.store(later);
        ledger.store(LedgerEntry.open(request("c-untimed", "o-y"), NOW));

        List<MessageKey> all = new ArrayList<>();
        int fullestShard = 0;
        for (int shard = 0; shard < ledger.shards(); shard++) {
            List<MessageKey> due = ledger.due(shard, NOW);
            assertThat(due).isSortedAccordingTo(Comparator.comparing(timers::get));
            all.addAll(due);
            fullestShard = Math.max(fullestShard, due.size());
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(timers.keySet());
        assertThat(fullestShard).isGreaterThan(1);

        List<MessageKey> aSecondLater = new ArrayList<>();
        for (int shard = 0; shard < ledger.shards(); shard++) aSecondLater.addAll(ledger.due(shard, NOW.plusSeconds(1)));
        assertThat(aSecondLater).contains(later.key()).hasSize(41);
    }

    @Test
    void anEntryWhoseTimerIsCleared_isNoLongerDue() {
        LedgerEntry held = ledger.store(timed(LedgerEntry.open(request("c-1", "o-1"), NOW), NOW.minusSeconds(1)))
                .orElseThrow();
        LedgerEntry cleared = skipped(held);

        assertThat(ledger.store(cleared)).isPresent();

        for (int shard = 0; shard < ledger.shards(); shard++) assertThat(ledger.due(shard, NOW)).isEmpty();
    }

    @Test
    void storeAll_replacesEachUnderItsOwnCondition_andLeavesTheItemAsStoreWould() {
        LedgerEntry held = ledger.store(timed(LedgerEntry.open(request("c-1", "o-1"), NOW), NOW.minusSeconds(1)))
                .orElseThrow();
        LedgerEntry clearing = skipped(held);
        LedgerEntry open = ledger.store(LedgerEntry.open(request("c-2", "o-2"), NOW)).orElseThrow();
        LedgerEntry claiming = claimed(open, Channel.SMS);
        LedgerEntry racing = ledger.store(LedgerEntry.open(request("c-3", "o-3"), NOW)).orElseThrow();
        ledger.store(claimed(racing, Channel.PUSH)); // another worker moved it on: a write from version 1 is refused
        LedgerEntry stale = claimed(racing, Channel.SMS);
        LedgerEntry created = LedgerEntry.open(request("c-4", "o-4"), NOW);

        List<LedgerWrite> writes = ledger.storeAll(List.of(clearing, claiming, stale, created));

        assertThat(writes).containsExactly(new LedgerWrite.Stored(clearing.withVersion(2)),
                new LedgerWrite.Stored(claiming.withVersion(2)), new LedgerWrite.Refused(),
                new LedgerWrite.Stored(created.withVersion(1)));
        assertThat(ledger.find(clearing.key())).contains(clearing.withVersion(2));
        assertThat(ledger.find(claiming.key())).contains(claiming.withVersion(2));
        assertThat(ledger.find(stale.key()).orElseThrow().attempts()).singleElement()
                .extracting(Attempt::channel).isEqualTo(Channel.PUSH);
        assertThat(ledger.find(created.key())).contains(created.withVersion(1));
        for (int shard = 0; shard < ledger.shards(); shard++) assertThat(ledger.due(shard, NOW)).isEmpty();
    }

    @Test
    void storeAll_ofMoreThanOneRequestHolds_writesThemAll() {
        List<LedgerEntry> claims = new ArrayList<>();
        for (int i = 0; i < LedgerReplacements.STATEMENTS_PER_REQUEST + 3; i++) {
            claims.add(claimed(ledger.store(LedgerEntry.open(request("c-" + i, "o-" + i), NOW)).orElseThrow(), Channel.SMS));
        }

        List<LedgerWrite> writes = ledger.storeAll(claims);

        assertThat(writes).hasSize(claims.size()).allMatch(write -> write instanceof LedgerWrite.Stored);
        for (LedgerEntry claim : claims) assertThat(ledger.find(claim.key())).contains(claim.withVersion(2));
    }

    @Test
    void recent_returnsTheCustomersNewestEntriesFirst_uptoTheLimit() {
        for (int i = 0; i < 5; i++) {
            ledger.store(LedgerEntry.open(request("c-1", "o-" + i), NOW.plusSeconds(i)));
        }
        ledger.store(LedgerEntry.open(request("c-2", "o-9"), NOW.plusSeconds(60)));

        List<LedgerEntry> recent = ledger.recent("c-1", 3);

        assertThat(recent).extracting(e -> e.request().slot()).containsExactly("o-4", "o-3", "o-2");
        assertThat(ledger.recent("c-1", 10)).hasSize(5);
        assertThat(ledger.recent("c-3", 10)).isEmpty();
    }

    private static DeliveryRequest request(String customerId, String slot) {
        return new DeliveryRequest(customerId, "order-status", "shipped", slot, Purpose.TRANSACTIONAL,
                MessageCategory.ORDER_UPDATES, List.of(Channel.PUSH, Channel.SMS), NOW, NOW.plus(Duration.ofDays(1)),
                Duration.ofHours(2), Map.of("orderId", slot));
    }

    private static LedgerEntry claimed(LedgerEntry entry, Channel channel) {
        Attempt attempt = new Attempt(1, channel, entry.key().messageId(1), Attempt.Status.CLAIMED, NOW,
                Optional.empty(), Optional.empty());
        return new LedgerEntry(entry.key(), entry.request(), LedgerStatus.CLAIMED, List.of(attempt),
                List.of(MessageDecision.on(NOW, MessageDecision.Kind.SENT, channel, MessageDecision.Reason.ACCEPTED, "x")),
                Optional.empty(), Optional.of(NOW.plusSeconds(60)), Optional.empty(), entry.version(),
                entry.createdAt(), NOW);
    }

    /** {@code entry} skipped, its timer cleared. */
    private static LedgerEntry skipped(LedgerEntry entry) {
        return new LedgerEntry(entry.key(), entry.request(), LedgerStatus.SKIPPED, entry.attempts(),
                entry.decisions(), Optional.empty(), Optional.empty(), Optional.empty(), entry.version(),
                entry.createdAt(), NOW);
    }

    private static LedgerEntry timed(LedgerEntry entry, Instant timer) {
        return new LedgerEntry(entry.key(), entry.request(), LedgerStatus.HELD, entry.attempts(), entry.decisions(),
                Optional.of(timer), Optional.empty(), Optional.empty(), entry.version(), entry.createdAt(), entry.createdAt());
    }
}
