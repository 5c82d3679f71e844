package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.ingest.ArrivalWindow;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.ingest.MessageFeedbackListener;
import dev.winback.core.ingest.NextDue;
import dev.winback.core.observe.Warnings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A dry run plays events and deadlines through the engine over real stores, and writes nothing. */
class DryRunJourneysTest {

    private final InMemoryEngagementStore records = new InMemoryEngagementStore();
    private final InMemoryJourneyStore journeys = new InMemoryJourneyStore();
    private final List<DeliveryRequest> queued = new ArrayList<>();
    private final JourneyDefinitions definitions = JourneyDefinitions.of(ActiveJourneys.of(List.of(
            thanks(Duration.ofDays(3)).build()), ProductCatalog.EMPTY));
    private final DryRunJourneys dryRun = new DryRunJourneys(records, journeys, definitions, POLICY);

    private static Def thanks(Duration wait) {
        return Def.of("thanks", onKeyed("purchase_completed", "event.orderId"), send("say", "thank-you", "wait"),
                pause("wait", wait, "again"), send("again", "follow-up", "end"), done("end"));
    }

    /** Stores a record for the customer through ingestion (which also feeds the journeys), at {@code at}. */
    private void ingest(Instant at, EngagementEvent... events) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        new IngestEvents(records, Runnable::run, clock, NextDue.NEVER, MessageFeedbackListener.NONE,
                ArrivalWindow.DEFAULT, Warnings.NONE, new TakeJourneyEvents(journeys, definitions, POLICY, requests -> {
                    queued.addAll(requests);
                    return requests.stream().map(DeliveryRequest::key).collect(Collectors.toSet());
                }, clock, Warnings.NONE)).ingest(List.of(events));
    }

    private static DryRunJourneys.Request request(List<String> customers, List<EngagementEvent> events, Duration horizon,
                                                  Optional<JourneyDefinition> candidate) {
        return new DryRunJourneys.Request(customers, events, T0, horizon, candidate);
    }

    private static List<String> messages(DryRunJourneys.CustomerRun run) {
        return run.messages().stream().map(m -> m.journeyId() + "/" + m.stepId() + "/" + m.campaignId() + "@" + m.at())
                .toList();
    }

    @Test
    void eventsPlayedAtTheDate_sendTheFirstStepAtOnce_andTheNextAtItsDeadline() {
        ingest(T0.minusSeconds(60), session("e0", T0.minusSeconds(60)));

        DryRunJourneys.Report report = dryRun.run(request(List.of(CUSTOMER),
                List.of(purchase("p1", T0.minus(Duration.ofDays(40)), "o1", item("SKU-1", "shoes"))),
                DryRunJourneys.DEFAULT_HORIZON, Optional.empty()));

        assertThat(report.until()).isEqualTo(T0.plus(Duration.ofDays(30)));
        DryRunJourneys.CustomerRun run = report.customers().getFirst();
        assertThat(run.found()).isTrue();
        assertThat(run.truncated()).isFalse();
        assertThat(messages(run)).containsExactly("thanks/say/thank-you@" + T0,
                "thanks/again/follow-up@" + T0.plus(Duration.ofDays(3)));
        DryRunJourneys.Message first = run.messages().getFirst();
        assertThat(first.channels()).containsExactly(Channel.EMAIL);
        assertThat(first.category()).isEqualTo(MessageCategory.REMINDERS);
        assertThat(run.transitions()).extracting(DryRunJourneys.Transition::transition)
                .extracting(t -> t.getClass().getSimpleName() + ":" + t.journeyId())
                .containsExactly("Entered:thanks", "Exited:thanks");
        assertThat(run.transitions().getLast().at()).isEqualTo(T0.plus(Duration.ofDays(3)));
    }

    @Test
    void aDryRunWritesNothing_andHandsNothingToDelivery() {
        ingest(T0.minusSeconds(60), purchase("p1", T0.minusSeconds(60), "o1", item("SKU-1", "shoes")));
        var recordBefore = records.get(CUSTOMER);
        StoredJourneys journeysBefore = journeys.get(CUSTOMER);
        int savesBefore = journeys.saves;
        int queuedBefore = queued.size();

        DryRunJourneys.Report report = dryRun.run(request(List.of(CUSTOMER),
                List.of(purchase("p2", T0, "o2", item("SKU-2", "hats"))), Duration.ofDays(10), Optional.empty()));

        // o1's thank-you was sent by ingestion; the run shows o2's and both follow-ups.
        assertThat(report.customers().getFirst().messages()).extracting(DryRunJourneys.Message::campaignId)
                .containsExactly("thank-you", "follow-up", "follow-up");
        assertThat(records.get(CUSTOMER)).isEqualTo(recordBefore);
        assertThat(journeys.get(CUSTOMER)).isEqualTo(journeysBefore);
        assertThat(journeys.saves).isEqualTo(savesBefore);
        assertThat(queued).hasSize(queuedBefore);
    }

    @Test
    void aCustomerAlreadyWaiting_getsTheStepTheTimerWouldSend_withoutEvents() {
        ingest(T0.minus(Duration.ofDays(1)), purchase("p1", T0.minus(Duration.ofDays(1)), "o1", item("SKU-1", "shoes")));

        DryRunJourneys.CustomerRun run = dryRun.run(request(List.of(CUSTOMER), List.of(), Duration.ofDays(5),
                Optional.empty())).customers().getFirst();

        assertThat(messages(run)).containsExactly("thanks/again/follow-up@" + T0.plus(Duration.ofDays(2)));
    }

    @Test
    void aCandidateReplacesTheActiveJourneyOfItsId() {
        ingest(T0.minusSeconds(60), session("e0", T0.minusSeconds(60)));
        JourneyDefinition sooner = thanks(Duration.ofDays(1)).build();

        DryRunJourneys.CustomerRun run = dryRun.run(request(List.of(CUSTOMER),
                List.of(purchase("p1", T0, "o1", item("SKU-1", "shoes"))), Duration.ofDays(30), Optional.of(sooner)))
                .customers().getFirst();

        assertThat(messages(run)).containsExactly("thanks/say/thank-you@" + T0,
                "thanks/again/follow-up@" + T0.plus(Duration.ofDays(1)));
    }

    @Test
    void theHorizonEndsTheRun_andAnUnknownCustomerIsNotFound() {
        ingest(T0.minusSeconds(60), session("e0", T0.minusSeconds(60)));

        DryRunJourneys.Report report = dryRun.run(request(List.of(CUSTOMER, "nobody"),
                List.of(purchase("p1", T0, "o1", item("SKU-1", "shoes"))), Duration.ofDays(2), Optional.empty()));

        assertThat(messages(report.customers().get(0))).containsExactly("thanks/say/thank-you@" + T0);
        DryRunJourneys.CustomerRun nobody = report.customers().get(1);
        assertThat(nobody.customerId()).isEqualTo("nobody");
        assertThat(nobody.found()).isFalse();
        assertThat(nobody.messages()).isEmpty();
        assertThat(journeys.get("nobody")).isNull();
    }

    @Test
    void anErasedCustomerIsNotFound() {
        ingest(T0.minusSeconds(60), session("e0", T0.minusSeconds(60)));
        records.erase(CUSTOMER);

        assertThat(dryRun.run(request(List.of(CUSTOMER), List.of(), Duration.ofDays(1), Optional.empty()))
                .customers().getFirst().found()).isFalse();
    }

    @Test
    void aRequestIsBounded() {
        List<String> many = IntStream.rangeClosed(0, DryRunJourneys.MAX_CUSTOMERS).mapToObj(i -> "c" + i).toList();

        assertThatThrownBy(() -> request(many, List.of(), Duration.ofDays(1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(List.of(CUSTOMER), List.of(), DryRunJourneys.MAX_HORIZON.plusDays(1),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(List.of(), List.of(), Duration.ofDays(1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
