package dev.winback.adapters.http;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The webhook secret from a SecureString parameter in the moto emulator (skipped without WINBACK_MOTO_ENDPOINT). */
class ParameterStoreSecretIT {

    private static String endpoint;

    @BeforeAll
    static void emulator() {
        endpoint = System.getenv("WINBACK_MOTO_ENDPOINT");
        assumeTrue(endpoint != null && !endpoint.isBlank(), "WINBACK_MOTO_ENDPOINT is not set");
    }

    @Test
    void get_readsTheDecryptedSecureStringOnce() {
        try (SsmClient ssm = SsmClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String name = "/winback/" + UUID.randomUUID() + "/webhook-secret";
            ssm.putParameter(b -> b.name(name).type(ParameterType.SECURE_STRING).value("whsec-0123456789abcdef"));
            AtomicInteger builds = new AtomicInteger();
            ParameterStoreSecret secret = new ParameterStoreSecret(() -> {
                builds.incrementAndGet();
                return ssm;
            }, name);

            assertThat(secret.get()).isEqualTo(WebhookSecret.of("whsec-0123456789abcdef"));
            assertThat(secret.get()).isSameAs(secret.get());
            assertThat(builds).hasValue(1);
            assertThat(secret.toString()).doesNotContain("whsec");
        }
    }
}
