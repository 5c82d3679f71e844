package dev.winback.adapters.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.testing.Messages;
import dev.winback.core.delivery.SendResult;
import org.junit.jupiter.api.AfterAll;
import dev.winback.adapters.testing.MotoEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SES sender through the real SES v2 client against the moto emulator (scripts/test starts it
 * and sets WINBACK_MOTO_ENDPOINT; without it these tests are skipped). moto keeps sent simple
 * messages (sender, recipients, subject, body) in its store ({@code /moto-api/data.json}) but not
 * their headers or tags, so those are read from the request as the SDK sent it to the emulator.
 */
class SesEmailSenderIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String endpoint;
    private static SesV2Client ses;
    private static final List<byte[]> sentBodies = new CopyOnWriteArrayList<>();

    /** Records each request body as it leaves for the emulator. */
    private static final ExecutionInterceptor WIRE = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            context.requestBody().ifPresent(body -> {
                try (InputStream in = body.contentStreamProvider().newStream()) {
                    sentBodies.add(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    };

    @BeforeAll
    static void emulator() {
        endpoint = MotoEndpoint.require();
        ses = SesV2Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> SesEmailSender.clientSettings(c).addExecutionInterceptor(WIRE))
                .build();
    }

    @AfterAll
    static void close() {
        if (ses != null) ses.close();
    }

    @Test
    void send_fromAVerifiedSender_isInTheEmulatorsStoreWithHeadersAndTagOnTheWire() throws Exception {
        String sender = "news-" + UUID.randomUUID() + "@shop.example";
        ses.createEmailIdentity(b -> b.emailIdentity(sender));
        String configurationSet = "winback-" + UUID.randomUUID();
        ses.createConfigurationSet(b -> b.configurationSetName(configurationSet));
        sentBodies.clear();

        SendResult result = new SesEmailSender(ses, sender, configurationSet)
                .send(Messages.marketingEmail("m-it-1", "ana@example.com"));

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        String providerId = ((SendResult.Accepted) result).providerMessageId();
        JsonNode stored = storedMessage(providerId);
        assertThat(stored.path("source").asText()).isEqualTo(sender);
        assertThat(stored.path("subject").asText()).isEqualTo("We miss you, Ana");
        assertThat(stored.path("destinations").path("ToAddresses").get(0).asText()).isEqualTo("ana@example.com");

        JsonNode wire = JSON.readTree(sentBodies.get(sentBodies.size() - 1));
        assertThat(wire.path("ConfigurationSetName").asText()).isEqualTo(configurationSet);
        assertThat(wire.path("EmailTags").get(0).path("Name").asText()).isEqualTo(SesEmailSender.MESSAGE_ID_TAG);
        assertThat(wire.path("EmailTags").get(0).path("Value").asText()).isEqualTo("m-it-1");
        JsonNode headers = wire.path("Content").path("Simple").path("Headers");
        assertThat(headers).hasSize(2);
        assertThat(headers.get(0).path("Name").asText()).isEqualTo("List-Unsubscribe");
        assertThat(headers.get(0).path("Value").asText()).isEqualTo("<" + Messages.ONE_CLICK + ">");
        assertThat(headers.get(1).path("Name").asText()).isEqualTo("List-Unsubscribe-Post");
        assertThat(headers.get(1).path("Value").asText()).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void send_fromAnUnverifiedSender_isRejectedAsSenderNotVerified() {
        String sender = "Shop <unverified-" + UUID.randomUUID() + "@elsewhere.example>";

        SendResult result = new SesEmailSender(ses, sender, "winback-mail")
                .send(Messages.marketingEmail("m-it-2", "ana@example.com"));

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        SendResult.Rejected rejected = (SendResult.Rejected) result;
        assertThat(rejected.kind()).isEqualTo(SendResult.FailureKind.SENDER_NOT_VERIFIED);
        assertThat(rejected.reason()).contains("not verified").doesNotContain("elsewhere.example");
    }

    @Test
    void send_toAnInvalidAddress_isRejectedAsInvalidAddress() {
        String sender = "news-" + UUID.randomUUID() + "@shop.example";
        ses.createEmailIdentity(b -> b.emailIdentity(sender));

        SendResult result = new SesEmailSender(ses, sender, "winback-mail")
                .send(Messages.marketingEmail("m-it-3", "not-an-address"));

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        assertThat(((SendResult.Rejected) result).kind()).isEqualTo(SendResult.FailureKind.INVALID_ADDRESS);
    }

    /** moto's store of model instances, searched for the sent message with this id. */
    private static JsonNode storedMessage(String id) throws Exception {
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/data.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        for (JsonNode message : JSON.readTree(response.body()).path("ses").path("Message")) {
            if (id.equals(message.path("id").asText())) return message;
        }
        throw new AssertionError("message " + id + " is not in the emulator's store");
    }
}
