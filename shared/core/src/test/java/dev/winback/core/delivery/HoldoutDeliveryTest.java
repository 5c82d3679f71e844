package dev.winback.core.delivery;

import dev.winback.core.delivery.MessageDecision.Kind;
import dev.winback.core.delivery.MessageDecision.Reason;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.HoldoutAssignment;
import dev.winback.core.outcome.HoldoutKey;
import dev.winback.core.outcome.HoldoutShares;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Held-out customers go through the same decisions as everyone, and end held_out where a send would be. */
class HoldoutDeliveryTest {

    static final Instant NOON = DeliverMessagesTest.NOON;
    static final HoldoutKey KEY = () -> {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) key[i] = (byte) i;
        return key;
    };
    static final HoldoutAssignment HOLDOUTS = new HoldoutAssignment(HoldoutShares.DEFAULTS, KEY);
    /** customer-1 is in the holdout of this unit, and treated by {@link #TREATING}. */
    static final String HOLDING_OUT = "lapsed-any-channel";
    static final String TREATING = "post-purchase";

    final MutableClock clock = new MutableClock(NOON);
    final InMemoryEngagementStore store = new InMemoryEngagementStore();
    final Customers customers = new Customers(store);
    final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    final ScriptedSender sms = new ScriptedSender(Channel.SMS, false);
    final ScriptedSender email = new ScriptedSender(Channel.EMAIL, true);
    final List<MessageDecision> published = new ArrayList<>();
    final DeliverMessages delivery = new DeliverMessages(store, ledger, List.of(sms, email), new PlainComposer(),
            customers.recorder(), (entry, decisions) -> published.addAll(decisions), DeliveryPolicy.defaults(),
            SendingPauses.NONE, clock, Warnings.NONE, HOLDOUTS);

    static DeliveryRequest request(String customerId, String slot, Purpose purpose, String unit, Instant at) {
        return new DeliveryRequest(customerId, "camp", "camp-" + unit, slot, purpose, MessageCategory.PROMOTIONS,
                List.of(Channel.SMS, Channel.EMAIL), at, at.plus(Duration.ofDays(2)), Duration.ofHours(4), Map.of(),
                unit);
    }

    @Test
    void theFixtureCustomerIsHeldOutOfOneUnitAndTreatedByTheOther() {
        assertThat(HOLDOUTS.assign("customer-1", HOLDING_OUT)).isEqualTo(Assignment.HELD_OUT);
        assertThat(HOLDOUTS.assign("customer-1", TREATING)).isEqualTo(Assignment.TREATED);
    }

    @Test
    void aHeldOutMarketingMessageEndsHeldOutWithoutAProviderCall_andUsesNoCap() {
        customers.reachable("customer-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages.Result result = delivery.deliver(request("customer-1", "s", Purpose.MARKETING, HOLDING_OUT, NOON));

        assertThat(result.status()).contains(LedgerStatus.HELD_OUT);
        assertThat(sms.calls).isEmpty();
        assertThat(email.calls).isEmpty();
        assertThat(store.get("customer-1").record().sendLog().recent()).as("no message_sent").isEmpty();
        LedgerEntry entry = ledger.all().getFirst();
        assertThat(entry.attempts()).isEmpty();
        assertThat(entry.timer()).isEmpty();
        assertThat(entry.request().measuredBy()).isEqualTo(HOLDING_OUT);
        MessageDecision last = entry.decisions().getLast();
        assertThat(last.kind()).isEqualTo(Kind.STOPPED);
        assertThat(last.reason()).isEqualTo(Reason.HELD_OUT);
        assertThat(last.channel()).as("the channel it would have gone on").contains(Channel.SMS);
        assertThat(last.detail()).isEqualTo("holdout of " + HOLDING_OUT);
        assertThat(published).extracting(MessageDecision::reason).contains(Reason.HELD_OUT);

        // The daily cap of one marketing message is still free: the held-out message counted for nothing.
        assertThat(delivery.deliver(request("customer-1", "s", Purpose.MARKETING, TREATING, NOON)).status())
                .contains(LedgerStatus.SENT);
        assertThat(sms.delivered).hasSize(1);
        // A redelivered request finds the held-out message and sends nothing.
        assertThat(delivery.deliver(request("customer-1", "s", Purpose.MARKETING, HOLDING_OUT, NOON)).duplicate()).isTrue();
        assertThat(sms.calls).hasSize(1);
    }

    @Test
    void aHeldOutMessageIsHeldByQuietHoursLikeAnyOther_andHeldOutWhenTheWindowOpens() {
        Instant lateEvening = Instant.parse("2026-11-24T03:00:00Z"); // 22:00 in New York
        clock.set(lateEvening);
        customers.reachable("customer-1", lateEvening.minusSeconds(60), "America/New_York");
        DeliveryRequest request = new DeliveryRequest("customer-1", "camp", "camp", "s", Purpose.MARKETING,
                MessageCategory.PROMOTIONS, List.of(Channel.SMS), lateEvening, lateEvening.plus(Duration.ofDays(2)),
                Duration.ofHours(4), Map.of(), HOLDING_OUT);

        assertThat(delivery.deliver(request).status()).contains(LedgerStatus.HELD);
        clock.set(Instant.parse("2026-11-24T13:00:00Z")); // 08:00 in New York
        delivery.resumeDue(0);

        LedgerEntry entry = ledger.find(request.key()).orElseThrow();
        assertThat(entry.status()).isEqualTo(LedgerStatus.HELD_OUT);
        assertThat(entry.decisions()).extracting(MessageDecision::reason).containsSubsequence(Reason.QUIET_HOURS, Reason.HELD_OUT);
        assertThat(sms.calls).isEmpty();
    }

    @Test
    void aCustomerWithoutConsentIsSkippedForThatReason_notCountedAsHeldOut() {
        customers.apply("customer-1", NOON.minusSeconds(60), new EventPayload.ProfileUpdated(
                java.util.Optional.of("a@example.com"), java.util.Optional.of("+15550100123"),
                java.util.Optional.of("America/New_York"), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty()));

        DeliverMessages.Result result = delivery.deliver(request("customer-1", "s", Purpose.MARKETING, HOLDING_OUT, NOON));

        assertThat(result.status()).contains(LedgerStatus.SKIPPED);
        LedgerEntry entry = ledger.all().getFirst();
        assertThat(entry.decisions()).extracting(MessageDecision::reason).contains(Reason.NO_CONSENT)
                .doesNotContain(Reason.HELD_OUT);
    }

    @Test
    void transactionalMessagesAreNeverHeldOut_evenInTheControlGroup() {
        String control = IntStream.range(0, 1_000).mapToObj(i -> "customer-" + i)
                .filter(id -> HOLDOUTS.assign(id, TREATING) == Assignment.CONTROL).findFirst().orElseThrow();
        customers.reachable(control, NOON.minusSeconds(60), "America/New_York");

        assertThat(delivery.deliver(request(control, "t", Purpose.TRANSACTIONAL, HOLDING_OUT, NOON)).status())
                .contains(LedgerStatus.SENT);
        DeliverMessages.Result marketing = delivery.deliver(request(control, "m", Purpose.MARKETING, TREATING, NOON));

        assertThat(marketing.status()).contains(LedgerStatus.HELD_OUT);
        assertThat(ledger.find(request(control, "m", Purpose.MARKETING, TREATING, NOON).key()).orElseThrow()
                .decisions().getLast().detail()).isEqualTo("global control group of " + TREATING);
        assertThat(sms.delivered).extracting(OutboundMessage::purpose).containsExactly(Purpose.TRANSACTIONAL);
    }

    @Test
    void withoutHoldoutsTheSameCustomerIsSent() {
        customers.reachable("customer-1", NOON.minusSeconds(60), "America/New_York");
        DeliverMessages plain = new DeliverMessages(store, ledger, List.of(sms, email), new PlainComposer(),
                customers.recorder(), DecisionPublisher.NONE, DeliveryPolicy.defaults(), clock);

        assertThat(plain.deliver(request("customer-1", "s", Purpose.MARKETING, HOLDING_OUT, NOON)).status())
                .contains(LedgerStatus.SENT);
    }

    @Test
    void aRequestWithoutAUnitIsMeasuredByItsJourney_elseItsCampaign() {
        DeliveryRequest journey = new DeliveryRequest("c", "camp", "j/s", "s", Purpose.MARKETING, MessageCategory.PROMOTIONS,
                List.of(), NOON, NOON.plusSeconds(60), Duration.ZERO, Map.of("journey", "post-purchase"));
        DeliveryRequest campaign = new DeliveryRequest("c", "camp", "s", "s", Purpose.MARKETING, MessageCategory.PROMOTIONS,
                List.of(), NOON, NOON.plusSeconds(60), Duration.ZERO, Map.of());

        assertThat(journey.measuredBy()).isEqualTo("post-purchase");
        assertThat(campaign.measuredBy()).isEqualTo("camp");
        assertThat(journey.withVariables(Map.of()).measuredBy()).isEqualTo("post-purchase");
    }
}
