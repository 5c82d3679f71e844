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

/** The SMS suppression list in front of an SMS sender, read from DynamoDB Local. */
class SuppressedNumbersIT {

    private final LocalTable table = LocalTable.create();
    private final ContactIndex contacts = new ContactIndex(table.client(), table.name(), new ContactHashes(
            KeyMaterial.of("suppressed-numbers-it-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8))));
    private final List<String> sent = new ArrayList<>();
    private final ChannelSender sms = new SuppressedNumbers(new ChannelSender() {
        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            sent.add(message.address());
            return new SendResult.Accepted("p-" + message.messageId(), true);
        }
    }, contacts);

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
}
