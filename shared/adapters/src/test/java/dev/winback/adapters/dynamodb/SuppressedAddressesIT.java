package dev.winback.adapters.dynamodb;

import dev.winback.adapters.testing.Messages;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The suppression lists in front of the SMS and email senders, read from DynamoDB Local. */
class SuppressedAddressesIT {

    private final LocalTable table = LocalTable.create();
    private final ContactIndex contacts = new ContactIndex(table.client(), table.name(), new ContactHashes(
            KeyMaterial.of("suppressed-numbers-it-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8))));
    private final List<String> sent = new ArrayList<>();
    private final ChannelSender sms = SuppressedAddresses.around(recording(Channel.SMS), contacts);
    private final ChannelSender email = SuppressedAddresses.around(recording(Channel.EMAIL), contacts);

    private ChannelSender recording(Channel channel) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                sent.add(message.address());
                return new SendResult.Accepted("p-" + message.messageId(), true);
            }
        };
    }

    @Test
    void aNumberThatTextedStop_getsNoText_untilItTextsStart() {
        contacts.suppressSms("+447700900123", Instant.parse("2026-11-01T10:00:00Z"));

        assertThat(sms.send(Messages.on(Channel.SMS, "m-1", "+447700900123")))
                .isInstanceOf(SendResult.Rejected.class);
        assertThat(sms.send(Messages.on(Channel.SMS, "m-2", "+447700900456")))
                .isEqualTo(new SendResult.Accepted("p-m-2", true));
        assertThat(sent).containsExactly("+447700900456");

        contacts.liftSmsSuppression("+447700900123");
        assertThat(sms.send(Messages.on(Channel.SMS, "m-3", "+447700900123")))
                .isInstanceOf(SendResult.Accepted.class);
        assertThat(sent).containsExactly("+447700900456", "+447700900123");
    }

    @Test
    void anImportedEmailSuppression_refusesEveryEmailToThatAddress_inABatchOrAlone() {
        contacts.suppress(Channel.EMAIL, "opted.out@example.com", Instant.parse("2026-11-01T10:00:00Z"));

        email.expect(List.of("opted.out@example.com", "welcome@example.com"));
        assertThat(email.send(Messages.on(Channel.EMAIL, "m-4", "opted.out@example.com")))
                .isInstanceOf(SendResult.Rejected.class);
        assertThat(email.send(Messages.on(Channel.EMAIL, "m-5", "welcome@example.com")))
                .isInstanceOf(SendResult.Accepted.class);
        assertThat(email.send(Messages.on(Channel.EMAIL, "m-6", "Opted.Out@Example.com")))
                .as("the list is keyed by the normalised address").isInstanceOf(SendResult.Rejected.class);
        assertThat(sms.send(Messages.on(Channel.SMS, "m-7", "+447700900123")))
                .as("an email suppression is not an SMS one").isInstanceOf(SendResult.Accepted.class);
        assertThat(sent).containsExactly("welcome@example.com", "+447700900123");
    }
}
