package dev.winback.adapters.dynamodb;

import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SMS suppression list in front of an SMS sender: a number that texted STOP without being any
 * customer's (so no record could hold the withdrawal) gets no text of any kind until it texts START.
 * Refused before the provider is called, so the attempt fails for good and the plan moves on.
 *
 * <p>A delivery batch's numbers are read in one request once its messages are claimed
 * ({@link #expect}), beside the read of their records that follows the claims, and each answer
 * serves one send within {@link #FRESH}; any other send reads the list itself. A number found
 * suppressed is not passed on to {@link #prepare} (no copy is kept of a text that will not go).
 */
public final class SuppressedNumbers implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(SuppressedNumbers.class.getName());

    /** How long a batch's answer for a number may serve its send. */
    static final Duration FRESH = Duration.ofSeconds(30);

    private record Answer(boolean suppressed, long readAtNanos) {
    }

    private final ChannelSender sms;
    private final ContactIndex contacts;
    private final Map<String, Answer> expected = new ConcurrentHashMap<>();

    public SuppressedNumbers(ChannelSender sms, ContactIndex contacts) {
        if (sms.channel() != Channel.SMS) throw new IllegalArgumentException("not an SMS sender");
        this.sms = sms;
        this.contacts = contacts;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void expect(Collection<String> numbers) {
        sms.expect(numbers);
        long now = System.nanoTime();
        expected.values().removeIf(answer -> now - answer.readAtNanos() > FRESH.toNanos());
        Set<String> suppressed;
        try {
            suppressed = contacts.smsSuppressedAmong(numbers);
        } catch (RuntimeException e) {
            // Each send reads the list itself then.
            LOG.log(Level.WARNING, "reading the SMS suppression list for a batch failed", e);
            return;
        }
        for (String number : numbers) expected.put(number, new Answer(suppressed.contains(number), now));
    }

    @Override
    public void prepare(Collection<OutboundMessage> messages) {
        sms.prepare(messages.stream().filter(message -> {
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
            suppressed = fresh ? answer.suppressed() : contacts.smsSuppressed(message.address());
        } catch (RuntimeException e) {
            // Nothing was sent: when the list cannot be read, wait rather than risk texting a STOP.
            LOG.log(Level.WARNING, "reading the SMS suppression list failed; the send will be retried", e);
            return new SendResult.Retryable("the SMS suppression list could not be read");
        }
        if (suppressed) {
            return new SendResult.Rejected(SendResult.FailureKind.SUPPRESSED_BY_PROVIDER,
                    "the number texted STOP and is on the suppression list");
        }
        return sms.send(message);
    }
}
