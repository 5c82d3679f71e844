package dev.winback.adapters.dynamodb;

import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.imports.SuppressionList;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A channel's suppression list in front of its sender: an address no record could hold the
 * withdrawal for gets no message of any kind — an SMS number that texted STOP without being any
 * customer's (until it texts START), an email address or number an imported suppression list named
 * before any customer gave it. Refused before the provider is called, so the attempt fails for good
 * and the plan moves on.
 *
 * <p>A delivery batch's addresses are read in one request once its messages are claimed
 * ({@link #expect}), beside the read of their records that follows the claims, and each answer
 * serves one send within {@link #FRESH}; any other send reads the list itself. An address found
 * suppressed is not passed on to {@link #prepare} (no copy is kept of a message that will not go).
 */
public final class SuppressedAddresses implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(SuppressedAddresses.class.getName());

    /** How long a batch's answer for an address may serve its send. */
    static final Duration FRESH = Duration.ofSeconds(30);

    private record Answer(boolean suppressed, long readAtNanos) {
    }

    private final ChannelSender sender;
    private final ContactIndex contacts;
    private final Map<String, Answer> expected = new ConcurrentHashMap<>();

    public SuppressedAddresses(ChannelSender sender, ContactIndex contacts) {
        if (!SuppressionList.covers(sender.channel())) {
            throw new IllegalArgumentException("no suppression list for " + sender.channel());
        }
        this.sender = sender;
        this.contacts = contacts;
    }

    /** The sender behind its suppression list where its channel has one, else the sender itself. */
    public static ChannelSender around(ChannelSender sender, ContactIndex contacts) {
        return SuppressionList.covers(sender.channel()) ? new SuppressedAddresses(sender, contacts) : sender;
    }

    @Override
    public Channel channel() {
        return sender.channel();
    }

    @Override
    public void expect(Collection<String> addresses) {
        sender.expect(addresses);
        long now = System.nanoTime();
        expected.values().removeIf(answer -> now - answer.readAtNanos() > FRESH.toNanos());
        Set<String> suppressed;
        try {
            suppressed = contacts.suppressedAmong(channel(), addresses);
        } catch (RuntimeException e) {
            // Each send reads the list itself then.
            LOG.log(Level.WARNING, "reading the " + channel().wireName() + " suppression list for a batch failed", e);
            return;
        }
        for (String address : addresses) expected.put(address, new Answer(suppressed.contains(address), now));
    }

    @Override
    public void prepare(Collection<OutboundMessage> messages) {
        sender.prepare(messages.stream().filter(message -> {
            Answer answer = expected.get(message.address());
            return answer == null || !answer.suppressed();
        }).toList());
    }

    @Override
    public SendResult send(OutboundMessage message) {
        boolean suppressed;
        try {
            Answer answer = expected.remove(message.address());
            boolean fresh = answer != null && System.nanoTime() - answer.readAtNanos() <= FRESH.toNanos();
            suppressed = fresh ? answer.suppressed() : contacts.suppressed(channel(), message.address());
        } catch (RuntimeException e) {
            // Nothing was sent: when the list cannot be read, wait rather than risk messaging an opt-out.
            LOG.log(Level.WARNING, "reading the " + channel().wireName() + " suppression list failed; the send will be retried", e);
            return new SendResult.Retryable("the " + channel().wireName() + " suppression list could not be read");
        }
        if (suppressed) {
            return new SendResult.Rejected(SendResult.FailureKind.SUPPRESSED_BY_PROVIDER,
                    "the address is on the " + channel().wireName() + " suppression list");
        }
        return sender.send(message);
    }
}
