package dev.winback.local.runtime.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the local runtime's channels deliver when nothing stands in for the provider: every message
 * that would have left, in order, for {@code GET /local/outbox} and the demo summary. In-app messages
 * are not here (they go to the inbox in the table, as in AWS), nor SMS and push when the SNS emulator
 * runs. Local and synthetic only; addresses are not kept.
 */
public final class LocalOutbox {

    /** How many messages the outbox keeps (the newest), so a long demo stays in bounded memory. */
    static final int CAPACITY = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Sent(Instant at, Channel channel, String customerId, String messageId, String purpose,
                       String subject, String text) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Clock clock;
    private long total;

    public LocalOutbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * A sender per channel. The outbox gives no receipts, so nothing waits for one: a fallback happens
     * only on a refusal, and the demo spends no timers, re-reads and second sends on deadlines that
     * could never be met locally.
     */
    public List<ChannelSender> senders() {
        List<ChannelSender> senders = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            senders.add(new ChannelSender() {
                @Override
                public Channel channel() {
                    return channel;
                }

                @Override
                public SendResult send(OutboundMessage message) {
                    add(message);
                    return new SendResult.Accepted("local-" + message.messageId(), false);
                }
            });
        }
        return senders;
    }

    private synchronized void add(OutboundMessage m) {
        total++;
        if (sent.size() == CAPACITY) sent.removeFirst();
        sent.add(new Sent(clock.instant(), m.channel(), m.customerId(), m.messageId(), m.purpose().wireName(),
                m.content().subject(), m.content().text()));
    }

    public synchronized List<Sent> messages() {
        return List.copyOf(sent);
    }

    public synchronized long total() {
        return total;
    }

    /** The body of GET /local/outbox: the newest {@code limit} messages, newest first. */
    public synchronized String json(int limit) {
        ObjectNode body = JSON.createObjectNode();
        body.put("total", total);
        ArrayNode messages = body.putArray("messages");
        for (int i = sent.size() - 1; i >= 0 && messages.size() < limit; i--) {
            Sent s = sent.get(i);
            ObjectNode m = messages.addObject();
            m.put("at", s.at().toString());
            m.put("channel", s.channel().wireName());
            m.put("customerId", s.customerId());
            m.put("messageId", s.messageId());
            m.put("purpose", s.purpose());
            m.put("subject", s.subject());
            m.put("text", s.text());
        }
        return body.toString();
    }
}
