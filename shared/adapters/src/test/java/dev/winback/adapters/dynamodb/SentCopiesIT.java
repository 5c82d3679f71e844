package dev.winback.adapters.dynamodb;

import dev.winback.adapters.testing.Messages;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of what was sent, in DynamoDB Local. Nothing in the adapters reads them back by name (the
 * privacy export reads the customer's whole partition), so the test reads the customer's items.
 */
class SentCopiesIT {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final Clock clock = Clock.fixed(AT, ZoneOffset.UTC);

    @Test
    void eachSend_keepsOneCopyInTheCustomersPartition_thenSends() {
        ChannelSender email = SentCopies.around(provider(Channel.EMAIL), table.client(), table.name(), clock,
                new CapacityMeter());

        SendResult first = email.send(Messages.marketingEmail("m-1", "ana@example.com"));
        SendResult second = email.send(Messages.transactionalEmail("m-2", "ana@example.com"));
        email.send(Messages.transactionalEmail("m-2", "ana@example.com"));

        assertThat(first).isEqualTo(new SendResult.Accepted("p-m-1", true));
        assertThat(second).isEqualTo(new SendResult.Accepted("p-m-2", true));
        List<Map<String, AttributeValue>> copies = copiesOf("c-000123");
        assertThat(copies).extracting(item -> item.get(Keys.SK).s()).containsExactly(Keys.SENT_PREFIX + "m-1",
                Keys.SENT_PREFIX + "m-2");
        assertThat(copies.getFirst().get("subject").s()).isEqualTo(Messages.content().subject());
        assertThat(copies.getFirst().get("text").s()).isEqualTo(Messages.content().text());
        assertThat(copies.getFirst().get("channel").s()).isEqualTo("email");
        assertThat(copies.getFirst().get("purpose").s()).isEqualTo("marketing");
        assertThat(copies.getFirst().get("sentAt").s()).isEqualTo(AT.toString());
        assertThat(copies.get(1).get("purpose").s()).isEqualTo("transactional");
        assertThat(copies).allSatisfy(item -> assertThat(item.toString()).doesNotContain("ana@example.com"));
    }

    @Test
    void aPreparedBatchsCopies_areKeptInOneWriteBeforeTheSends_anUnpreparedSendKeepsItsOwn() {
        CapacityMeter meter = new CapacityMeter();
        List<String> copiedWhenSent = new java.util.ArrayList<>();
        ChannelSender provider = new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                copiedWhenSent.add(message.messageId() + "=" + copiesOf("c-000123").stream()
                        .anyMatch(item -> item.get(Keys.SK).s().equals(Keys.SENT_PREFIX + message.messageId())));
                return new SendResult.Accepted("p-" + message.messageId(), true);
            }
        };
        ChannelSender email = SentCopies.around(provider, table.client(), table.name(), clock, meter);
        OutboundMessage first = Messages.marketingEmail("m-1", "ana@example.com");
        OutboundMessage second = Messages.transactionalEmail("m-2", "ana@example.com");

        email.prepare(List.of(first, second));
        double afterPrepare = meter.writeUnits();
        email.send(first);
        email.send(second);
        double afterPreparedSends = meter.writeUnits();
        email.send(Messages.transactionalEmail("m-3", "ana@example.com"));

        assertThat(copiesOf("c-000123")).extracting(item -> item.get(Keys.SK).s()).containsExactly(
                Keys.SENT_PREFIX + "m-1", Keys.SENT_PREFIX + "m-2", Keys.SENT_PREFIX + "m-3");
        assertThat(copiedWhenSent).containsExactly("m-1=true", "m-2=true", "m-3=true");
        assertThat(afterPrepare).isPositive();
        assertThat(afterPreparedSends).isEqualTo(afterPrepare);
        assertThat(meter.writeUnits()).isGreaterThan(afterPreparedSends);
    }

    @Test
    void inAppMessages_areNotCopied_theInboxKeepsThemAlready() {
        ChannelSender inApp = SentCopies.around(provider(Channel.IN_APP), table.client(), table.name(), clock,
                new CapacityMeter());

        inApp.send(Messages.on(Channel.IN_APP, "m-1", "c-000123"));

        assertThat(copiesOf("c-000123")).isEmpty();
    }

    private List<Map<String, AttributeValue>> copiesOf(String customerId) {
        return table.client().query(b -> b.tableName(table.name()).consistentRead(true)
                .keyConditionExpression(Keys.PK + " = :pk AND begins_with(" + Keys.SK + ", :sent)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.customer(customerId)),
                        ":sent", AttributeValue.fromS(Keys.SENT_PREFIX)))).items();
    }

    private static ChannelSender provider(Channel channel) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                return new SendResult.Accepted("p-" + message.messageId(), true);
            }
        };
    }
}
