package dev.winback.adapters.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelsConfigTest {

    private static Map<String, String> brand() {
        Map<String, String> env = new HashMap<>();
        env.put("WINBACK_BRAND_NAME", "Demo Shop");
        env.put("WINBACK_SHOP_URL", "https://shop.example/");
        return env;
    }

    @Test
    void fromEnvironment_everyChannelConfigured() {
        Map<String, String> env = brand();
        env.put("WINBACK_EMAIL_FROM", "Demo Shop <news@shop.example>");
        env.put("WINBACK_EMAIL_CONFIGURATION_SET", "winback-mail");
        env.put("WINBACK_WEBHOOK_URL", "https://cpaas.example/v1/messages");
        env.put("WINBACK_WEBHOOK_SECRET_ID", "winback/webhook-secret");
        env.put("WINBACK_WEBHOOK_RECEIPTS", "true");
        env.put("WINBACK_WEBHOOK_IDEMPOTENT", "true");
        env.put("WINBACK_PUSH_RECEIPTS", "true");
        env.put("WINBACK_INBOX_TTL_DAYS", "14");

        ChannelsConfig config = ChannelsConfig.fromEnvironment(env);

        assertThat(config.brand().name()).isEqualTo("Demo Shop");
        assertThat(config.email()).contains(new ChannelsConfig.Email("Demo Shop <news@shop.example>", "winback-mail"));
        assertThat(config.webhook()).contains(new ChannelsConfig.Webhook(URI.create("https://cpaas.example/v1/messages"),
                "winback/webhook-secret", true, true));
        assertThat(config.pushReceipts()).isTrue();
        assertThat(config.inboxTtl()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void fromEnvironment_onlyTheBrand_leavesEmailAndWebhookOff() {
        ChannelsConfig config = ChannelsConfig.fromEnvironment(brand());

        assertThat(config.email()).isEmpty();
        assertThat(config.webhook()).isEmpty();
        assertThat(config.pushReceipts()).as("push waits for receipts only when configured").isFalse();
        assertThat(config.inboxTtl()).isEqualTo(ChannelsConfig.DEFAULT_INBOX_TTL);
    }

    @Test
    void fromEnvironment_halfConfiguredChannelsAndBadValues_areAllNamedAtOnce() {
        Map<String, String> env = new HashMap<>();
        env.put("WINBACK_SHOP_URL", "shop.example");
        env.put("WINBACK_EMAIL_CONFIGURATION_SET", "winback-mail");
        env.put("WINBACK_WEBHOOK_URL", "http://cpaas.example/hook");
        env.put("WINBACK_WEBHOOK_RECEIPTS", "yes");
        env.put("WINBACK_WEBHOOK_IDEMPOTENT", "1");
        env.put("WINBACK_PUSH_RECEIPTS", "sometimes");
        env.put("WINBACK_INBOX_TTL_DAYS", "0");

        assertThatThrownBy(() -> ChannelsConfig.fromEnvironment(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WINBACK_BRAND_NAME is missing")
                .hasMessageContaining("WINBACK_SHOP_URL is not an absolute http(s) URL")
                .hasMessageContaining("WINBACK_EMAIL_FROM is missing")
                .hasMessageContaining("WINBACK_WEBHOOK_SECRET_ID is missing")
                .hasMessageContaining("WINBACK_WEBHOOK_URL must use https")
                .hasMessageContaining("WINBACK_WEBHOOK_RECEIPTS must be true or false")
                .hasMessageContaining("WINBACK_WEBHOOK_IDEMPOTENT must be true or false")
                .hasMessageContaining("WINBACK_PUSH_RECEIPTS must be true or false")
                .hasMessageContaining("WINBACK_INBOX_TTL_DAYS");
    }

    @Test
    void fromEnvironment_localWebhookOverPlainHttp_isAllowed() {
        Map<String, String> env = brand();
        env.put("WINBACK_WEBHOOK_URL", "http://localhost:9000/hook");
        env.put("WINBACK_WEBHOOK_SECRET_ID", "winback/webhook-secret");

        assertThat(ChannelsConfig.fromEnvironment(env).webhook()).isPresent();
    }

    @Test
    void fromEnvironment_aWebhookWithoutTheFlags_waitsForNoReceiptsAndRetriesNoServerError() {
        Map<String, String> env = brand();
        env.put("WINBACK_WEBHOOK_URL", "https://cpaas.example/v1/messages");
        env.put("WINBACK_WEBHOOK_SECRET_ID", "winback/webhook-secret");

        ChannelsConfig.Webhook webhook = ChannelsConfig.fromEnvironment(env).webhook().orElseThrow();
        assertThat(webhook.receiptsExpected()).isFalse();
        assertThat(webhook.honoursIdempotencyKey()).isFalse();
    }
}
