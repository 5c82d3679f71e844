package dev.winback.adapters.dynamodb;

import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SMS suppression list in front of an SMS sender: a number that texted STOP without being any
 * customer's (so no record could hold the withdrawal) gets no text of any kind until it texts START.
 * Refused before the provider is called, so the attempt fails for good and the plan moves on.
 */
public final class SuppressedNumbers implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(SuppressedNumbers.class.getName());

    private final ChannelSender sms;
    private final ContactIndex contacts;

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
    public SendResult send(OutboundMessage message) {
        boolean suppressed;
        try {
            suppressed = contacts.smsSuppressed(message.address());
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
