package dev.winback.adapters.config;

import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.event.Channel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelSendersTest {

    @Test
    void of_buildsTheConfiguredChannelsOnly_withoutCallingAnything() {
        Map<String, String> env = new HashMap<>(Map.of("WINBACK_BRAND_NAME", "Demo Shop", "WINBACK_SHOP_URL",
                "https://shop.example/"));
        try (AwsClients clients = new AwsClients()) {
            System.setProperty("aws.region", "eu-west-1");
            Map<Channel, ChannelSender> inAppOnly = ChannelSenders.of(ChannelsConfig.fromEnvironment(env), "table",
                    clients, new CapacityMeter(), Clock.systemUTC());
            assertThat(inAppOnly).containsOnlyKeys(Channel.IN_APP);
            assertThat(inAppOnly.get(Channel.IN_APP)).isInstanceOf(DynamoDbInbox.class);

            env.put("WINBACK_EMAIL_FROM", "news@shop.example");
            env.put("WINBACK_EMAIL_CONFIGURATION_SET", "winback-mail");
            env.put("WINBACK_WEBHOOK_URL", "https://cpaas.example/hook");
            env.put("WINBACK_WEBHOOK_SECRET_ID", "winback/webhook-secret");
            Map<Channel, ChannelSender> all = ChannelSenders.of(ChannelsConfig.fromEnvironment(env), "table", clients,
                    new CapacityMeter(), Clock.systemUTC());
            assertThat(all).containsOnlyKeys(Channel.EMAIL, Channel.WEBHOOK, Channel.IN_APP);
            all.forEach((channel, sender) -> assertThat(sender.channel()).isEqualTo(channel));
        } finally {
            System.clearProperty("aws.region");
        }
    }
}
