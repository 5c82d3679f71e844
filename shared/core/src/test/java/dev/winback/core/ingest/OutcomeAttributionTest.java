package dev.winback.core.ingest;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.outcome.OutcomeCounters;
import dev.winback.core.record.Exposures;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.observe.Warnings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Exposures opened by sends and withheld messages, conversions attributed to them, and what the counters hear. */
class OutcomeAttributionTest {

    private static final Instant SENT = Instant.parse("2026-07-01T10:00:00Z");
    private static final LocalDate SENT_DAY = LocalDate.parse("2026-07-01");
    private static final String CUSTOMER = "c-1";

    /** Adds up every increment per key, as the table's ADD updates do. */
    static final class SummingCounters implements OutcomeCounters {
        final List<OutcomeCount> increments = new ArrayList<>();
        int writes;

        @Override
        public synchronized void add(Collection<OutcomeCount> counts) {
            increments.addAll(counts);
            writes += counts.size();
        }

        @Override
        public synchronized List<OutcomeCount> read(String unit, LocalDate from, LocalDate to) {
            return OutcomeCount.merged(increments.stream().filter(c -> c.unit().equals(unit)).toList());
        }

        OutcomeCount total(String unit, Assignment group) {
            return read(unit, SENT_DAY, SENT_DAY).stream().filter(c -> c.group() == group).findFirst()
                    .orElse(new OutcomeCount(unit, SENT_DAY, group, 0, 0, 0, Map.of()));
        }
    }

    private final InMemoryEngagementStore store = new InMemoryEngagementStore();
    private final SummingCounters counters = new SummingCounters();
    private final IngestEvents ingest = new IngestEvents(store, Runnable::run,
            Clock.fixed(SENT.plus(Duration.ofDays(60)), ZoneOffset.UTC), NextDue.NEVER, MessageFeedbackListener.NONE,
            ArrivalWindow.DEFAULT, Warnings.NONE, StoredEventsListener.NONE, counters);

    private static EngagementEvent sent(String messageId, String unit, Instant at) {
        return new EngagementEvent(messageId, CUSTOMER, at, Optional.empty(), new EventPayload.MessageSent(messageId,
                Channel.EMAIL, Optional.of(Purpose.MARKETING), Optional.of(unit)));
    }

    private static EngagementEvent purchase(String id, Instant at, String amount) {
        return new EngagementEvent(id, CUSTOMER, at, Optional.of(Platform.WEB),
                new EventPayload.PurchaseCompleted("o-" + id, new BigDecimal(amount), "EUR", List.of()));
    }

    private static EngagementEvent visit(String id, Instant at) {
        return new EngagementEvent(id, CUSTOMER, at, Optional.empty(), new EventPayload.SessionStarted(Platform.APP));
    }

    @Test
    void aPurchaseWithinTheWindowOfASend_convertsTheTreatedExposureOnceWithItsRevenue() {
        ingest.ingest(List.of(sent("m-1", "winback", SENT)));
        ingest.ingest(List.of(purchase("p-1", SENT.plus(Duration.ofDays(3)), "40.00")));
        ingest.ingest(List.of(purchase("p-2", SENT.plus(Duration.ofDays(5)), "10.00")));

        OutcomeCount treated = counters.total("winback", Assignment.TREATED);
        assertThat(treated.exposed()).isEqualTo(1);
        assertThat(treated.converted()).isEqualTo(1);
        assertThat(treated.messages()).isEqualTo(1);
        assertThat(treated.revenue().get("EUR")).isEqualByComparingTo("50.00");
        assertThat(store.get(CUSTOMER).record().exposures().open().getFirst().convertedAt())
                .contains(SENT.plus(Duration.ofDays(3)));
    }

    @Test
    void eventsBeforeTheExposureOrAfterItsWindow_convertNothing() {
        ingest.ingest(List.of(sent("m-1", "winback", SENT)));
        ingest.ingest(List.of(purchase("p-0", SENT.minus(Duration.ofHours(1)), "40.00"), visit("v-0", SENT),
                visit("v-late", SENT.plus(Duration.ofDays(14)).plusSeconds(1))));

        OutcomeCount treated = counters.total("winback", Assignment.TREATED);
        assertThat(treated.exposed()).isEqualTo(1);
        assertThat(treated.converted()).isZero();
        assertThat(treated.revenue()).isEmpty();
    }

    @Test
    void aSecondSendOfTheUnitWithinTheWindow_isNoSecondExposureButASecondMessage() {
        ingest.ingest(List.of(sent("m-1", "winback", SENT)));
        ingest.ingest(List.of(sent("m-2", "winback", SENT.plus(Duration.ofDays(7)))));
        ingest.ingest(List.of(sent("m-3", "other", SENT.plus(Duration.ofDays(7)))));
        ingest.ingest(List.of(sent("m-4", "winback", SENT.plus(Duration.ofDays(15)))));

        assertThat(counters.read("winback", SENT_DAY, SENT_DAY.plusDays(30)).stream()
                .mapToLong(OutcomeCount::exposed).sum()).isEqualTo(2);
        assertThat(counters.read("winback", SENT_DAY, SENT_DAY.plusDays(30)).stream()
                .mapToLong(OutcomeCount::messages).sum()).isEqualTo(3);
        assertThat(counters.read("other", SENT_DAY, SENT_DAY.plusDays(30)).stream()
                .mapToLong(OutcomeCount::exposed).sum()).isEqualTo(1);
    }

