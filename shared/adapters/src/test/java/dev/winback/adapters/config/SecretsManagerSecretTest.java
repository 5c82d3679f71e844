package dev.winback.adapters.config;

import dev.winback.core.links.KeyMaterial;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsManagerSecretTest {

    private static final String K1 = "first-deployment-secret-of-32-bytes-or-more";
    private static final String K2 = "second-deployment-secret-of-32-bytes-or-more";

    @Test
    void ring_whenThePlainSecret_isOneLegacyKey() {
        KeyMaterial.Ring ring = SecretsManagerSecret.ring(K1);

        assertThat(ring.currentId()).isEqualTo(KeyMaterial.LEGACY_ID);
        assertThat(ring.secrets().get(KeyMaterial.LEGACY_ID)).isEqualTo(K1.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ring_whenKeysById_namesTheCurrentOne() {
        KeyMaterial.Ring ring = SecretsManagerSecret.ring(
                "{\"current\": \"k2\", \"keys\": {\"0\": \"" + K1 + "\", \"k2\": \"" + K2 + "\"}}");

        assertThat(ring.currentId()).isEqualTo("k2");
        assertThat(ring.secrets()).containsOnlyKeys("0", "k2");
        assertThat(ring.retired()).isEmpty();
        assertThat(SecretsManagerSecret.ring("{\"current\": \"k2\", \"keys\": {\"0\": \"" + K1 + "\", \"k2\": \""
                + K2 + "\"}, \"retired\": [\"0\"]}").retired()).containsExactly("0");
    }

    @Test
    void ring_whenMalformed_failsWithoutQuotingTheSecret() {
        for (String bad : new String[]{"{\"current\": \"k3\", \"keys\": {\"k2\": \"" + K2 + "\"}}",
                "{\"current\": \"k2\", \"keys\": {\"k2\": \"short\"}}", "{\"keys\": {}}", "{not json " + K2}) {
            assertThatThrownBy(() -> SecretsManagerSecret.ring(bad)).isInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(K2).doesNotContain("short"));
        }
    }
}
