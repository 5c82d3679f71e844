package dev.winback.adapters.http;

import dev.winback.adapters.testing.MotoEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook secret from a secret in the moto emulator (see MotoEndpoint for when it is skipped). */
class SecretsManagerWebhookSecretIT {

    private static String endpoint;

    @BeforeAll
    static void emulator() {
        endpoint = MotoEndpoint.require();
    }

    @Test
    void get_readsTheSecretOnce_andNeverShowsIt() {
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String name = "winback/" + UUID.randomUUID() + "/webhook-secret";
            secrets.createSecret(b -> b.name(name).secretString("whsec-0123456789abcdef"));
            AtomicInteger builds = new AtomicInteger();
            SecretsManagerWebhookSecret secret = new SecretsManagerWebhookSecret(() -> {
                builds.incrementAndGet();
                return secrets;
            }, name);

            assertThat(secret.get()).isEqualTo(WebhookSecret.of("whsec-0123456789abcdef"));
            assertThat(secret.get()).isSameAs(secret.get());
            assertThat(builds).hasValue(1);
            assertThat(secret.toString()).doesNotContain("whsec");
        }
    }
}
