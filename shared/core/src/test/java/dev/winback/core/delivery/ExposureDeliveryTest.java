package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.ArrivalWindow;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.ingest.MessageFeedbackListener;
import dev.winback.core.ingest.NextDue;
import dev.winback.core.ingest.StoredEventsListener;
import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.outcome.OutcomeCounters;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static dev.winback.core.delivery.HoldoutDeliveryTest.HOLDING_OUT;
import static dev.winback.core.delivery.HoldoutDeliveryTest.HOLDOUTS;
import static dev.winback.core.delivery.HoldoutDeliveryTest.NOON;
import static dev.winback.core.delivery.HoldoutDeliveryTest.TREATING;
import static dev.winback.core.delivery.HoldoutDeliveryTest.request;
import static org.assertj.core.api.Assertions.assertThat;

/** A sent message exposes the customer as treated, a withheld one as held out, each once. */
class ExposureDeliveryTest {

    final MutableClock clock = new MutableClock(NOON);
    final InMemoryEngagementStore store = new InMemoryEngagementStore();
    final List<OutcomeCount> counted = new ArrayList<>();
    final OutcomeCounters counters = new OutcomeCounters() {
        @Override
        public void add(Collection<OutcomeCount> increments) {
            counted.addAll(increments);
        }

        @Override
        public List<OutcomeCount> read(String unit, LocalDate from, LocalDate to) {
            return List.of();
        }
    };
    final IngestEvents ingest = new IngestEvents(store, Runnable::run, clock, NextDue.NEVER,
            MessageFeedbackListener.NONE, ArrivalWindow.DEFAULT, Warnings.NONE, StoredEventsListener.NONE, counters);
    final ScriptedSender sms = new ScriptedSender(Channel.SMS, false);
    final DeliverMessages delivery = new DeliverMessages(store, new InMemoryMessageLedger(), List.of(sms),
            new PlainComposer(), new RecordSend(ingest, Warnings.NONE), DecisionPublisher.NONE,
            DeliveryPolicy.defaults(), SendingPauses.NONE, clock, Warnings.NONE, HOLDOUTS);

    @Test
    void aSentMessageIsATreatedExposure_aWithheldOneAHeldOutExposure_eachCountedOnce() {
        new Customers(store).reachable("customer-1", NOON.minusSeconds(60), "America/New_York");

        assertThat(delivery.deliver(request("customer-1", "a", Purpose.MARKETING, HOLDING_OUT, NOON)).status())
                .contains(LedgerStatus.HELD_OUT);
        assertThat(delivery.deliver(request("customer-1", "b", Purpose.MARKETING, TREATING, NOON)).status())
                .contains(LedgerStatus.SENT);
        // Redelivered requests find their entries and expose nobody again.
        delivery.deliver(request("customer-1", "a", Purpose.MARKETING, HOLDING_OUT, NOON));
        delivery.deliver(request("customer-1", "b", Purpose.MARKETING, TREATING, NOON));

        assertThat(OutcomeCount.merged(counted)).containsExactlyInAnyOrder(
                new OutcomeCount(HOLDING_OUT, OutcomeCount.dayOf(NOON), Assignment.HELD_OUT, 1, 0, 0, java.util.Map.of()),
                new OutcomeCount(TREATING, OutcomeCount.dayOf(NOON), Assignment.TREATED, 1, 0, 1, java.util.Map.of()));
        assertThat(store.get("customer-1").record().exposures().open())
                .extracting(e -> e.unit() + ":" + e.group().wireName())
                .containsExactlyInAnyOrder(HOLDING_OUT + ":held_out", TREATING + ":treated");
    }

    @Test
    void aTransactionalMessageExposesNobody() {
        new Customers(store).reachable("customer-1", NOON.minusSeconds(60), "America/New_York");

        assertThat(delivery.deliver(request("customer-1", "t", Purpose.TRANSACTIONAL, TREATING, NOON)).status())
                .contains(LedgerStatus.SENT);

        assertThat(counted).isEmpty();
        assertThat(store.get("customer-1").record().exposures().isEmpty()).isTrue();
    }
}
