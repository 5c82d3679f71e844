package dev.winback.adapters.dynamodb;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.ingest.ArrivalWindow;
import dev.winback.core.ingest.EventOutcome;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.ingest.MessageFeedbackListener;
import dev.winback.core.ingest.NextDue;
import dev.winback.core.ingest.StoredEventsListener;
import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.LiftEstimate;
import dev.winback.core.outcome.OutcomeCount;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcome counters in DynamoDB Local: added up per unit, day and group, never twice for a redelivered event. */
class DynamoDbOutcomeCountersIT {

    private static final Instant AT = Instant.parse("2026-07-01T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-07-01");

    private final LocalTable table = LocalTable.create();
    private final CapacityMeter meter = new CapacityMeter();
    private final DynamoDbOutcomeCounters counters = new DynamoDbOutcomeCounters(table.client(), table.name(), meter);

    @Test
    void incrementsAddUpPerUnitDayAndGroup_andARangeReadsOnlyItsDays() {
        counters.add(List.of(OutcomeCount.exposure("winback", Assignment.TREATED, AT),
                OutcomeCount.message("winback", AT),
                OutcomeCount.exposure("winback", Assignment.TREATED, AT.plusSeconds(60))));
        counters.add(List.of(OutcomeCount.conversion("winback", Assignment.TREATED, AT),
                OutcomeCount.revenue("winback", Assignment.TREATED, AT, "EUR", new BigDecimal("12.50")),
                OutcomeCount.revenue("winback", Assignment.TREATED, AT, "EUR", new BigDecimal("0.25")),
                OutcomeCount.revenue("winback", Assignment.TREATED, AT, "USD", new BigDecimal("3"))));
        counters.add(List.of(OutcomeCount.exposure("winback", Assignment.HELD_OUT, AT),
                OutcomeCount.exposure("winback", Assignment.CONTROL, AT),
                OutcomeCount.exposure("winback", Assignment.TREATED, AT.plus(Duration.ofDays(1))),
                OutcomeCount.exposure("other", Assignment.TREATED, AT)));

        List<OutcomeCount> day = counters.read("winback", DAY, DAY);

        assertThat(day).extracting(OutcomeCount::group)
                .containsExactlyInAnyOrder(Assignment.TREATED, Assignment.HELD_OUT, Assignment.CONTROL);
        OutcomeCount treated = day.stream().filter(c -> c.group() == Assignment.TREATED).findFirst().orElseThrow();
        assertThat(treated.exposed()).isEqualTo(2);
        assertThat(treated.converted()).isEqualTo(1);
        assertThat(treated.messages()).isEqualTo(1);
        assertThat(treated.revenue().get("EUR")).isEqualByComparingTo("12.75");
        assertThat(treated.revenue().get("USD")).isEqualByComparingTo("3");
        assertThat(counters.read("winback", DAY, DAY.plusDays(1))).hasSize(4);
        assertThat(counters.read("winback", DAY.plusDays(2), DAY.plusDays(9))).isEmpty();
        assertThat(meter.writeUnits()).isPositive();
    }

    @Test
    void ingestionCountsAConversionOnce_underRedelivery() {
        DynamoDbEngagementStore store = new DynamoDbEngagementStore(table.client(), table.name(), meter);
        IngestEvents ingest = new IngestEvents(store, Runnable::run,
                Clock.fixed(AT.plus(Duration.ofDays(30)), ZoneOffset.UTC), NextDue.NEVER,
                MessageFeedbackListener.NONE, ArrivalWindow.DEFAULT, Warnings.NONE, StoredEventsListener.NONE,
                counters);
        EngagementEvent send = new EngagementEvent("m-1", "c-1", AT, Optional.empty(), new EventPayload.MessageSent(
                "m-1", dev.winback.core.event.Channel.EMAIL, Optional.of(dev.winback.core.event.Purpose.MARKETING),
                Optional.of("winback")));
        EngagementEvent purchase = new EngagementEvent("p-1", "c-1", AT.plus(Duration.ofDays(2)),
                Optional.of(Platform.WEB), new EventPayload.PurchaseCompleted("o-1", new BigDecimal("20.00"), "EUR",
                List.of()));

        assertThat(ingest.ingest(List.of(send))).containsExactly(EventOutcome.APPLIED);
        assertThat(ingest.ingest(List.of(purchase))).containsExactly(EventOutcome.APPLIED);
        assertThat(ingest.ingest(List.of(purchase, send))).containsOnly(EventOutcome.DUPLICATE);
        assertThat(ingest.ingest(List.of(purchase))).containsExactly(EventOutcome.DUPLICATE);
        assertThat(ingest.recordWithheld(store.load(List.of("c-2")).get("c-2"), "winback", Assignment.HELD_OUT, AT))
                .isTrue();
        assertThat(ingest.recordWithheld(store.load(List.of("c-2")).get("c-2"), "winback", Assignment.HELD_OUT,
                AT.plusSeconds(30))).isTrue();

        LiftEstimate estimate = LiftEstimate.of("winback", DAY, DAY, counters.read("winback", DAY, DAY));
        assertThat(estimate.treated().exposed()).isEqualTo(1);
        assertThat(estimate.treated().converted()).isEqualTo(1);
        assertThat(estimate.treated().revenue().get("EUR")).isEqualByComparingTo("20.00");
        assertThat(estimate.comparison().exposed()).isEqualTo(1);
        assertThat(estimate.comparison().converted()).isZero();
        assertThat(estimate.messages()).isEqualTo(1);
    }
}
