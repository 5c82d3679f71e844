package dev.winback.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.testing.Messages;
import dev.winback.adapters.testing.StubHttpServer;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook channel against a real HTTP server on the loopback interface that checks signatures as a receiver would. */
class WebhookSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec-0123456789abcdef-test-only";
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    private final StubHttpServer server = new StubHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private WebhookSender sender(URI url) {
        return sender(url, Duration.ofSeconds(5));
    }

    private WebhookSender sender(URI url, Duration readTimeout) {
        return sender(url, readTimeout, false);
    }

    private WebhookSender sender(URI url, Duration readTimeout, boolean honoursIdempotencyKey) {
        return new WebhookSender(url, WebhookSecret.of(SECRET), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(2), readTimeout, false, honoursIdempotencyKey);
    }

    /** What a receiver does: recompute the HMAC over timestamp "." body and compare in constant time. */
    private static boolean signatureValid(StubHttpServer.Received request) throws Exception {
        String timestamp = request.header(WebhookSender.TIMESTAMP_HEADER);
        String signature = request.header(WebhookSender.SIGNATURE_HEADER);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void send_postsSignedJsonThatTheReceiverVerifies_andReadsTheProvidersId() throws Exception {
        server.reply((exchange, request) -> {
            boolean valid;
            try {
                valid = signatureValid(request);
            } catch (Exception e) {
                valid = false;
            }
            StubHttpServer.respond(exchange, valid ? 202 : 401, "application/json",
                    valid ? "{\"status\":\"queued\",\"id\":\"wamid.HBgL\"}" : "{}", Map.of());
        });

        SendResult result = sender(server.uri().resolve("/v1/messages")).send(Messages.on(Channel.WEBHOOK, "m-9", "+436641234567"));

        assertThat(result).isEqualTo(new SendResult.Accepted("wamid.HBgL", false));
        StubHttpServer.Received request = server.received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header(WebhookSender.TIMESTAMP_HEADER)).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.header(WebhookSender.IDEMPOTENCY_HEADER)).isEqualTo("m-9");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("messageId").asText()).isEqualTo("m-9");
        assertThat(body.path("recipient").asText()).isEqualTo("+436641234567");
        assertThat(body.path("purpose").asText()).isEqualTo("marketing");
        assertThat(body.path("text").asText()).isEqualTo("Hello & welcome back");
        assertThat(body.path("data").path("campaignId").asText()).isEqualTo("lapsed-any-channel");
        assertThat(body.has("customerId")).isFalse();
    }

    @Test
    void send_withTheWrongSecret_failsTheReceiversCheck() throws Exception {
        server.replyWith(200, "application/json", "{}", Map.of());
        WebhookSender wrong = new WebhookSender(server.uri(), WebhookSecret.of("another-secret-of-16-bytes"),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(500), Duration.ofMillis(500), false, false);

        wrong.send(Messages.on(Channel.WEBHOOK, "m-10", "+436641234567"));

        assertThat(signatureValid(server.received.get(0))).isFalse();
    }

    @Test
    void send_2xxWithoutAnId_isAcceptedUnderWinbacksId() {
        server.replyWith(204, "application/json", "", Map.of());

        assertThat(sender(server.uri()).send(Messages.on(Channel.WEBHOOK, "m-11", "+436641234567")))
                .isEqualTo(new SendResult.Accepted("m-11", false));
    }

    /** A server error after the request was read may come after the message went out: unknown, never resent. */
    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"400, Rejected", "401, Rejected", "404, Rejected", "422, Rejected", "408, Retryable",
            "429, Retryable", "500, Unknown", "502, Unknown", "504, Unknown", "503, Retryable", "302, Rejected"})
    void send_statuses_mapToOutcomes(int status, String outcome) {
        server.replyWith(status, "application/json", "{\"error\":\"x\"}", Map.of("Location", "https://elsewhere.example/"));

        SendResult result = sender(server.uri()).send(Messages.on(Channel.WEBHOOK, "m-12", "+436641234567"));

        assertThat(result.getClass().getSimpleName()).isEqualTo(outcome);
        assertThat(server.received).hasSize(1);
    }

    /** A receiver that drops repeats of an Idempotency-Key makes a retry after a server error harmless. */
    @ParameterizedTest(name = "HTTP {0} to an idempotent receiver -> Retryable")
    @CsvSource({"500", "502", "504"})
    void send_serverErrorFromAReceiverHonouringIdempotencyKey_isRetryable(int status) {
        server.replyWith(status, "application/json", "{}", Map.of());

        assertThat(sender(server.uri(), Duration.ofSeconds(5), true).send(Messages.on(Channel.WEBHOOK, "m-16",
                "+436641234567"))).isInstanceOf(SendResult.Retryable.class);
    }

    @Test
    void send_answerAfterTheReadTimeout_isUnknown() {
        server.reply((exchange, request) -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StubHttpServer.respond(exchange, 200, "application/json", "{}", Map.of());
        });

        assertThat(sender(server.uri(), Duration.ofMillis(500)).send(Messages.on(Channel.WEBHOOK, "m-13", "+436641234567")))
                .isInstanceOf(SendResult.Unknown.class);
    }

    @Test
    void send_nobodyListening_isRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(sender(URI.create("http://127.0.0.1:" + closedPort + "/hook"))
                .send(Messages.on(Channel.WEBHOOK, "m-14", "+436641234567"))).isInstanceOf(SendResult.Retryable.class);
    }

    @Test
    void construction_refusesPlainHttpToOtherHosts_andNeverPrintsTheSecret() {
        assertThatThrownBy(() -> sender(URI.create("http://cpaas.example/hook")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        WebhookSender sender = sender(URI.create("https://cpaas.example/hook"));
        assertThat(sender.toString()).doesNotContain(SECRET);
        assertThat(WebhookSecret.of(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void send_whenTheSecretCannotBeRead_isRetryableAndSendsNothing() {
        WebhookSender sender = new WebhookSender(server.uri(), () -> {
            throw new IllegalStateException("parameter store unavailable");
        }, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(500), Duration.ofMillis(500), false, false);

        assertThat(sender.send(Messages.on(Channel.WEBHOOK, "m-15", "+436641234567"))).isInstanceOf(SendResult.Retryable.class);
        assertThat(server.received).isEmpty();
    }
}
