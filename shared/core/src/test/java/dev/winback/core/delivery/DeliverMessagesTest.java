package dev.winback.core.delivery;

import dev.winback.core.delivery.MessageDecision.Kind;
import dev.winback.core.delivery.MessageDecision.Reason;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.event.MessageCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeliverMessagesTest {

    /** Noon in New York. */
    static final Instant NOON = Instant.parse("2026-11-23T17:00:00Z");

    final MutableClock clock = new MutableClock(NOON);
    final InMemoryEngagementStore store = new InMemoryEngagementStore();
    final Customers customers = new Customers(store);
    final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    final ScriptedSender push = new ScriptedSender(Channel.PUSH, true);
    final ScriptedSender sms = new ScriptedSender(Channel.SMS, false);
    final ScriptedSender email = new ScriptedSender(Channel.EMAIL, true);

    DeliverMessages delivery(DeliveryPolicy policy) {
        return new DeliverMessages(store, ledger, List.of(push, sms, email), new PlainComposer(), customers.recorder(),
                DecisionPublisher.NONE, policy, clock);
    }

    static DeliveryRequest request(String customerId, String slot, Purpose purpose, List<Channel> channels) {
        return new DeliveryRequest(customerId, "camp", "camp", slot, purpose, MessageCategory.PROMOTIONS, channels,
                NOON, NOON.plus(Duration.ofDays(2)), Duration.ofHours(4), Map.of());
    }

    @Test
    void sendsOnTheFirstAllowedChannelAndRecordsTheSend() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages.Result result = delivery(DeliveryPolicy.defaults())
                .deliver(request("c-1", "s", Purpose.MARKETING, List.of(Channel.SMS, Channel.PUSH)));

        assertThat(result.status()).contains(LedgerStatus.SENT);
        assertThat(sms.delivered).hasSize(1);
        assertThat(push.calls).isEmpty();
        assertThat(store.get("c-1").record().sendLog().recent()).hasSize(1);
    }

    @Test
    void duplicateRequestsNeverSendTwice() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults().withoutCaps());
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.SMS));
        delivery.deliver(request);
        DeliverMessages.Result again = delivery.deliver(request);

        assertThat(again.duplicate()).isTrue();
        assertThat(sms.calls).hasSize(1);
    }

    @Test
    void aThrottledSendIsRetriedUnderTheSameAttemptAndSentOnce() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.SMS));
        sms.answering(m -> new SendResult.Retryable("throttled"));
        assertThat(delivery.deliver(request).outcome()).isEqualTo(DeliverMessages.Outcome.RETRY_LATER);
        sms.answering(m -> new SendResult.Accepted("p-1", false));
        assertThat(delivery.deliver(request).status()).contains(LedgerStatus.SENT);

        assertThat(sms.calls).extracting(OutboundMessage::messageId).containsOnly(request.key().messageId(1));
        assertThat(sms.delivered).hasSize(1);
    }

    @Test
    void aLostAnswerIsUnknownAndNeverResent() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.SMS, Channel.EMAIL));
        sms.answering(m -> new SendResult.Unknown("timed out"));

        assertThat(delivery.deliver(request).status()).contains(LedgerStatus.UNKNOWN);
        assertThat(delivery.deliver(request).duplicate()).isTrue();
        assertThat(sms.calls).hasSize(1);
        assertThat(email.calls).isEmpty();
    }

    @Test
    void aClaimWhoseWorkerDiedBecomesUnknownWhenItsLeaseRunsOut() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.SMS));
        LedgerEntry open = LedgerEntry.open(request, NOON);
        ledger.store(open.claimed(Channel.SMS, List.of(), NOON, NOON.plusSeconds(60), false));
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());

        assertThat(delivery.deliver(request).outcome()).isEqualTo(DeliverMessages.Outcome.RETRY_LATER);
        clock.advance(Duration.ofSeconds(61));
        assertThat(delivery.deliver(request).status()).contains(LedgerStatus.UNKNOWN);
        assertThat(sms.calls).isEmpty();
    }

    @Test
    void aDisabledEndpointFallsBackToSmsAtOnce() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        push.answering(m -> new SendResult.Rejected(SendResult.FailureKind.ENDPOINT_DISABLED, "EndpointDisabled"));
        DeliverMessages.Result result = delivery(DeliveryPolicy.defaults())
                .deliver(request("c-1", "s", Purpose.MARKETING, List.of(Channel.PUSH, Channel.SMS)));

        assertThat(result.status()).contains(LedgerStatus.SENT);
        assertThat(sms.delivered).hasSize(1);
        LedgerEntry entry = ledger.all().getFirst();
        assertThat(entry.attempts()).extracting(Attempt::status).containsExactly(Attempt.Status.FAILED, Attempt.Status.SENT);
        assertThat(entry.decisions()).anyMatch(d -> d.kind() == Kind.FAILED && d.reason() == Reason.ENDPOINT_DISABLED);
        assertThat(entry.timer()).isEmpty();
    }

    @Test
    void noReceiptByTheDeadlineFallsBackOnTheTimerAndALateReceiptChangesNothing() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.PUSH, Channel.SMS));
        delivery.deliver(request);
        assertThat(ledger.due(0, clock.instant().plus(Duration.ofHours(4)))).containsExactly(request.key());

        clock.advance(Duration.ofHours(3));
        assertThat(delivery.resumeDue(0)).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(delivery.resumeDue(0)).hasSize(1);
        assertThat(sms.delivered).hasSize(1);

        MessageReceipts receipts = new MessageReceipts(ledger, DecisionPublisher.NONE, clock);
        receipts.heard("c-1", new EventPayload.MessageFeedback(MessageFeedbackKind.DELIVERED,
                request.key().messageId(1), Channel.PUSH), clock.instant());
        clock.advance(Duration.ofDays(1));
        assertThat(delivery.resumeDue(0)).isEmpty();
        LedgerEntry entry = ledger.find(request.key()).orElseThrow();
        assertThat(entry.decisions()).extracting(MessageDecision::kind)
                .containsSubsequence(Kind.SENT, Kind.FELL_BACK, Kind.SENT, Kind.LATE_RECEIPT);
        assertThat(push.delivered).hasSize(1);
        assertThat(sms.delivered).hasSize(1);
    }

    @Test
    void aReceiptInTimeStopsTheFallback() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.PUSH, Channel.SMS));
        delivery.deliver(request);
        clock.advance(Duration.ofMinutes(5));
        new MessageReceipts(ledger, DecisionPublisher.NONE, clock).heard("c-1", new EventPayload.MessageFeedback(
                MessageFeedbackKind.OPENED, request.key().messageId(1), Channel.PUSH), clock.instant());
        clock.advance(Duration.ofHours(5));

        assertThat(delivery.resumeDue(0)).isEmpty();
        assertThat(sms.calls).isEmpty();
        assertThat(ledger.find(request.key()).orElseThrow().decisions()).extracting(MessageDecision::kind)
                .contains(Kind.RECEIPT);
    }

    @Test
    void marketingSmsInQuietHoursIsHeldUntilTheWindowOpensInTheCustomersZone() {
        Instant lateEvening = Instant.parse("2026-11-24T03:00:00Z"); // 22:00 in New York
        clock.set(lateEvening);
        customers.reachable("c-1", lateEvening.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());
        DeliveryRequest request = new DeliveryRequest("c-1", "camp", "camp", "s", Purpose.MARKETING, MessageCategory.PROMOTIONS,
                List.of(Channel.SMS), lateEvening, lateEvening.plus(Duration.ofDays(2)), Duration.ofHours(4), Map.of());

        assertThat(delivery.deliver(request).status()).contains(LedgerStatus.HELD);
        assertThat(sms.calls).isEmpty();
        Instant opens = Instant.parse("2026-11-24T13:00:00Z"); // 08:00 in New York
        assertThat(ledger.find(request.key()).orElseThrow().timer()).contains(opens);
        clock.set(opens);
        delivery.resumeDue(0);
        assertThat(sms.delivered).hasSize(1);
    }

    @Test
    void transactionalBypassesMarketingOptOutsButNotSmsStop() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        customers.apply("c-1", NOON.minusSeconds(30), new EventPayload.ConsentChanged(Channel.PUSH, Purpose.MARKETING,
                false, "settings", "v1"));
        customers.apply("c-1", NOON.minusSeconds(30), new EventPayload.SmsSubscriptionChanged(
                dev.winback.core.event.SmsStatus.UNSUBSCRIBED));
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());

        delivery.deliver(request("c-1", "t", Purpose.TRANSACTIONAL, List.of(Channel.SMS, Channel.PUSH)));
        delivery.deliver(request("c-1", "m", Purpose.MARKETING, List.of(Channel.SMS, Channel.PUSH)));

        assertThat(sms.calls).isEmpty();
        assertThat(push.delivered).extracting(OutboundMessage::purpose).containsExactly(Purpose.TRANSACTIONAL);
    }

    @Test
    void aGlobalCapHoldsTheNextMarketingMessageUntilTheWindowFrees() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());
        delivery.deliver(request("c-1", "a", Purpose.MARKETING, List.of(Channel.EMAIL)));
        DeliverMessages.Result second = delivery.deliver(request("c-1", "b", Purpose.MARKETING, List.of(Channel.EMAIL)));

        assertThat(second.status()).contains(LedgerStatus.HELD);
        LedgerEntry held = ledger.find(request("c-1", "b", Purpose.MARKETING, List.of()).key()).orElseThrow();
        assertThat(held.timer()).contains(NOON.plus(Duration.ofDays(1)));
        assertThat(held.decisions()).anyMatch(d -> d.reason() == Reason.GLOBAL_CAP);
        assertThat(delivery.deliver(request("c-1", "t", Purpose.TRANSACTIONAL, List.of(Channel.EMAIL))).status())
                .contains(LedgerStatus.SENT);
    }

    @Test
    void aMissingTemplateFailsTheChannelWithoutACallAndTriesTheNext() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliveryRequest request = new DeliveryRequest("c-1", "no-template", "x", "s", Purpose.MARKETING, MessageCategory.PROMOTIONS,
                List.of(Channel.SMS, Channel.EMAIL), NOON, NOON.plus(Duration.ofDays(1)), Duration.ofHours(4), Map.of());

        assertThat(delivery(DeliveryPolicy.defaults()).deliver(request).status()).contains(LedgerStatus.FAILED);
        assertThat(sms.calls).isEmpty();
        assertThat(email.calls).isEmpty();
        assertThat(ledger.find(request.key()).orElseThrow().decisions())
                .filteredOn(d -> d.reason() == Reason.TEMPLATE_FAILED).hasSize(2);
    }

    @Test
    void aDuplicateRacingTheFirstWriterSendsNothing() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.SMS));
        ledger.store(LedgerEntry.open(request, NOON).held(NOON.plus(Duration.ofHours(1)), List.of(), NOON));

        assertThat(delivery.deliver(request).duplicate()).isTrue();
        assertThat(sms.calls).isEmpty();
    }

    @Test
    void aPausedChannelIsSkippedForMarketingOnly() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        SendingPauses marketingEmailPaused = (channel, purpose) -> channel == Channel.EMAIL && purpose == Purpose.MARKETING;
        DeliverMessages delivery = new DeliverMessages(store, ledger, List.of(push, sms, email), new PlainComposer(),
                customers.recorder(), DecisionPublisher.NONE, DeliveryPolicy.defaults(), marketingEmailPaused, clock);

        delivery.deliver(request("c-1", "m", Purpose.MARKETING, List.of(Channel.EMAIL, Channel.SMS)));
        delivery.deliver(request("c-1", "t", Purpose.TRANSACTIONAL, List.of(Channel.EMAIL, Channel.SMS)));

        assertThat(email.delivered).extracting(OutboundMessage::purpose).containsExactly(Purpose.TRANSACTIONAL);
        assertThat(sms.delivered).extracting(OutboundMessage::purpose).containsExactly(Purpose.MARKETING);
        assertThat(ledger.find(request("c-1", "m", Purpose.MARKETING, List.of()).key()).orElseThrow().decisions())
                .anyMatch(d -> d.reason() == Reason.ACCOUNT_PAUSED);
    }

    @Test
    void aDegradedChannelIsTriedLast() {
        customers.reachable("c-1", NOON.minusSeconds(600), "America/New_York");
        for (int i = 0; i < dev.winback.core.record.ChannelState.DEGRADED_AFTER; i++) {
            customers.apply("c-1", NOON.minusSeconds(300 - i), new EventPayload.MessageFailed("m-" + i, Channel.SMS,
                    dev.winback.core.event.FailureReason.SOFT_BOUNCED));
        }
        delivery(DeliveryPolicy.defaults()).deliver(request("c-1", "t", Purpose.TRANSACTIONAL, List.of(Channel.SMS, Channel.EMAIL)));

        assertThat(sms.calls).isEmpty();
        assertThat(email.delivered).hasSize(1);
    }

    /** A ledger that runs {@code beforeClaim} once, right before the first claim is written. */
    static MessageLedger withHookBeforeClaim(MessageLedger ledger, Runnable beforeClaim) {
        return new MessageLedger() {
            private boolean ran;

            @Override
            public java.util.Optional<LedgerEntry> find(MessageKey key) {
                return ledger.find(key);
            }

            @Override
            public java.util.Optional<LedgerEntry> store(LedgerEntry next) {
                if (next.status() == LedgerStatus.CLAIMED && !ran) {
                    ran = true;
                    beforeClaim.run();
                }
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
    void aWithdrawalLandingBetweenTheCheckAndTheClaimStopsTheSend() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        MessageLedger racing = withHookBeforeClaim(ledger, () -> customers.apply("c-1", NOON,
                new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, false, "unsubscribe", "v1")));
        DeliverMessages delivery = new DeliverMessages(store, racing, List.of(push, sms, email), new PlainComposer(),
                customers.recorder(), DecisionPublisher.NONE, DeliveryPolicy.defaults(), clock);
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.SMS));

        assertThat(delivery.deliver(request).status()).contains(LedgerStatus.SKIPPED);

        assertThat(sms.calls).isEmpty();
        LedgerEntry entry = ledger.find(request.key()).orElseThrow();
        assertThat(entry.attempts()).isEmpty();
        assertThat(entry.timer()).isEmpty();
        assertThat(entry.decisions()).extracting(MessageDecision::reason)
                .containsSubsequence(Reason.RECORD_CHANGED, Reason.CONSENT_WITHDRAWN);
    }

    @Test
    void aChangeThatStillAllowsTheSendKeepsTheClaim() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        MessageLedger racing = withHookBeforeClaim(ledger, () -> customers.apply("c-1", NOON,
                new EventPayload.ConsentChanged(Channel.PUSH, Purpose.MARKETING, false, "settings", "v1")));
        DeliverMessages delivery = new DeliverMessages(store, racing, List.of(push, sms, email), new PlainComposer(),
                customers.recorder(), DecisionPublisher.NONE, DeliveryPolicy.defaults(), clock);
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.SMS));

        assertThat(delivery.deliver(request).status()).contains(LedgerStatus.SENT);
        assertThat(sms.delivered).hasSize(1);
        assertThat(ledger.find(request.key()).orElseThrow().decisions()).extracting(MessageDecision::reason)
                .doesNotContain(Reason.RECORD_CHANGED);
    }

    @Test
    void decisionsArePublishedOnlyAfterTheProviderAnswered() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        customers.apply("c-1", NOON.minusSeconds(30), new EventPayload.EmailSubscriptionChanged(
                dev.winback.core.event.EmailStatus.UNSUBSCRIBED));
        List<MessageDecision> published = new java.util.ArrayList<>();
        List<Integer> publishedAtSend = new java.util.ArrayList<>();
        sms.answering(m -> {
            publishedAtSend.add(published.size());
            return new SendResult.Accepted("p-1", false);
        });
        DeliverMessages delivery = new DeliverMessages(store, ledger, List.of(push, sms, email), new PlainComposer(),
                customers.recorder(), (entry, decisions) -> published.addAll(decisions), DeliveryPolicy.defaults(),
                clock);

        delivery.deliver(request("c-1", "s", Purpose.MARKETING, List.of(Channel.EMAIL, Channel.SMS)));

        assertThat(publishedAtSend).containsExactly(0);
        assertThat(published).extracting(MessageDecision::kind, MessageDecision::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.SKIPPED, Reason.UNSUBSCRIBED),
                org.assertj.core.groups.Tuple.tuple(Kind.SENT, Reason.ACCEPTED));
    }

    @Test
    void aHeldMessageThatIsThenThrottledKeepsATimerAndIsSentOnIt() {
        Instant lateEvening = Instant.parse("2026-11-24T03:00:00Z"); // 22:00 in New York
        clock.set(lateEvening);
        customers.reachable("c-1", lateEvening.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());
        DeliveryRequest request = new DeliveryRequest("c-1", "camp", "camp", "s", Purpose.MARKETING,
                MessageCategory.PROMOTIONS, List.of(Channel.SMS), lateEvening, lateEvening.plus(Duration.ofDays(2)),
                Duration.ofHours(4), Map.of());
        assertThat(delivery.deliver(request).status()).contains(LedgerStatus.HELD);
        clock.set(Instant.parse("2026-11-24T13:00:00Z"));
        sms.answering(m -> new SendResult.Retryable("throttled"));

        delivery.resumeDue(0);

        LedgerEntry throttled = ledger.find(request.key()).orElseThrow();
        assertThat(throttled.status()).isEqualTo(LedgerStatus.READY);
        assertThat(throttled.timer()).contains(clock.instant().plus(RetryBackoff.FIRST));
        sms.answering(m -> new SendResult.Accepted("p-1", false));
        clock.advance(RetryBackoff.FIRST);
        delivery.resumeDue(0);
        assertThat(ledger.find(request.key()).orElseThrow().status()).isEqualTo(LedgerStatus.SENT);
        assertThat(sms.delivered).hasSize(1);
    }

    @Test
    void repeatedThrottlingBacksOffAndStopsAtTheExpiry() {
        customers.reachable("c-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages delivery = delivery(DeliveryPolicy.defaults());
        DeliveryRequest request = request("c-1", "s", Purpose.MARKETING, List.of(Channel.SMS));
        sms.answering(m -> new SendResult.Retryable("throttled"));
        delivery.deliver(request);
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 60 && !ledger.find(request.key()).orElseThrow().status().isFinal(); i++) {
            Instant timer = ledger.find(request.key()).orElseThrow().timer().orElseThrow();
            waits.add(Duration.between(clock.instant(), timer));
            clock.set(timer);
            delivery.resumeDue(0);
        }

        assertThat(waits.subList(0, 4)).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8));
        assertThat(waits).contains(RetryBackoff.LONGEST).doesNotContain(RetryBackoff.LONGEST.multipliedBy(2));
        LedgerEntry entry = ledger.find(request.key()).orElseThrow();
        assertThat(entry.status()).isEqualTo(LedgerStatus.SKIPPED);
        assertThat(entry.timer()).isEmpty();
        assertThat(clock.instant()).isEqualTo(request.expiresAt());
    }
}
