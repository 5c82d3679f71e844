package dev.winback.adapters.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.adapters.sqs.DeliveryQueueMessages;
import dev.winback.adapters.sqs.SqsDeliveryRequests;
import dev.winback.adapters.sqs.SqsMessageRequests;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;
import dev.winback.adapters.testing.MotoEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publishers against the moto AWS emulator (scripts/test starts it and sets
 * WINBACK_MOTO_ENDPOINT; without it these tests are skipped). A rule on the bus copies
 * RetentionActionRequested events to a queue, so what the bus received can be read back.
 */
class PublishersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String endpoint;

    @BeforeAll
    static void emulator() {
        endpoint = MotoEndpoint.require();
    }

    private static SqsClient sqs() {
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static EventBridgeClient eventBridge() {
        return EventBridgeClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static List<ActionRequest> requests(int count) {
        Instant since = Instant.parse("2026-11-20T08:00:00Z");
        return IntStream.range(0, count).mapToObj(i -> new ActionRequest(UUID.randomUUID().toString().replace("-", ""),
                "c-" + i, SignalType.LAPSED, since, "no app, web or store activity for 25 days",
                RetentionAction.LAPSED_CAMPAIGN, "lapsed-any-channel", List.of(Channel.EMAIL, Channel.PUSH),
                Purpose.MARKETING, Instant.parse("2026-11-23T10:15:30Z"), new PlaybookVersion(2026, 11, 1))).toList();
    }

    @Test
    void sqsDeliveryRequests_sendsEachDetailAsAMessageBody() throws Exception {
        try (SqsClient sqs = sqs()) {
            String queue = sqs.createQueue(b -> b.queueName("delivery-" + UUID.randomUUID())).queueUrl();
            List<ActionRequest> requests = requests(12);

            Set<String> accepted = new SqsDeliveryRequests(sqs, queue).publish(requests);

            assertThat(accepted).containsExactlyInAnyOrderElementsOf(keys(requests));
            List<JsonNode> bodies = new ArrayList<>();
            for (Message m : drain(sqs, queue, 12)) bodies.add(JSON.readTree(m.body()));
            assertThat(bodies).containsExactlyInAnyOrderElementsOf(requests.stream()
                    .map(r -> read(RetentionActionRequestedJson.toDetail(r))).toList());
        }
    }

    @Test
    void sqsDeliveryRequests_toAMissingQueue_acceptsNothing() {
        try (SqsClient sqs = sqs()) {
            assertThat(new SqsDeliveryRequests(sqs, endpoint + "/123456789012/no-such-queue").publish(requests(2))).isEmpty();
        }
    }

    @Test
    void sqsMessageRequests_sendsJourneyMessagesThatDeliveryReadsBack() {
        try (SqsClient sqs = sqs()) {
            String queue = sqs.createQueue(b -> b.queueName("journeys-" + UUID.randomUUID())).queueUrl();
            Instant at = Instant.parse("2026-11-23T10:15:30Z");
            List<DeliveryRequest> requests = IntStream.range(0, 13).mapToObj(i -> new DeliveryRequest("c-" + i,
                    "order-shipped", "order-status/shipped", "o-" + i + "#1", Purpose.TRANSACTIONAL,
                    MessageCategory.ORDER_UPDATES, List.of(Channel.WEBHOOK, Channel.SMS), at, at.plusSeconds(86_400),
                    java.time.Duration.ofHours(1), java.util.Map.of("orderId", "o-" + i))).toList();

            Set<MessageKey> accepted = new SqsMessageRequests(sqs, queue).publish(requests);

            assertThat(accepted).containsExactlyInAnyOrderElementsOf(requests.stream().map(DeliveryRequest::key).toList());
            DeliveryQueueMessages reader = new DeliveryQueueMessages(null);
            List<DeliveryRequest> read = drain(sqs, queue, 13).stream().map(m -> reader.parse(m.body()))
                    .map(parsed -> ((DeliveryQueueMessages.Parsed.Deliver) parsed).request()).toList();
            assertThat(read).containsExactlyInAnyOrderElementsOf(requests);
            assertThat(new SqsMessageRequests(sqs, endpoint + "/123456789012/no-such-queue").publish(requests)).isEmpty();
        }
    }

    @Test
    void eventBridgeActionPublisher_putsRetentionActionRequestedEventsOnTheBus() throws Exception {
        try (SqsClient sqs = sqs(); EventBridgeClient events = eventBridge()) {
            String bus = "winback-" + UUID.randomUUID();
            events.createEventBus(b -> b.name(bus));
            String queue = sqs.createQueue(b -> b.queueName("bus-copy-" + UUID.randomUUID())).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            events.putRule(b -> b.name("copy").eventBusName(bus)
                    .eventPattern("{\"detail-type\":[\"" + RetentionActionRequestedJson.DETAIL_TYPE + "\"]}"));
            events.putTargets(b -> b.rule("copy").eventBusName(bus).targets(t -> t.id("queue").arn(queueArn)));
            List<ActionRequest> requests = requests(11);

            Set<String> accepted = new EventBridgeActionPublisher(events, bus).publish(requests);

            assertThat(accepted).containsExactlyInAnyOrderElementsOf(keys(requests));
            List<JsonNode> envelopes = new ArrayList<>();
            for (Message m : drain(sqs, queue, 11)) envelopes.add(JSON.readTree(m.body()));
            assertThat(envelopes).allSatisfy(e -> {
                assertThat(e.path("source").asText()).isEqualTo(EventBridgeActionPublisher.SOURCE);
                assertThat(e.path("detail-type").asText()).isEqualTo(RetentionActionRequestedJson.DETAIL_TYPE);
            });
            assertThat(envelopes.stream().map(e -> e.path("detail").path("idempotencyKey").asText()).toList())
                    .containsExactlyInAnyOrderElementsOf(keys(requests));
        }
    }

    private static List<Message> drain(SqsClient sqs, String queue, int expected) {
        List<Message> messages = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && messages.size() < expected; attempt++) {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
        }
        return messages;
    }

    private static Set<String> keys(List<ActionRequest> requests) {
        return requests.stream().map(ActionRequest::idempotencyKey).collect(Collectors.toSet());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
