package dev.winback.adapters.config;

import dev.winback.adapters.http.SecretsManagerWebhookSecret;
import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.adapters.http.WebhookSender;
import dev.winback.adapters.ses.SesEmailSender;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.event.Channel;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The senders of the channels built here (email, webhook, in-app) from configuration; a channel that
 * is not configured is absent. The SMS and push senders join this map where the delivery function
 * composes its channels. Building them makes no network call (clients and secrets are lazy).
 */
public final class ChannelSenders {

    static final Duration WEBHOOK_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration WEBHOOK_READ_TIMEOUT = Duration.ofSeconds(5);

    private ChannelSenders() {
    }

    public static Map<Channel, ChannelSender> of(ChannelsConfig config, String tableName, AwsClients clients,
                                                 CapacityMeter meter, Clock clock) {
        Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
        config.email().ifPresent(email -> senders.put(Channel.EMAIL,
                new SesEmailSender(clients.sesV2(), email.fromAddress(), email.configurationSet())));
        config.webhook().ifPresent(webhook -> senders.put(Channel.WEBHOOK, new WebhookSender(webhook.url(),
                new SecretsManagerWebhookSecret(clients::secretsManager, webhook.secretId()), clock, WEBHOOK_CONNECT_TIMEOUT,
                WEBHOOK_READ_TIMEOUT, webhook.receiptsExpected(), webhook.honoursIdempotencyKey())));
        senders.put(Channel.IN_APP, new DynamoDbInbox(clients.dynamoDb(), tableName, meter, clock, config.inboxTtl()));
        return senders;
    }
}