    @Test
    void aWithheldMessage_opensAHeldOutExposureThatConverts() {
        StoredRecord read = store.load(List.of(CUSTOMER)).get(CUSTOMER);
        assertThat(ingest.recordWithheld(read, "winback", Assignment.HELD_OUT, SENT)).isTrue();
        // A second withheld message within the window (a redelivery's, another step's) adds nothing.
        assertThat(ingest.recordWithheld(store.get(CUSTOMER), "winback", Assignment.HELD_OUT,
                SENT.plus(Duration.ofDays(1)))).isTrue();
        ingest.ingest(List.of(visit("v-1", SENT.plus(Duration.ofDays(2)))));

        OutcomeCount heldOut = counters.total("winback", Assignment.HELD_OUT);
        assertThat(heldOut.exposed()).isEqualTo(1);
        assertThat(heldOut.converted()).isEqualTo(1);
        assertThat(heldOut.messages()).isZero();
        assertThat(counters.total("winback", Assignment.TREATED).exposed()).isZero();
    }

    @Test
    void customersOfOneBatchConvertingOnTheSameUnitAndDay_costOneCounterWrite() {
        List<String> customers = List.of("c-1", "c-2", "c-3");
        for (String customer : customers) {
            ingest.ingest(List.of(new EngagementEvent("m-" + customer, customer, SENT, Optional.empty(),
                    new EventPayload.MessageSent("m-" + customer, Channel.EMAIL, Optional.of(Purpose.MARKETING),
                            Optional.of("winback")))));
        }
        int writes = counters.writes;

        ingest.ingest(customers.stream().map(customer -> new EngagementEvent("p-" + customer, customer,
                SENT.plus(Duration.ofDays(2)), Optional.of(Platform.WEB), new EventPayload.PurchaseCompleted(
                        "o-" + customer, new BigDecimal("10.00"), "EUR", List.of()))).toList());

        assertThat(counters.writes - writes).isEqualTo(1);
        OutcomeCount treated = counters.total("winback", Assignment.TREATED);
        assertThat(treated.exposed()).isEqualTo(3);
        assertThat(treated.converted()).isEqualTo(3);
        assertThat(treated.revenue().get("EUR")).isEqualByComparingTo("30.00");
    }

    @Test
    void redeliveredEvents_countNothingAgain() {
        List<EngagementEvent> events = List.of(sent("m-1", "winback", SENT),
                purchase("p-1", SENT.plus(Duration.ofDays(1)), "20.00"), visit("v-1", SENT.plus(Duration.ofDays(2))));
        ingest.ingest(events);
        List<OutcomeCount> once = List.copyOf(counters.read("winback", SENT_DAY, SENT_DAY));
        int writes = counters.writes;

        ingest.ingest(events);
        for (EngagementEvent event : events) ingest.ingest(List.of(event));

        assertThat(counters.read("winback", SENT_DAY, SENT_DAY)).isEqualTo(once);
        assertThat(counters.writes).isEqualTo(writes);
    }

    @Test
    void conversionsInAnyOrderAndBatching_countTheSameAndLeaveTheSameExposures() {
        // The exposures are recorded first (delivery records them at the instant of the send); what
        // follows arrives in any order, in any batches, with duplicates.
        List<EngagementEvent> sends = List.of(sent("m-1", "winback", SENT), sent("m-2", "journey", SENT.plusSeconds(60)),
                sent("m-3", "winback", SENT.plus(Duration.ofDays(20))));
        List<EngagementEvent> later = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            Instant at = SENT.minus(Duration.ofDays(2)).plusSeconds(random.nextInt(40 * 24 * 3600));
            later.add(i % 3 == 0 ? purchase("p-" + i, at, (10 + i) + ".50") : visit("v-" + i, at));
        }
        Exposures expectedExposures = null;
        List<OutcomeCount> expectedCounts = null;
        for (int permutation = 0; permutation < 60; permutation++) {
            InMemoryEngagementStore own = new InMemoryEngagementStore();
            SummingCounters heard = new SummingCounters();
            IngestEvents ingestion = new IngestEvents(own, Runnable::run,
                    Clock.fixed(SENT.plus(Duration.ofDays(60)), ZoneOffset.UTC), NextDue.NEVER,
                    MessageFeedbackListener.NONE, ArrivalWindow.DEFAULT, Warnings.NONE, StoredEventsListener.NONE,
                    heard);
            sends.forEach(send -> ingestion.ingest(List.of(send)));
            List<EngagementEvent> shuffled = new ArrayList<>(later);
            shuffled.addAll(later.subList(0, 10)); // redelivered
            Collections.shuffle(shuffled, random);
            for (int from = 0; from < shuffled.size(); ) {
                int to = Math.min(shuffled.size(), from + 1 + random.nextInt(7));
                ingestion.ingest(shuffled.subList(from, to));
                from = to;
            }
            Exposures exposures = own.get(CUSTOMER).record().exposures();
            List<OutcomeCount> counts = new ArrayList<>();
            for (String unit : List.of("journey", "winback")) {
                counts.addAll(heard.read(unit, SENT_DAY, SENT_DAY.plusDays(30)).stream()
                        .sorted(java.util.Comparator.comparing(OutcomeCount::day)).toList());
            }
            if (expectedExposures == null) {
                expectedExposures = exposures;
                expectedCounts = counts;
                assertThat(counts.stream().mapToLong(OutcomeCount::converted).sum()).isEqualTo(3);
            }
            assertThat(exposures).as("permutation %d", permutation).isEqualTo(expectedExposures);
            assertThat(counts).as("permutation %d", permutation).isEqualTo(expectedCounts);
        }
    }
}
