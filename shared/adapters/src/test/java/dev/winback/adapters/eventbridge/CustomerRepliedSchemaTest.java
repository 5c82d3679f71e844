package dev.winback.adapters.eventbridge;

import dev.winback.adapters.json.MessageSchemas;
import dev.winback.core.event.Channel;
import dev.winback.core.feedback.CustomerReplied;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.winback.adapters.json.MessageSchemas.CUSTOMER_REPLIED;
import static org.assertj.core.api.Assertions.assertThat;

/** The published CustomerReplied schema against the detail {@link EventBridgeReplyEvents} puts on the bus. */
class CustomerRepliedSchemaTest {

    /** Keeps what would have gone to the bus. */
    private static final class RecordingBus implements EventBridgeClient {
        final List<PutEventsRequestEntry> entries = new ArrayList<>();

        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            entries.addAll(request.entries());
            return PutEventsResponse.builder().failedEntryCount(0).build();
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {
        }
    }

    private static String published(CustomerReplied reply) {
        RecordingBus bus = new RecordingBus();
        new EventBridgeReplyEvents(bus, "winback-bus").publish(reply);
        assertThat(bus.entries).hasSize(1);
        PutEventsRequestEntry entry = bus.entries.getFirst();
        assertThat(entry.detailType()).isEqualTo(EventBridgeReplyEvents.REPLY_DETAIL_TYPE);
        assertThat(entry.source()).isEqualTo(EventBridgeReplyEvents.SOURCE);
        return entry.detail();
    }

    @Test
    void repliesFromKnownAndUnknownNumbers_validate() {
        List<CustomerReplied> replies = List.of(
                new CustomerReplied("in-1", List.of("c-000123"), "sms", "Can I change my order?",
                        Instant.parse("2026-11-23T10:15:30Z")),
                new CustomerReplied("8c1c6e2d-0f2f-4a4e-9b0e-1d6c2f1a7e11", List.of("c-1", "tenant-7@c-2"), "sms",
                        "¿Dónde está \"mi\" pedido?\n😀", Instant.parse("2026-11-23T10:15:30.123456789Z")),
                new CustomerReplied("in-3", List.of(), "sms", "", Instant.parse("2026-11-23T10:15:30.5Z")));
        for (CustomerReplied reply : replies) {
            String detail = published(reply);
            assertThat(MessageSchemas.violations(CUSTOMER_REPLIED, detail)).as(detail).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"inboundMessageId\":\"in-1\",|",
            "\"inboundMessageId\":\"in-1\"|\"inboundMessageId\":\"\"",
            "[\"c-000123\"]|\"c-000123\"",
            "[\"c-000123\"]|[\"ana@example.com\"]",
            "\"channel\":\"sms\"|\"channel\":\"telegram\"",
            "\"text\":\"Can I change my order?\"|\"text\":null",
            "\"receivedAt\":\"2026-11-23T10:15:30Z\"|\"receivedAt\":\"2026-11-23T11:15:30+01:00\"",
            "\"channel\":\"sms\"|\"channel\":\"sms\",\"from\":\"+15550100999\"",
    })
    void aBrokenDetail_isRefused(String edit) {
        String detail = published(new CustomerReplied("in-1", List.of("c-000123"), "sms", "Can I change my order?",
                Instant.parse("2026-11-23T10:15:30Z")));
        String[] fromTo = edit.split("\\|", -1);
        assertThat(detail).contains(fromTo[0]);

        assertThat(MessageSchemas.violations(CUSTOMER_REPLIED, detail.replace(fromTo[0], fromTo[1]))).as(edit).isNotEmpty();
    }

    @Test
    void theSchemasChannels_areTheCodesWireNames() {
        assertThat(MessageSchemas.enumAt(CUSTOMER_REPLIED, "/properties/channel"))
                .isEqualTo(Arrays.stream(Channel.values()).map(Channel::wireName)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }
}
