package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.adapters.pii.PiiCanaries;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.Reachability;
import dev.winback.functions.api.HttpApiHandler;
import dev.winback.functions.feedback.FeedbackComposition;
import dev.winback.functions.feedback.ProcessFeedbackHandler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Puts the PII canaries through every path that handles contact data — ingestion (valid and
 * invalid events), the API, feedback (the unmodified fixtures carry the canary address and number),
 * SMS keywords and replies, export and erasure — so that {@link PiiCanaryCheckIT} can tell whether
 * any of them logged one.
 */
class PiiCanaryFlowIT {

    private final IngestFixture fixture = IngestFixture.get();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void canaryContactData_flowsThroughEveryPath() {
        String customer = "c-fb-0001"; // the customer the feedback fixtures name
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        List<String> bodies = new ArrayList<>();
        bodies.add(fixture.json(new EngagementEvent("pii-profile", customer, at, Optional.empty(),
                new EventPayload.ProfileUpdated(Optional.of(PiiCanaries.EMAIL), Optional.of(PiiCanaries.PHONE),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))));
        bodies.add(fixture.json(new EngagementEvent("pii-consent", customer, at, Optional.empty(),
                new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, true, "signup", "v1"))));
        // Invalid: the canary where an id belongs and in a malformed phone; kept as rejected, logged by field.
        bodies.add("{\"eventId\":\"pii-bad\",\"customerId\":\"" + PiiCanaries.EMAIL + "\",\"type\":\"profile_updated\","
                + "\"occurredAt\":\"2026-11-01T00:00:00Z\",\"properties\":{\"phone\":\"" + PiiCanaries.PHONE + "-x\"}}");
        assertThat(fixture.sendBodies(bodies)).isEmpty();

        HttpApiHandler api = new HttpApiHandler(fixture.config, fixture.clients, clock);
        APIGatewayV2HTTPEvent post = new APIGatewayV2HTTPEvent();
        post.setRouteKey("POST /v1/events");
        post.setBody("{\"events\":[{\"eventId\":\"pii-api\",\"customerId\":\"" + customer + "\",\"type\":\"profile_updated\","
                + "\"occurredAt\":\"yesterday\",\"properties\":{\"email\":\"" + PiiCanaries.EMAIL + "\"}}]}");
        post.setIsBase64Encoded(false);
        assertThat(api.handleRequest(post, null).getStatusCode()).isEqualTo(400);

        List<String> texts = new ArrayList<>();
        ProcessFeedbackHandler feedback = new ProcessFeedbackHandler(new FeedbackComposition(
                fixture.table, fixture.ingestion, arn -> Optional.of(customer),
                (to, from, text) -> texts.add(text), reply -> { },
                new DynamoDbOnce(fixture.clients.dynamoDb(), fixture.config.tableName(), clock), clock));
        for (String name : List.of("sns-ses-bounce-permanent.json", "sns-ses-complaint.json", "sns-ses-delivery.json",
                "sns-ses-open.json", "sns-ses-click.json", "sns-ses-reject.json", "sns-ses-rendering-failure.json",
                "sns-ses-delivery-unknown-message.json", "sns-push-endpoint-updated.json",
                "sns-push-delivery-failure.json", "sns-sms-inbound-stop.json", "sns-sms-inbound-help.json",
                "sns-sms-inbound-reply.json")) {
            feedback.handleRequest(Fixtures.load(name, SNSEvent.class), null);
        }
        SNSEvent plain = Fixtures.load("sns-sms-inbound-stop-plain-language.json", SNSEvent.class);
        plain.getRecords().getFirst().getSNS().setMessage(plain.getRecords().getFirst().getSNS().getMessage()
                .replace("please stop texting me", PiiCanaries.SMS_TEXT));
        feedback.handleRequest(plain, null);
        assertThat(fixture.records(List.of(customer)).get(customer).record().channel(Channel.EMAIL).reachability().value())
                .isEqualTo(Reachability.UNREACHABLE);
        assertThat(texts).isNotEmpty();

        APIGatewayV2HTTPEvent export = new APIGatewayV2HTTPEvent();
        export.setRouteKey("GET /v1/customers/{customerId}/export");
        export.setPathParameters(Map.of("customerId", customer));
        assertThat(api.handleRequest(export, null).getBody()).contains(PiiCanaries.EMAIL);
        APIGatewayV2HTTPEvent erase = new APIGatewayV2HTTPEvent();
        erase.setRouteKey("DELETE /v1/customers/{customerId}");
        erase.setPathParameters(Map.of("customerId", customer));
        assertThat(api.handleRequest(erase, null).getStatusCode()).isEqualTo(200);
    }
}
