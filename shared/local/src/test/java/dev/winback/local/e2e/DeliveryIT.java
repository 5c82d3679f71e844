package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.core.delivery.Attempt;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Purpose;
import dev.winback.adapters.sns.SnsPushSender;
import dev.winback.adapters.sns.SnsSmsSender;
import dev.winback.functions.api.HttpApiHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push to SMS fallback and exactly-once sends through the real handlers, with state in DynamoDB
 * Local and SNS on the moto emulator (skipped without WINBACK_MOTO_ENDPOINT).
 */
class DeliveryIT {

    /** 14:00 in New York: outside quiet hours. */
    static final Instant AFTERNOON = Instant.parse("2026-11-23T19:00:00Z");

    static ProviderLog provider;
    static SnsClient sns;
    static String application;
    DeliveryFixture f;

    @BeforeAll
    static void emulator() {
        String endpoint = MotoEndpoint.require();
        provider = new ProviderLog();
        sns = MotoSns.client(endpoint, provider);
        application = MotoSns.platformApplication(sns);
    }

    @AfterAll
    static void close() {
        if (sns != null) sns.close();
    }

    @BeforeEach
    void fixture() {
        provider.clear();
        // Push here is an app that reports deliveries, so it waits for receipts.
        f = new DeliveryFixture(AFTERNOON, sns, true);
    }

    @Test
    void aDisabledPushEndpointFallsBackToSmsAtOnce() {
        f.customer("dlv-1", MotoSns.pushEndpoint(sns, application, false), "America/New_York");
        DeliveryRequest request = f.request("dlv-1", "s1", Purpose.MARKETING, List.of(Channel.PUSH, Channel.SMS));

        assertThat(f.deliver(List.of(request))).isEmpty();

        LedgerEntry entry = f.entry(request);
        assertThat(entry.status()).isEqualTo(LedgerStatus.SENT);
        assertThat(entry.attempts()).extracting(Attempt::channel, Attempt::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Channel.PUSH, Attempt.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple(Channel.SMS, Attempt.Status.SENT));
        assertThat(entry.decisions()).anyMatch(d -> d.reason() == MessageDecision.Reason.ENDPOINT_DISABLED);
        assertThat(provider.taken()).containsExactly(new ProviderLog.Taken(request.key().messageId(2), true));
        assertThat(f.table.store().find("dlv-1").record().channel(Channel.SMS).sends()).isEqualTo(1);
    }

    @Test
    void noReceiptByTheDeadlineFallsBackToSmsOnTheTimer() {
        f.customer("dlv-2", MotoSns.pushEndpoint(sns, application, true), "America/New_York");
        DeliveryRequest request = f.request("dlv-2", "s1", Purpose.MARKETING, List.of(Channel.PUSH, Channel.SMS));
        f.deliver(List.of(request));
        assertThat(provider.taken()).containsExactly(new ProviderLog.Taken(request.key().messageId(1), false));

        f.clock.advance(Duration.ofHours(3));
        f.tick();
        assertThat(provider.taken()).hasSize(1);
        f.clock.advance(Duration.ofHours(1));
        f.tick();

        assertThat(provider.taken()).containsExactly(new ProviderLog.Taken(request.key().messageId(1), false),
                new ProviderLog.Taken(request.key().messageId(2), true));
        assertThat(f.entry(request).decisions()).extracting(MessageDecision::kind)
                .containsSubsequence(MessageDecision.Kind.SENT, MessageDecision.Kind.FELL_BACK, MessageDecision.Kind.SENT);

        // A receipt for the push after the fallback is recorded and changes nothing else.
        f.ingest(List.of(f.event("dlv-2", new EventPayload.MessageFeedback(MessageFeedbackKind.DELIVERED,
                request.key().messageId(1), Channel.PUSH))));
        f.clock.advance(Duration.ofDays(1));
        f.tick();
        assertThat(provider.taken()).hasSize(2);
        assertThat(f.entry(request).decisions()).extracting(MessageDecision::kind).contains(MessageDecision.Kind.LATE_RECEIPT);
    }

    @Test
    void aReceiptInTimeMeansNoFallback() {
        f.customer("dlv-3", MotoSns.pushEndpoint(sns, application, true), "America/New_York");
        DeliveryRequest request = f.request("dlv-3", "s1", Purpose.MARKETING, List.of(Channel.PUSH, Channel.SMS));
        f.deliver(List.of(request));
        f.clock.advance(Duration.ofMinutes(10));
        f.ingest(List.of(f.event("dlv-3", new EventPayload.MessageFeedback(MessageFeedbackKind.DELIVERED,
                request.key().messageId(1), Channel.PUSH))));

        f.clock.advance(Duration.ofHours(5));
        f.tick();

        assertThat(provider.taken()).containsExactly(new ProviderLog.Taken(request.key().messageId(1), false));
        LedgerEntry entry = f.entry(request);
        assertThat(entry.timer()).isEmpty();
        assertThat(entry.attempts().getFirst().receiptAt()).isPresent();
    }

