package dev.winback.adapters.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.testing.Messages;
import dev.winback.adapters.testing.StubHttpServer;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.delivery.SendResult.FailureKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SES sender through the real SDK client against a scripted local HTTP server. */
class SesEmailSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = "Shop <news@shop.example>";
    private static final String TO = "ana@example.com";

    private final StubHttpServer server = new StubHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A client as production builds it (timeouts generous enough for a cold test JVM). */
    private static SesV2Client client(URI endpoint, AwsCredentialsProvider credentials) {
        return client(endpoint, credentials, Duration.ofSeconds(5));
    }

    private static SesV2Client client(URI endpoint, AwsCredentialsProvider credentials, Duration attemptTimeout) {
        return SesV2Client.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)).build())
                .overrideConfiguration(c -> SesEmailSender.clientSettings(c)
                        .apiCallAttemptTimeout(attemptTimeout).apiCallTimeout(attemptTimeout.plusMillis(200)))
                .build();
    }

    private SesEmailSender sender() {
        return new SesEmailSender(client(server.uri(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))), FROM, "winback-mail");
    }

    @Test
    void send_marketing_sendsBothPartsTagAndConfigurationSetAndExactlyTheOneClickHeaders() throws Exception {
        server.replyWith(200, "application/json", "{\"MessageId\":\"ses-0001\"}", Map.of());

        SendResult result = sender().send(Messages.marketingEmail("m-7f3a", TO));

        assertThat(result).isEqualTo(new SendResult.Accepted("ses-0001", true));
        StubHttpServer.Received request = server.received.get(0);
        assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("FromEmailAddress").asText()).isEqualTo(FROM);
        assertThat(body.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo(TO);
        assertThat(body.path("ConfigurationSetName").asText()).isEqualTo("winback-mail");
        assertThat(body.path("EmailTags")).hasSize(1);
        assertThat(body.path("EmailTags").get(0).path("Name").asText()).isEqualTo("winback-message-id");
        assertThat(body.path("EmailTags").get(0).path("Value").asText()).isEqualTo("m-7f3a");
        JsonNode simple = body.path("Content").path("Simple");
        assertThat(simple.path("Subject").path("Data").asText()).isEqualTo("We miss you, Ana");
        assertThat(simple.path("Body").path("Html").path("Data").asText()).isEqualTo("<p>Hello &amp; welcome back</p>");
        assertThat(simple.path("Body").path("Html").path("Charset").asText()).isEqualTo("UTF-8");
        assertThat(simple.path("Body").path("Text").path("Data").asText()).isEqualTo("Hello & welcome back");
        assertThat(JSON.writeValueAsString(simple.path("Headers"))).isEqualTo(
                "[{\"Name\":\"List-Unsubscribe\",\"Value\":\"<" + Messages.ONE_CLICK + ">\"},"
                        + "{\"Name\":\"List-Unsubscribe-Post\",\"Value\":\"List-Unsubscribe=One-Click\"}]");
    }

    @Test
    void send_transactional_hasNoUnsubscribeHeaders() throws Exception {
        server.replyWith(200, "application/json", "{\"MessageId\":\"ses-0002\"}", Map.of());

        assertThat(sender().send(Messages.transactionalEmail("m-1", TO))).isInstanceOf(SendResult.Accepted.class);

        JsonNode simple = JSON.readTree(server.received.get(0).body()).path("Content").path("Simple");
        assertThat(simple.path("Headers").isMissingNode() || simple.path("Headers").isEmpty()).isTrue();
    }

    @Test
    void send_marketingWithoutUnsubscribeLink_isRejectedWithoutACall() {
        var message = new dev.winback.core.delivery.OutboundMessage("m-2", "c-1", dev.winback.core.event.Channel.EMAIL,
                dev.winback.core.event.Purpose.MARKETING, TO, Messages.content(), java.util.Optional.empty());

        assertThat(sender().send(message)).isInstanceOf(SendResult.Rejected.class);
        assertThat(server.received).isEmpty();
    }

    @Test
    void send_marketingWithAPlainHttpUnsubscribeLink_isRejectedWithoutACall() {
        var message = new dev.winback.core.delivery.OutboundMessage("m-2b", "c-1", dev.winback.core.event.Channel.EMAIL,
                dev.winback.core.event.Purpose.MARKETING, TO, Messages.content(),
                java.util.Optional.of(URI.create("http://links.shop.example/u/abc")));

        assertThat(sender().send(message)).isInstanceOf(SendResult.Rejected.class);
        assertThat(server.received).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | MessageRejected                   | Email address is not verified. The following identities failed the check in region EU-WEST-1: news@shop.example | Rejected  | SENDER_NOT_VERIFIED
            400 | MessageRejected                   | Email address is not verified. The following identities failed the check in region EU-WEST-1: ana@example.com   | Rejected  | INVALID_ADDRESS
            400 | MessageRejected                   | Address is on the account-level suppression list                                                                  | Rejected  | SUPPRESSED_BY_PROVIDER
            400 | MessageRejected                   | Message contains a virus                                                                                          | Rejected  | CONTENT_REJECTED
            400 | MailFromDomainNotVerifiedException | MAIL FROM domain not verified                                                                                    | Rejected  | SENDER_NOT_VERIFIED
            400 | BadRequestException               | Illegal address                                                                                                   | Rejected  | INVALID_ADDRESS
            400 | InvalidParameterValue             | Missing domain                                                                                                    | Rejected  | INVALID_ADDRESS
            400 | BadRequestException               | Invalid tag name                                                                                                  | Rejected  | OTHER
            400 | AccountSuspendedException         | Account suspended                                                                                                 | Rejected  | OTHER
            404 | NotFoundException                 | Configuration set does not exist                                                                                  | Rejected  | OTHER
            429 | TooManyRequestsException          | Maximum sending rate exceeded                                                                                     | Retryable |
            400 | LimitExceededException            | Daily message quota exceeded                                                                                      | Retryable |
            400 | SendingPausedException            | Sending paused                                                                                                    | Retryable |
            503 | ServiceUnavailable                | Service unavailable                                                                                               | Retryable |
            500 | InternalServiceErrorException     | Internal failure                                                                                                  | Unknown   |
            """)
    void send_providerErrors_mapToOutcomes(int status, String type, String message, String outcome, FailureKind kind) {
        server.replyWith(status, "application/json", "{\"message\":\"" + message + "\"}", Map.of("x-amzn-ErrorType", type));

        SendResult result = sender().send(Messages.marketingEmail("m-3", TO));

        assertThat(result.getClass().getSimpleName()).isEqualTo(outcome);
        if (result instanceof SendResult.Rejected rejected) assertThat(rejected.kind()).isEqualTo(kind);
        assertThat(result.toString()).as("reasons never repeat addresses")
                .doesNotContain("ana@example.com").doesNotContain("news@shop.example");
    }

    @Test
    void send_responseTooLate_isUnknownAndNotRetriedBySdk() {
        SesEmailSender sender = new SesEmailSender(client(server.uri(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), Duration.ofMillis(500)),
                FROM, "winback-mail");
        // Warm the client up first, so that only the late answer can exceed the short timeout.
        server.replyWith(200, "application/json", "{\"MessageId\":\"warm\"}", Map.of());
        assertThat(sender.send(Messages.marketingEmail("m-4a", TO))).isInstanceOf(SendResult.Accepted.class);
        server.received.clear();
        server.reply((exchange, request) -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StubHttpServer.respond(exchange, 200, "application/json", "{\"MessageId\":\"late\"}", Map.of());
        });

        SendResult result = sender.send(Messages.marketingEmail("m-4", TO));

        assertThat(result).isInstanceOf(SendResult.Unknown.class);
        assertThat(server.received).hasSize(1);
    }

    @Test
    void send_connectionRefused_isRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SesEmailSender sender = new SesEmailSender(client(URI.create("http://127.0.0.1:" + closedPort),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))), FROM, "winback-mail");

        assertThat(sender.send(Messages.marketingEmail("m-5", TO))).isInstanceOf(SendResult.Retryable.class);
    }

    @Test
    void send_failureBeforeTheRequestLeaves_isRetryable() {
        AwsCredentialsProvider broken = () -> {
            throw SdkClientException.create("no credentials");
        };
        SesEmailSender sender = new SesEmailSender(client(server.uri(), broken), FROM, "winback-mail");

        assertThat(sender.send(Messages.marketingEmail("m-6", TO))).isInstanceOf(SendResult.Retryable.class);
        assertThat(server.received).isEmpty();
    }

    @Test
    void send_clientWithoutTracker_treatsAmbiguousFailuresAsUnknown() {
        AwsCredentialsProvider broken = () -> {
            throw SdkClientException.create("no credentials");
        };
        SesV2Client untracked = SesV2Client.builder().endpointOverride(server.uri()).region(Region.EU_WEST_1)
                .credentialsProvider(broken).httpClient(UrlConnectionHttpClient.create()).build();

        assertThat(new SesEmailSender(untracked, FROM, "winback-mail").send(Messages.marketingEmail("m-7", TO)))
                .isInstanceOf(SendResult.Unknown.class);
    }

    @Test
    void send_messageIdThatIsNoValidTag_isRejectedWithoutACall() {
        assertThat(sender().send(Messages.marketingEmail("m 8/ä", TO))).isInstanceOf(SendResult.Rejected.class);
        assertThat(server.received).isEmpty();
    }
}
