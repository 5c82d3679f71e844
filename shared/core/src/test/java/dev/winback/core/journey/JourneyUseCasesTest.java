package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.ArrivalWindow;
import dev.winback.core.ingest.EventOutcome;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.ingest.MessageFeedbackListener;
import dev.winback.core.ingest.NextDue;
import dev.winback.core.observe.Warnings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.winback.core.journey.JourneyFixtures.CUSTOMER;
import static dev.winback.core.journey.JourneyFixtures.Def;
import static dev.winback.core.journey.JourneyFixtures.POLICY;
import static dev.winback.core.journey.JourneyFixtures.T0;
import static dev.winback.core.journey.JourneyFixtures.done;
import static dev.winback.core.journey.JourneyFixtures.item;
import static dev.winback.core.journey.JourneyFixtures.onKeyed;
import static dev.winback.core.journey.JourneyFixtures.pause;
import static dev.winback.core.journey.JourneyFixtures.purchase;
import static dev.winback.core.journey.JourneyFixtures.send;
import static dev.winback.core.journey.JourneyFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

/** Ingestion into journeys and the journeys' timer, over in-memory stores and a queue that can fail. */
class JourneyUseCasesTest {

    private final InMemoryEngagementStore records = new InMemoryEngagementStore();
    private final InMemoryJourneyStore journeys = new InMemoryJourneyStore();
    private final List<DeliveryRequest> queued = new ArrayList<>();
    private boolean queueUp = true;
    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<JourneyTransition> heard = new java.util.ArrayList<>();
    private final MessageRequests queue = requests -> {
        if (!queueUp) throw new IllegalStateException("queue unavailable");
        queued.addAll(requests);
        return requests.stream().map(DeliveryRequest::key).collect(Collectors.toSet());
    };
    private final JourneyDefinitions definitions = JourneyDefinitions.of(ActiveJourneys.of(List.of(
            Def.of("thanks", onKeyed("purchase_completed", "event.orderId"), send("say", "thank-you", "wait"),
                    pause("wait", Duration.ofDays(3), "again"), send("again", "follow-up", "end"), done("end")).build()),
            ProductCatalog.EMPTY));
    private final IngestEvents ingest = new IngestEvents(records, Runnable::run, clock, NextDue.NEVER,
            MessageFeedbackListener.NONE, ArrivalWindow.DEFAULT, Warnings.NONE,
            new TakeJourneyEvents(journeys, definitions, POLICY, queue, clock, Warnings.NONE, heard::addAll));
    private final AdvanceDueJourneys advance = new AdvanceDueJourneys(journeys, records, definitions, POLICY, queue,
            Runnable::run, Warnings.NONE, heard::addAll);

    @Test
    void aPurchaseSendsItsFirstStepAtOnce_andTheTimerTheNext_eachOnce() {
        EngagementEvent bought = purchase("e1", T0.minusSeconds(60), "o1", item("SKU-1", "shoes"));

        assertThat(ingest.ingest(List.of(bought))).containsExactly(EventOutcome.APPLIED);
        assertThat(campaigns()).containsExactly("thank-you");
        StoredJourneys stored = journeys.get(CUSTOMER);
        assertThat(stored.journeys().unpublished()).isEmpty();
        assertThat(stored.armed()).contains(T0.plus(Duration.ofDays(3)));

        assertThat(ingest.ingest(List.of(bought))).containsExactly(EventOutcome.DUPLICATE);
        now = T0.plus(Duration.ofDays(1));
        assertThat(advance.run(now).due()).isZero();
        now = T0.plus(Duration.ofDays(3));
        AdvanceDueJourneys.Report report = advance.run(now);
        assertThat(report.due()).isEqualTo(1);
        assertThat(report.sent()).isEqualTo(1);
        assertThat(advance.run(now).due()).isZero();

        assertThat(campaigns()).containsExactly("thank-you", "follow-up");
        // Ingestion and the timer tell what they stored, each once: the duplicate and idle runs tell nothing.
        assertThat(heard).extracting(t -> t.getClass().getSimpleName() + " " + t.journeyId()).containsExactly(
                "Entered thanks", "Sent thanks", "Sent thanks", "Exited thanks");
        assertThat(journeys.get(CUSTOMER).armed()).isEmpty();
        assertThat(journeys.get(CUSTOMER).journeys().runs()).isEmpty();
    }

    @Test
    void aTimerRunReadsItsDueCustomersJourneysTogether_notOneByOne() {
        List<String> customers = List.of("c1", "c2", "c3");
        for (String customer : customers) {
            EngagementEvent bought = purchase("e-" + customer, T0.minusSeconds(60), "o-" + customer, item("SKU-1", "shoes"));
            ingest.ingest(List.of(new EngagementEvent(bought.eventId(), customer, bought.occurredAt(),
                    bought.platform(), bought.payload())));
        }
        int loadsBefore = journeys.loads;

        now = T0.plus(Duration.ofDays(3));
        AdvanceDueJourneys.Report report = advance.run(now);

        assertThat(report.due()).isEqualTo(3);
        assertThat(report.sent()).isEqualTo(3);
        assertThat(journeys.batchLoads).isEqualTo(1);
        assertThat(journeys.batchLoaded).isEqualTo(3);
        assertThat(journeys.loads).isEqualTo(loadsBefore);
        assertThat(campaigns()).containsExactly("thank-you", "thank-you", "thank-you", "follow-up", "follow-up", "follow-up");
    }

    @Test
    void eventsNoJourneyHears_neverTouchTheJourneys() {
        ingest.ingest(List.of(session("e1", T0.minusSeconds(5)), session("e2", T0.minusSeconds(4))));

        assertThat(journeys.loads).isZero();
        assertThat(journeys.saves).isZero();
    }

    @Test
    void aMessageTheQueueRefused_isKeptAndHandedOverByTheTimer_once() {
        queueUp = false;
        assertThat(ingest.ingest(List.of(purchase("e1", T0.minusSeconds(60), "o1", item("SKU-1", "shoes")))))
                .containsExactly(EventOutcome.APPLIED);
        StoredJourneys stored = journeys.get(CUSTOMER);
        assertThat(stored.journeys().unpublished()).hasSize(1);
        assertThat(stored.armed()).contains(T0.plus(JourneyCommit.LEASE));

        queueUp = true;
        now = T0.plus(JourneyCommit.LEASE);
        advance.run(now);
        assertThat(campaigns()).containsExactly("thank-you");
        assertThat(journeys.get(CUSTOMER).journeys().unpublished()).isEmpty();
        assertThat(journeys.get(CUSTOMER).armed()).contains(T0.plus(Duration.ofDays(3)));
        Set<MessageKey> keys = queued.stream().map(DeliveryRequest::key).collect(Collectors.toSet());
        assertThat(keys).hasSize(1);
    }

    @Test
    void anErasedCustomersJourneysAreEmptiedByTheTimer_andSendNothing() {
        ingest.ingest(List.of(purchase("e1", T0.minusSeconds(60), "o1", item("SKU-1", "shoes"))));
        records.erase(CUSTOMER);

        now = T0.plus(Duration.ofDays(3));
        AdvanceDueJourneys.Report report = advance.run(now);

        assertThat(report.sent()).isZero();
        assertThat(campaigns()).containsExactly("thank-you");
        assertThat(journeys.get(CUSTOMER).journeys().isEmpty()).isTrue();
        assertThat(journeys.get(CUSTOMER).armed()).isEqualTo(Optional.empty());
    }

    private List<String> campaigns() {
        return queued.stream().map(DeliveryRequest::campaignId).toList();
    }
}
