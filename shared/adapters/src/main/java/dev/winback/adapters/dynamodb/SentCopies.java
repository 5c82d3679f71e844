package dev.winback.adapters.dynamodb;

import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a copy of what each send says (subject and text, with channel, purpose and time) in the
 * customer's partition ({@code sk = SENT#<messageId>}) before handing it to the provider, so an export
 * shows the customer what was sent to them and erasure deletes it with the rest. Kept for
 * {@link #KEEP}; the ledger keeps the proof of sending for longer, without the content. In-app
 * messages are kept in the inbox already.
 *
 * <p>A delivery batch's copies are written together in one BatchWriteItem ({@link #prepare}) before
 * any of its sends; a send whose copy that did not keep (the batch write failed, or the message was
 * not announced) writes its own copy first, so no message reaches a provider without one.
 */
public final class SentCopies implements ChannelSender {

    static final Duration KEEP = Duration.ofDays(400);
    private static final Logger LOG = Logger.getLogger(SentCopies.class.getName());

    private final ChannelSender sender;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final CapacityMeter meter;
    /** Ids of messages whose copy a batch write kept and whose send has not come yet. */
    private final Set<String> keptAhead = ConcurrentHashMap.newKeySet();

    public SentCopies(ChannelSender sender, DynamoDbClient dynamoDb, String table, Clock clock, CapacityMeter meter) {
        this.sender = sender;
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.meter = meter;
    }

    /** Wraps {@code sender} unless its messages are kept already (the in-app inbox). */
    public static ChannelSender around(ChannelSender sender, DynamoDbClient dynamoDb, String table, Clock clock,
                                       CapacityMeter meter) {
        return !kept(sender.channel()) ? sender : new SentCopies(sender, dynamoDb, table, clock, meter);
    }

    /** Whether sends on {@code channel} are kept here (in-app messages are kept in the inbox already). */
    private static boolean kept(Channel channel) {
        return channel != Channel.IN_APP;
    }

    /** The copy of {@code message} as stored, sent at {@code sentAt}. */
    private static Map<String, AttributeValue> item(OutboundMessage message, Instant sentAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.customer(message.customerId())));
        item.put(Keys.SK, AttributeValue.fromS(Keys.sentCopy(message.messageId())));
        item.put("channel", AttributeValue.fromS(message.channel().wireName()));
        item.put("purpose", AttributeValue.fromS(message.purpose().wireName()));
        item.put("sentAt", AttributeValue.fromS(sentAt.toString()));
        if (!message.content().subject().isEmpty()) item.put("subject", AttributeValue.fromS(message.content().subject()));
        item.put("text", AttributeValue.fromS(message.content().text()));
        item.put(Keys.EXPIRES_AT, AttributeValue.fromN(Long.toString(sentAt.plus(KEEP).getEpochSecond())));
        return item;
    }

    @Override
    public Channel channel() {
        return sender.channel();
    }

    @Override
    public void expect(Collection<String> addresses) {
        sender.expect(addresses);
    }

    @Override
    public void prepare(Collection<OutboundMessage> messages) {
        Instant now = clock.instant();
        List<WriteRequest> writes = messages.stream()
                .map(message -> WriteRequest.builder().putRequest(p -> p.item(item(message, now))).build())
                .toList();
        try {
            BatchWrites.writeAll(dynamoDb, table, writes, meter);
        } catch (RuntimeException e) {
            // Each send keeps its own copy then.
            LOG.log(Level.WARNING, "keeping the copies of a batch of " + channel().wireName() + " messages failed", e);
            return;
        }
        messages.forEach(message -> keptAhead.add(message.messageId()));
        sender.prepare(messages);
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (!keptAhead.remove(message.messageId())) {
            Instant now = clock.instant();
            Map<String, AttributeValue> item = item(message, now);
            try {
                meter.write(dynamoDb.putItem(b -> b.tableName(table).item(item)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
            } catch (RuntimeException e) {
                // Nothing reached the provider yet: a send whose copy cannot be kept waits and is tried again.
                LOG.log(Level.WARNING, "keeping a copy of a " + message.channel().wireName() + " message failed", e);
                return new SendResult.Retryable("the copy of the message could not be kept");
            }
        }
        return sender.send(message);
    }
}
