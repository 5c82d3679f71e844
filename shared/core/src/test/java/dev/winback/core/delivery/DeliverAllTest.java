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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.winback.core.delivery.DeliverMessagesTest.NOON;
import static dev.winback.core.delivery.DeliverMessagesTest.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue batch delivered together: one read of its customers' records, the claims, one read of the
 * claimed customers' records after all the claims, the senders prepared once, the sends, and the
 * decisions published once after them.
 */
class DeliverAllTest {

    final MutableClock clock = new MutableClock(NOON);
    /** Reads, claims, preparations and sends in the order they happened. */
    final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    final InMemoryEngagementStore records = new InMemoryEngagementStore();
    volatile int failReadNumber = -1;
    int reads;
    /** The records, noting their reads. */
    final EngagementStore counted = new EngagementStore() {
        @Override
        public synchronized Map<String, StoredRecord> load(Collection<String> customerIds) {
            if (++reads == failReadNumber) throw new IllegalStateException("injected: the read failed");
            steps.add("read " + List.copyOf(customerIds));
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
    final InMemoryMessageLedger entries = new InMemoryMessageLedger();
    volatile Runnable beforeClaim = () -> { };
    /** The ledger, noting its claims. */
    final MessageLedger ledger = new MessageLedger() {
        @Override
        public Optional<LedgerEntry> find(MessageKey key) {
            return entries.find(key);
        }

        @Override
        public Optional<LedgerEntry> store(LedgerEntry next) {
            if (next.status() == LedgerStatus.CLAIMED) {
                beforeClaim.run();
                steps.add("claim " + next.key().customerId());
            }
            return entries.store(next);
        }

        @Override
        public int shards() {
            return entries.shards();
        }

        @Override
        public List<MessageKey> due(int shard, Instant now) {
            return entries.due(shard, now);
        }

        @Override
        public List<LedgerEntry> recent(String customerId, int limit) {
            return entries.recent(customerId, limit);
        }
    };
    final ScriptedSender sms = new ScriptedSender(Channel.SMS, false);
    /** The SMS sender, noting what it is told before the sends. */
    final ChannelSender noted = new ChannelSender() {
        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            steps.add("send " + message.customerId());
            return sms.send(message);
        }

        @Override
        public void expect(Collection<String> addresses) {
            steps.add("expect " + addresses.size());
        }

        @Override
        public void prepare(Collection<OutboundMessage> messages) {
            steps.add("prepare " + messages.stream().map(OutboundMessage::customerId).sorted().toList());
        }
    };
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

    DeliverMessages delivery() {
        return new DeliverMessages(counted, ledger, List.of(noted), new PlainComposer(), customers.recorder(), publisher,
                DeliveryPolicy.defaults().withoutCaps(), clock);
    }

    @Test
    void oneReadBeforeAndOneAfterTheBatchsClaims_thenTheSends_decisionsPublishedOnceAfterThem() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        customers.reachable("c-2", NOON.minusSeconds(60), "America/New_York");
        List<DeliveryRequest> batch = List.of(request("c-1", "a", Purpose.MARKETING, List.of(Channel.SMS)),
                request("c-2", "a", Purpose.MARKETING, List.of(Channel.SMS)),
                request("c-1", "b", Purpose.MARKETING, List.of(Channel.SMS)));

        List<DeliverMessages.Result> results = delivery().deliverAll(batch, threads);

        assertThat(results).extracting(DeliverMessages.Result::status).containsOnly(Optional.of(LedgerStatus.SENT));
        assertThat(sms.delivered).hasSize(3);
        assertThat(steps.get(0)).isEqualTo("read [c-1, c-2]");
        assertThat(steps.subList(1, 3)).containsExactlyInAnyOrder("claim c-1", "claim c-2");
        // Both first messages are checked against one read made after both claims, and prepared together
        // (the sender is told their addresses once each: the two customers share a number). The read
        // and the sender's suppression lookup run at the same time, so either may be noted first.
        assertThat(steps.subList(3, 5)).containsExactlyInAnyOrder("read [c-1, c-2]", "expect 1");
        assertThat(steps.get(5)).isEqualTo("prepare [c-1, c-2]");
        assertThat(steps.subList(6, steps.size())).contains("send c-2");
        // c-1's second message reads its record again (the first one's send changed it), claims, reads after the claim.
        assertThat(steps.subList(6, steps.size())).containsSubsequence("send c-1", "read [c-1]", "claim c-1",
                "read [c-1]", "send c-1");
        assertThat(steps).hasSize(12);
        assertThat(records.get("c-1").record().sendLog().recent()).hasSize(2);
        assertThat(sendsBeforePublication).containsExactly(3);
        assertThat(published).hasSize(3);
    }

    @Test
    void aWithdrawalLandingAfterTheBatchReadAndBeforeTheClaimStopsTheSend() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        customers.reachable("c-2", NOON.minusSeconds(60), "America/New_York");
        boolean[] withdrawn = new boolean[1];
        beforeClaim = () -> {
            synchronized (withdrawn) {
                if (withdrawn[0]) return;
                withdrawn[0] = true;
            }
            customers.apply("c-1", NOON, new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, false,
                    "unsubscribe", "v1"));
        };
        DeliveryRequest racing = request("c-1", "a", Purpose.MARKETING, List.of(Channel.SMS));
        DeliveryRequest other = request("c-2", "a", Purpose.MARKETING, List.of(Channel.SMS));

        List<DeliverMessages.Result> results = delivery().deliverAll(List.of(racing, other), threads);

        assertThat(results.getFirst().status()).contains(LedgerStatus.SKIPPED);
        assertThat(results.getLast().status()).contains(LedgerStatus.SENT);
        assertThat(sms.calls).extracting(OutboundMessage::customerId).containsExactly("c-2");
        assertThat(steps).contains("prepare [c-2]").doesNotContain("prepare [c-1]", "prepare [c-1, c-2]");
        LedgerEntry entry = entries.find(racing.key()).orElseThrow();
        assertThat(entry.attempts()).isEmpty();
        assertThat(entry.timer()).isEmpty();
        assertThat(entry.decisions()).extracting(MessageDecision::reason)
                .containsSubsequence(MessageDecision.Reason.RECORD_CHANGED, MessageDecision.Reason.CONSENT_WITHDRAWN);
    }

    @Test
    void whenTheReadAfterTheClaimsFailsNothingIsSentAndTheClaimsAreUndone() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        failReadNumber = 2;
        DeliveryRequest request = request("c-1", "a", Purpose.MARKETING, List.of(Channel.SMS));

        List<DeliverMessages.Result> results = delivery().deliverAll(List.of(request), threads);

        assertThat(results.getFirst().outcome()).isEqualTo(DeliverMessages.Outcome.RETRY_LATER);
        assertThat(sms.calls).isEmpty();
        LedgerEntry entry = entries.find(request.key()).orElseThrow();
        assertThat(entry.status()).isEqualTo(LedgerStatus.READY);
        assertThat(entry.attempts()).isEmpty();
        assertThat(entry.timer()).isPresent();
    }
}
