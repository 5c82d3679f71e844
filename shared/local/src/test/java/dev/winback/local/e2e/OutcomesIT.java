package dev.winback.local.e2e;

import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbHoldoutKey;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.HoldoutAssignment;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.core.outcome.LiftEstimate;
import dev.winback.core.outcome.OutcomeCount;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outcomes through the real deliver and ingest handlers on DynamoDB Local: a purchase after a sent
 * message counts a treated conversion, one after a withheld message a holdout conversion, each
 * once however often the events are redelivered.
 */
class OutcomesIT {

    static final Instant AFTERNOON = Instant.parse("2026-11-23T19:00:00Z");

    final DeliveryFixture f = new DeliveryFixture(AFTERNOON, List.of(sender()), UnaryOperator.identity(),
            HoldoutShares.DEFAULTS);
    final HoldoutAssignment assignment = new HoldoutAssignment(HoldoutShares.DEFAULTS,
            new DynamoDbHoldoutKey(f.table.clients().dynamoDb(), f.table.tableName(), new CapacityMeter()));
    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** A unit of this run only, so that the shared table's counters start from nothing. */
    final String unit = "outcomes-" + run;

    @Test
    void aPurchaseAfterASentMessageCountsATreatedConversion_afterAWithheldOneAHoldoutConversion() {
        String treated = customerIn(Assignment.TREATED);
        String heldOut = customerIn(Assignment.HELD_OUT);
        DeliveryRequest sent = request(treated);
        DeliveryRequest withheld = request(heldOut);

        assertThat(f.deliver(List.of(sent, withheld))).isEmpty();
        assertThat(f.entry(sent).status()).isEqualTo(LedgerStatus.SENT);
        assertThat(f.entry(withheld).status()).isEqualTo(LedgerStatus.HELD_OUT);

        f.clock.advance(Duration.ofDays(3));
        List<EngagementEvent> purchases = List.of(purchase(treated, "30.00"), purchase(heldOut, "10.00"));
        f.ingest(purchases);
        f.ingest(purchases); // redelivered
        assertThat(f.deliver(List.of(sent, withheld))).isEmpty(); // redelivered requests

        LocalDate day = OutcomeCount.dayOf(AFTERNOON);
        LiftEstimate estimate = LiftEstimate.of(unit, day, day, f.table.outcomeCounters().read(unit, day, day));
        assertThat(estimate.treated().exposed()).isEqualTo(1);
        assertThat(estimate.treated().converted()).isEqualTo(1);
        assertThat(estimate.treated().revenue().get("USD")).isEqualByComparingTo("30.00");
        assertThat(estimate.comparison().exposed()).isEqualTo(1);
        assertThat(estimate.comparison().converted()).isEqualTo(1);
        assertThat(estimate.comparison().revenue().get("USD")).isEqualByComparingTo("10.00");
        assertThat(estimate.messages()).isEqualTo(1);
    }

    private DeliveryRequest request(String customerId) {
        Instant now = f.clock.instant();
        return new DeliveryRequest(customerId, "lapsed-any-channel", "lapsed-any-channel", "o1", Purpose.MARKETING,
                MessageCategory.REMINDERS, List.of(Channel.SMS), now, now.plus(Duration.ofDays(2)),
                Duration.ofHours(4), Map.of(), unit);
    }

    private EngagementEvent purchase(String customerId, String amount) {
        return new EngagementEvent("p-" + customerId, customerId, f.clock.instant(), Optional.of(Platform.WEB),
                new EventPayload.PurchaseCompleted("o-" + customerId, new BigDecimal(amount), "USD", List.of()));
    }

    /** A new customer of this run in the group, reachable by SMS with marketing consent. */
    private String customerIn(Assignment group) {
        String id = IntStream.range(0, 10_000).mapToObj(i -> "outc-" + run + "-" + i)
                .filter(candidate -> assignment.assign(candidate, unit) == group).findFirst().orElseThrow();
        f.customer(id, "arn:aws:sns:us-east-1:000000000000:endpoint/APNS/app/" + id, "America/New_York");
        return id;
    }

    private static ChannelSender sender() {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                return new SendResult.Accepted("p-" + message.messageId(), false);
            }
        };
    }
}
