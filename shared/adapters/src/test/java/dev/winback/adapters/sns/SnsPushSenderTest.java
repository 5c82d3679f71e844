package dev.winback.adapters.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SnsPushSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePayloadHasAnApnsAndAnFcmMessageCarryingTheMessageId() throws Exception {
        OutboundMessage message = new OutboundMessage("wb-00112233445566778899aabbccddeeff-1", "c-1", Channel.PUSH,
                Purpose.MARKETING, "arn:aws:sns:us-east-1:123456789012:endpoint/GCM/app/1",
                new RenderedContent("We miss you", "<p>x</p>", "New arrivals \"for you\"", Map.of("deepLink", "app://new")),
                Optional.empty());

        JsonNode structure = JSON.readTree(SnsPushSender.payload(message));
        JsonNode apns = JSON.readTree(structure.path("APNS").asText());
        JsonNode fcm = JSON.readTree(structure.path("GCM").asText());

        assertThat(structure.path("default").asText()).isEqualTo("New arrivals \"for you\"");
        assertThat(apns.at("/aps/alert/title").asText()).isEqualTo("We miss you");
        assertThat(apns.at("/aps/alert/body").asText()).isEqualTo("New arrivals \"for you\"");
        assertThat(apns.path(SnsPushSender.MESSAGE_ID).asText()).isEqualTo(message.messageId());
        assertThat(apns.path("deepLink").asText()).isEqualTo("app://new");
        assertThat(JSON.readTree(structure.path("APNS_SANDBOX").asText())).isEqualTo(apns);
        assertThat(fcm.at("/fcmV1Message/message/notification/title").asText()).isEqualTo("We miss you");
        assertThat(fcm.at("/fcmV1Message/message/data/" + SnsPushSender.MESSAGE_ID).asText()).isEqualTo(message.messageId());
        assertThat(fcm.at("/fcmV1Message/message/data/deepLink").asText()).isEqualTo("app://new");
    }
}
