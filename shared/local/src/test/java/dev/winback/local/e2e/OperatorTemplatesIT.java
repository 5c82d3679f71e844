package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.adapters.json.JsonTemplateSets;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.delivery.TemplateComposer;
import dev.winback.core.delivery.TemplateVariables;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.template.TemplateSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's acceptance for templates, on DynamoDB Local: a message rendered from the shipped
 * template; a new version stored and activated through the operator routes, and the next message of
 * that campaign rendered from it by the same running delivery (no rebuild, no restart); an invalid
 * version refused naming each problem while the active one keeps serving; a rollback returns to
 * the version before.
 */
class OperatorTemplatesIT {

    private static final Instant NOON = Instant.parse("2026-11-23T17:00:00Z");
    private static final String CAMPAIGN = "lapsed-any-channel";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<OutboundMessage> sent = new ArrayList<>();
    private final DeliveryFixture f = new DeliveryFixture(NOON, List.of(new CapturingSms(sent)), UnaryOperator.identity());
    private final IngestFixture shared = IngestFixture.get();
    /** As deployed: the active sets read again at most once a minute. */
    private final MessageDelivery messages = new MessageDelivery(f.table, f.ingestion, f.clock, HoldoutShares.NONE);
    private final DeliverMessages delivery = messages.deliverMessages(List.of(new CapturingSms(sent)),
            new TemplateComposer(messages.templates(), Optional.empty(),
                    new TemplateVariables.Brand("Demo Shop", URI.create("https://shop.example")), f.clock),
            DecisionPublisher.NONE);
    private final ApiGateway api = new ApiGateway(shared.config, shared.clients,
            LinkConfig.localDevelopment(URI.create("https://links.example.com")), f.clock);
    private int customers;

    @AfterEach
    void backToShipped() {
        call("POST /v1/templates/{campaignId}/activate", CAMPAIGN, "{\"version\":0}");
    }

    /** One SMS of the campaign to a new customer, as delivered now. */
    private String nextSms() {
        String customerId = "tpl-" + System.nanoTime() + "-" + (++customers);
        f.customer(customerId, "arn:aws:sns:us-east-1:000000000000:endpoint/GCM/app/" + customerId, "America/New_York");
        int before = sent.size();
        delivery.deliver(f.request(customerId, "s1", Purpose.MARKETING, List.of(Channel.SMS)));
        assertThat(sent).as("one message sent").hasSize(before + 1);
        return sent.getLast().content().text();
    }

    private APIGatewayV2HTTPResponse call(String routeKey, String campaignId, String body) {
        APIGatewayV2HTTPEvent request = new APIGatewayV2HTTPEvent();
        request.setRouteKey(routeKey);
        if (campaignId != null) request.setPathParameters(Map.of("campaignId", campaignId));
        request.setBody(body);
        return api.handleRequest(request, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    /** The shipped set with the SMS text replaced. */
    private String withSms(JsonNode shown, String sms) throws Exception {
        Map<String, String> files = new HashMap<>();
        shown.get("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        files.put("sms.text", sms);
        return new JsonTemplateSets().write(new TemplateSet(files));
    }

    @Test
    void aNewVersion_servesTheNextMessage_anInvalidOneIsRefused_andRollbackReturns() throws Exception {
        String shippedSms = nextSms();
        assertThat(shippedSms).startsWith("Demo Shop:");

        APIGatewayV2HTTPResponse shown = call("GET /v1/templates/{campaignId}", CAMPAIGN, null);
        assertThat(shown.getStatusCode()).isEqualTo(200);
        assertThat(json(shown).get("version").asInt()).as("the shipped set is version 0").isZero();

        APIGatewayV2HTTPResponse stored = call("POST /v1/templates/{campaignId}/versions", CAMPAIGN,
                withSms(json(shown), "{{brandName}} misses you, {{lastPurchaseCategory}} fan. STOP to end"));
        assertThat(stored.getStatusCode()).as(stored.getBody()).isEqualTo(201);
        int v1 = json(stored).get("version").asInt();
        assertThat(nextSms()).as("stored, not active").isEqualTo(shippedSms);

        APIGatewayV2HTTPResponse activated = call("POST /v1/templates/{campaignId}/activate", CAMPAIGN,
                "{\"version\":" + v1 + "}");
        assertThat(activated.getStatusCode()).as(activated.getBody()).isEqualTo(200);
        f.clock.advance(Duration.ofMinutes(1));
        String v1Sms = nextSms();
        assertThat(v1Sms).startsWith("Demo Shop misses you, ").endsWith("fan. STOP to end");

        ObjectNode invalid = (ObjectNode) JSON.readTree(withSms(json(shown), "{{brandName}}: {{couponCode}} STOP"));
        ((ObjectNode) invalid.get("files")).put("sms.html", "<p>x</p>");
        ((ObjectNode) invalid.get("files")).put("email.subject", "{{#isMember}}Hi");
        APIGatewayV2HTTPResponse refused = call("POST /v1/templates/{campaignId}/versions", CAMPAIGN, invalid.toString());
        assertThat(refused.getStatusCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        json(refused).get("errors").forEach(e -> fields.add(e.get("field").asText() + ": " + e.get("message").asText()));
        assertThat(fields).anySatisfy(p -> assertThat(p).startsWith("files.sms.text: undocumented variable 'couponCode'"))
                .contains("files.sms.html: the sms channel has no html part (it has text)")
                .anySatisfy(p -> assertThat(p).startsWith("files.email.subject: does not read"));
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(nextSms()).as("the active version keeps serving").startsWith("Demo Shop misses you, ");

        APIGatewayV2HTTPResponse second = call("POST /v1/templates/{campaignId}/versions", CAMPAIGN,
                withSms(json(shown), "Second: {{brandName}}. STOP to end"));
        int v2 = json(second).get("version").asInt();
        assertThat(v2).isEqualTo(v1 + 1);
        call("POST /v1/templates/{campaignId}/activate", CAMPAIGN, "{\"version\":" + v2 + "}");
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(nextSms()).isEqualTo("Second: Demo Shop. STOP to end");

        APIGatewayV2HTTPResponse rolledBack = call("POST /v1/templates/{campaignId}/rollback", CAMPAIGN, null);
        assertThat(rolledBack.getStatusCode()).as(rolledBack.getBody()).isEqualTo(200);
        assertThat(json(rolledBack).get("active").asInt()).isEqualTo(v1);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(nextSms()).startsWith("Demo Shop misses you, ");

        JsonNode listed = json(call("GET /v1/templates", null, null));
        List<String> campaigns = new ArrayList<>();
        listed.get("campaigns").forEach(c -> campaigns.add(c.get("campaignId").asText() + " " + c.get("source").asText()
                + " " + c.get("active").asText()));
        assertThat(campaigns).contains(CAMPAIGN + " stored " + v1, "lapse-new-products shipped 0");

        assertThat(call("POST /v1/templates/{campaignId}/activate", CAMPAIGN, "{\"version\":0}").getStatusCode()).isEqualTo(200);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(nextSms()).as("version 0: the shipped template again").isEqualTo(shippedSms);
    }

    private record CapturingSms(List<OutboundMessage> sent) implements ChannelSender {
        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            sent.add(message);
            return new SendResult.Accepted("sns-" + sent.size(), false);
        }
    }
}
