package dev.winback.local.e2e;

import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbHoldoutKey;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.HoldoutAssignment;
import dev.winback.core.outcome.HoldoutShares;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holdouts through the real deliver handler on DynamoDB Local, under the table's own holdout key:
 * a held-out customer's message is recorded held_out in the ledger, reaches no provider and counts
 * as no send; a treated one is sent; the control group still gets its transactional messages.
 */
class HoldoutIT {

    /** 14:00 in New York: outside quiet hours. */
    static final Instant AFTERNOON = Instant.parse("2026-11-23T19:00:00Z");
    static final String UNIT = "lapsed-any-channel";

    final List<OutboundMessage> provider = new CopyOnWriteArrayList<>();
    final DeliveryFixture f = new DeliveryFixture(AFTERNOON, List.of(sender(Channel.SMS), sender(Channel.PUSH)),
            UnaryOperator.identity(), HoldoutShares.DEFAULTS);
    final HoldoutAssignment assignment = new HoldoutAssignment(HoldoutShares.DEFAULTS,
            new DynamoDbHoldoutKey(f.table.clients().dynamoDb(), f.table.tableName(), new CapacityMeter()));
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aHeldOutCustomersMessageIsRecordedHeldOutAndSentToNobody_aTreatedOneIsSent() {
        String heldOut = customerIn(Assignment.HELD_OUT);
        String treated = customerIn(Assignment.TREATED);
        DeliveryRequest withheld = f.request(heldOut, "s1", Purpose.MARKETING, List.of(Channel.SMS));
        DeliveryRequest sent = f.request(treated, "s1", Purpose.MARKETING, List.of(Channel.SMS));

        assertThat(f.deliver(List.of(withheld, sent))).isEmpty();

        LedgerEntry entry = f.entry(withheld);
        assertThat(entry.status()).isEqualTo(LedgerStatus.HELD_OUT);
        assertThat(entry.request().measuredBy()).isEqualTo(UNIT);
        assertThat(entry.attempts()).isEmpty();
        assertThat(entry.timer()).isEmpty();
        assertThat(entry.decisions().getLast()).satisfies(d -> {
            assertThat(d.reason()).isEqualTo(MessageDecision.Reason.HELD_OUT);
            assertThat(d.channel()).contains(Channel.SMS);
            assertThat(d.detail()).isEqualTo("holdout of " + UNIT);
        });
        assertThat(f.table.store().find(heldOut).record().sendLog().recent()).as("no message_sent").isEmpty();
        assertThat(f.entry(sent).status()).isEqualTo(LedgerStatus.SENT);
        assertThat(provider).extracting(OutboundMessage::customerId).containsExactly(treated);
        assertThat(f.table.store().find(treated).record().sendLog().recent()).hasSize(1);

        // Redelivered, the held-out message stays held out and still reaches nobody.
        assertThat(f.deliver(List.of(withheld))).isEmpty();
        assertThat(f.entry(withheld).version()).isEqualTo(entry.version());
        assertThat(provider).hasSize(1);
    }

    @Test
    void theControlGroupGetsNoMarketing_butItsTransactionalMessages() {
        String control = customerIn(Assignment.CONTROL);
        DeliveryRequest marketing = f.request(control, "m", Purpose.MARKETING, List.of(Channel.SMS));
        DeliveryRequest transactional = f.request(control, "t", Purpose.TRANSACTIONAL, List.of(Channel.SMS));

        assertThat(f.deliver(List.of(marketing, transactional))).isEmpty();

        assertThat(f.entry(marketing).status()).isEqualTo(LedgerStatus.HELD_OUT);
        assertThat(f.entry(marketing).decisions().getLast().detail()).isEqualTo("global control group of " + UNIT);
        assertThat(f.entry(transactional).status()).isEqualTo(LedgerStatus.SENT);
        assertThat(provider).extracting(OutboundMessage::purpose).containsExactly(Purpose.TRANSACTIONAL);
    }

    /** A new customer of this run in the group, reachable by SMS with marketing consent. */
    private String customerIn(Assignment group) {
        String id = IntStream.range(0, 10_000).mapToObj(i -> "hold-" + run + "-" + i)
                .filter(candidate -> assignment.assign(candidate, UNIT) == group).findFirst().orElseThrow();
        f.customer(id, "arn:aws:sns:us-east-1:000000000000:endpoint/APNS/app/" + id, "America/New_York");
        return id;
    }

    private ChannelSender sender(Channel channel) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                provider.add(message);
                return new SendResult.Accepted("p-" + message.messageId(), false);
            }
        };
    }
}