    @Test
    void duplicateAndRedeliveredRequestsSendOnce() {
        f.customer("dlv-4", MotoSns.pushEndpoint(sns, application, true), "America/New_York");
        DeliveryRequest request = f.request("dlv-4", "s1", Purpose.TRANSACTIONAL, List.of(Channel.SMS));

        assertThat(f.deliver(List.of(request, request, request))).isEmpty();
        assertThat(f.deliver(List.of(request))).isEmpty();

        assertThat(provider.taken()).hasSize(1);
    }

    @Test
    void marketingSmsWaitsForTheMorningInTheCustomersZone() {
        f.clock.set(Instant.parse("2026-11-24T04:30:00Z")); // 20:30 in Los Angeles, 23:30 in New York
        f.customer("dlv-5", MotoSns.pushEndpoint(sns, application, true), "America/New_York");
        f.customer("dlv-6", MotoSns.pushEndpoint(sns, application, true), "America/Los_Angeles");
        DeliveryRequest ny = f.request("dlv-5", "s1", Purpose.MARKETING, List.of(Channel.SMS));
        DeliveryRequest la = f.request("dlv-6", "s1", Purpose.MARKETING, List.of(Channel.SMS));

        f.deliver(List.of(ny, la));

        assertThat(provider.taken()).extracting(ProviderLog.Taken::messageId).containsExactly(la.key().messageId(1));
        assertThat(f.entry(ny).timer()).contains(Instant.parse("2026-11-24T13:00:00Z"));
        f.clock.set(Instant.parse("2026-11-24T13:00:00Z"));
        f.tick();
        assertThat(provider.taken()).extracting(ProviderLog.Taken::messageId)
                .containsExactly(la.key().messageId(1), ny.key().messageId(1));
    }

    @Test
    void theMessagesRouteListsDecisions() throws Exception {
        f.customer("dlv-7", MotoSns.pushEndpoint(sns, application, false), "America/New_York");
        f.deliver(List.of(f.request("dlv-7", "s1", Purpose.MARKETING, List.of(Channel.PUSH, Channel.SMS))));
        HttpApiHandler api = new HttpApiHandler(IngestFixture.get().config, IngestFixture.get().clients, f.clock);
        APIGatewayV2HTTPEvent get = new APIGatewayV2HTTPEvent();
        get.setRouteKey("GET /v1/customers/{customerId}/messages");
        get.setPathParameters(Map.of("customerId", "dlv-7"));

        APIGatewayV2HTTPResponse response = api.handleRequest(get, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        JsonNode message = body.path("messages").get(0);
        assertThat(message.path("status").asText()).isEqualTo("sent");
        assertThat(message.path("decisions").findValuesAsText("reason")).contains("endpoint_disabled", "accepted");
        assertThat(response.getBody()).doesNotContain("+1555");
    }

    /**
     * A STOP-like withdrawal written between the record read and the claim (the window a worker
     * races in) stops the send: the record is read again after the claim.
     */
    @Test
    void aWithdrawalWrittenBetweenTheRecordReadAndTheClaimStopsTheSend() {
        SteppedLedger[] ledger = new SteppedLedger[1];
        DeliveryFixture racing = new DeliveryFixture(AFTERNOON, List.of(new SnsSmsSender(sns), new SnsPushSender(sns)),
                table -> ledger[0] = new SteppedLedger(table));
        racing.customer("dlv-8", MotoSns.pushEndpoint(sns, application, true), "America/New_York");
        boolean[] withdrawn = new boolean[1];
        ledger[0].beforeClaim(claim -> {
            if (withdrawn[0]) return;
            withdrawn[0] = true;
            racing.ingest(List.of(racing.event("dlv-8",
                    new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, false, "sms-stop", "v1"))));
        });
        DeliveryRequest request = racing.request("dlv-8", "s1", Purpose.MARKETING, List.of(Channel.SMS));

        assertThat(racing.deliver(List.of(request))).isEmpty();

        assertThat(withdrawn[0]).isTrue();
        assertThat(provider.taken()).isEmpty();
        LedgerEntry entry = racing.entry(request);
        assertThat(entry.status()).isEqualTo(LedgerStatus.SKIPPED);
        assertThat(entry.timer()).isEmpty();
        assertThat(entry.decisions()).extracting(MessageDecision::reason)
                .containsSubsequence(MessageDecision.Reason.RECORD_CHANGED, MessageDecision.Reason.CONSENT_WITHDRAWN);
    }

    /** Push from an app that reports no deliveries: no wait, so no second message on SMS hours later. */
    @Test
    void pushWithoutReceiptsConfiguredNeverFallsBack() {
        DeliveryFixture plain = new DeliveryFixture(AFTERNOON, sns);
        plain.customer("dlv-9", MotoSns.pushEndpoint(sns, application, true), "America/New_York");
        DeliveryRequest request = plain.request("dlv-9", "s1", Purpose.MARKETING, List.of(Channel.PUSH, Channel.SMS));

        plain.deliver(List.of(request));
        assertThat(plain.entry(request).timer()).isEmpty();
        plain.clock.advance(Duration.ofHours(5));
        plain.tick();

        assertThat(provider.taken()).containsExactly(new ProviderLog.Taken(request.key().messageId(1), false));
        assertThat(plain.entry(request).status()).isEqualTo(LedgerStatus.SENT);
    }
}
