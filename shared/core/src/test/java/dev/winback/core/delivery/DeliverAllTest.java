package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.record.ArchivedMonth;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.winback.core.delivery.DeliverMessagesTest.NOON;
import static dev.winback.core.delivery.DeliverMessagesTest.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue batch delivered together: one read of all its customers' records, decisions published
 * once after the sends, and a ledger whose claim checks the record in the same write (no second read).
 */
class DeliverAllTest {

    final MutableClock clock = new MutableClock(NOON);
    final List<Collection<String>> loads = new ArrayList<>();
    final InMemoryEngagementStore records = new InMemoryEngagementStore();
    /** The records, counting their reads. */
    final EngagementStore reads = new EngagementStore() {
        @Override
        public synchronized Map<String, StoredRecord> load(Collection<String> customerIds) {
            loads.add(List.copyOf(customerIds));
            return records.load(customerIds);
        }

        @Override
        public Map<YearMonth, ArchivedMonth> loadArchive(String customerId) {
            return records.loadArchive(customerId);
        }

        @Override
        public boolean save(StoredRecord previous, RecordUpdate.Result update, Optional<Instant> arm) {
            return records.save(previous, update, arm);
        }
    };
    final Customers customers = new Customers(records);
    final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    final ScriptedSender sms = new ScriptedSender(Channel.SMS, false);
    final ExecutorService threads = Executors.newFixedThreadPool(4);

    /** Publications, each with the number of provider calls made before it. */
    final List<Integer> sendsBeforePublication = new ArrayList<>();
    final List<DecisionPublisher.Stored> published = new ArrayList<>();
    final DecisionPublisher publisher = new DecisionPublisher() {
        @Override
        public void publish(LedgerEntry entry, List<MessageDecision> decisions) {
            publishAll(List.of(new Stored(entry, decisions)));
        }

        @Override
        public synchronized void publishAll(List<Stored> stored) {
            sendsBeforePublication.add(sms.calls.size());
            published.addAll(stored);
        }
    };

    DeliverMessages delivery(MessageLedger ledger) {
        return new DeliverMessages(reads, ledger, List.of(sms), new PlainComposer(), customers.recorder(), publisher,
                DeliveryPolicy.defaults().withoutCaps(), clock);
    }

    /** The in-memory ledger with a claim that requires the record unchanged, as the DynamoDB ledger's transaction does. */
    MessageLedger checkingLedger(Runnable beforeClaim) {
        return new MessageLedger() {
            @Override
            public LedgerClaim claim(LedgerEntry claiming, OutboundMessage message, StoredRecord read) {
                beforeClaim.run();
                if (records.get(claiming.key().customerId()).version() != read.version()) {
                    return new LedgerClaim.RecordChanged();
                }
                return ledger.store(claiming).<LedgerClaim>map(e -> new LedgerClaim.Claimed(e, true))
                        .orElseGet(LedgerClaim.Taken::new);
            }

            @Override
            public Optional<LedgerEntry> find(MessageKey key) {
                return ledger.find(key);
            }

            @Override
            public Optional<LedgerEntry> store(LedgerEntry next) {
                return ledger.store(next);
            }

            @Override
            public int shards() {
                return ledger.shards();
            }

            @Override
            public List<MessageKey> due(int shard, Instant now) {
                return ledger.due(shard, now);
            }

            @Override
            public List<LedgerEntry> recent(String customerId, int limit) {
                return ledger.recent(customerId, limit);
            }
        };
    }

    @Test
    void oneReadForTheBatch_customersInOrder_decisionsPublishedOnceAfterTheSends() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        customers.reachable("c-2", NOON.minusSeconds(60), "America/New_York");
        List<DeliveryRequest> batch = List.of(request("c-1", "a", Purpose.MARKETING, List.of(Channel.SMS)),
                request("c-2", "a", Purpose.MARKETING, List.of(Channel.SMS)),
                request("c-1", "b", Purpose.MARKETING, List.of(Channel.SMS)));

        List<DeliverMessages.Result> results = delivery(checkingLedger(() -> { })).deliverAll(batch, threads);

        assertThat(results).extracting(DeliverMessages.Result::status).containsOnly(Optional.of(LedgerStatus.SENT));
        assertThat(sms.delivered).hasSize(3);
        // The batch's read, then c-1's record again for its second message (the first one's send changed it).
        assertThat(loads.getFirst()).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(loads).hasSize(2);
        assertThat(records.get("c-1").record().sendLog().recent()).hasSize(2);
        assertThat(sendsBeforePublication).containsExactly(3);
        assertThat(published).hasSize(3);
    }

    @Test
    void aClaimThatChecksTheRecordNeedsNoSecondRead() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");

        delivery(checkingLedger(() -> { }))
                .deliverAll(List.of(request("c-1", "a", Purpose.MARKETING, List.of(Channel.SMS))), threads);

        assertThat(sms.delivered).hasSize(1);
        assertThat(loads).hasSize(1);
    }

    @Test
    void aWithdrawalLandingBeforeACheckedClaimStopsTheSend() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        boolean[] withdrawn = new boolean[1];
        MessageLedger racing = checkingLedger(() -> {
            if (withdrawn[0]) return;
            withdrawn[0] = true;
            customers.apply("c-1", NOON, new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, false,
                    "unsubscribe", "v1"));
        });
        DeliveryRequest request = request("c-1", "a", Purpose.MARKETING, List.of(Channel.SMS));

        List<DeliverMessages.Result> results = delivery(racing).deliverAll(List.of(request), threads);

        assertThat(results.getFirst().status()).contains(LedgerStatus.SKIPPED);
        assertThat(sms.calls).isEmpty();
        LedgerEntry entry = ledger.find(request.key()).orElseThrow();
        assertThat(entry.attempts()).isEmpty();
        assertThat(entry.timer()).isEmpty();
        assertThat(entry.decisions()).extracting(MessageDecision::reason)
                .containsSubsequence(MessageDecision.Reason.RECORD_CHANGED, MessageDecision.Reason.CONSENT_WITHDRAWN);
    }
}
