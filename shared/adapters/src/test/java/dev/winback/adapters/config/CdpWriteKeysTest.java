package dev.winback.adapters.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CdpWriteKeysTest {

    @Test
    void aSourceAcceptsItsOwnKey_only() {
        CdpWriteKeys keys = CdpWriteKeys.of(Map.of("web", "key-of-the-web-source", "app", "key-of-the-app-source"));

        assertThat(keys.accepts("web", Optional.of("key-of-the-web-source"))).isTrue();
        assertThat(keys.accepts("app", Optional.of("key-of-the-web-source"))).as("another source's key").isFalse();
        assertThat(keys.accepts("web", Optional.of("key-of-the-web-sourcE"))).isFalse();
        assertThat(keys.accepts("web", Optional.empty())).isFalse();
        assertThat(keys.accepts("shop", Optional.of("key-of-the-web-source"))).as("an unknown source").isFalse();
    }

    @Test
    void theSecret_isJsonBySource_andKeysShorterThan16CharactersAreRefused() {
        Map<String, byte[]> parsed = CdpWriteKeys.parse("{\"default\":\"0123456789abcdefXYZ\",\"weak\":\"short\",\"n\":5}");

        assertThat(parsed).containsOnlyKeys("default");
        assertThatThrownBy(() -> CdpWriteKeys.parse("{\"default\": \"a-key-that-must-not-leak\""))
                .hasMessageNotContaining("a-key-that-must-not-leak").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CdpWriteKeys.parse("[]")).hasMessageContaining("JSON object");
    }

    @Test
    void theSecret_isReadOnce_andAgainAfterTheRefreshInterval() {
        AtomicInteger reads = new AtomicInteger();
        long[] nanos = {0};
        CdpWriteKeys keys = new CdpWriteKeys(() -> {
            reads.incrementAndGet();
            return CdpWriteKeys.parse("{\"default\":\"0123456789abcdef-" + reads.get() + "\"}");
        }, () -> nanos[0]);

        assertThat(keys.accepts("default", Optional.of("0123456789abcdef-1"))).isTrue();
        assertThat(keys.accepts("default", Optional.of("0123456789abcdef-1"))).isTrue();
        nanos[0] += CdpWriteKeys.REFRESH.toNanos() - 1;
        assertThat(keys.accepts("default", Optional.of("0123456789abcdef-1"))).as("within the refresh").isTrue();
        nanos[0] += 1;
        assertThat(keys.accepts("default", Optional.of("0123456789abcdef-2"))).as("the rotated key").isTrue();
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void theLocalDevelopmentKey_opensEverySource_andNeverInLambda() {
        CdpWriteKeys local = CdpWriteKeys.fromEnvironment(Map.of(), null);

        assertThat(local.accepts("any-source", Optional.of(CdpWriteKeys.LOCAL_DEVELOPMENT_KEY))).isTrue();
        assertThat(local.accepts("any-source", Optional.of("something-else-entirely"))).isFalse();
        assertThat(local.toString()).doesNotContain(CdpWriteKeys.LOCAL_DEVELOPMENT_KEY);
        assertThatThrownBy(() -> CdpWriteKeys.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f"), null))
                .hasMessageContaining(CdpWriteKeys.SECRET_ARN);
    }
}
