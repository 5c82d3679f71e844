package dev.winback.adapters.http;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The webhook secret from Secrets Manager, read on first use and then kept for the execution
 * environment (not at start-up, so a SnapStart snapshot never holds it). A failed read is retried on
 * the next use. Secrets Manager rather than Parameter Store because the delivery functions already
 * read the link key from it: the SSM SDK module alone was about 5 MB of their artifact.
 */
public final class SecretsManagerWebhookSecret implements Supplier<WebhookSecret> {

    private final Supplier<SecretsManagerClient> secretsManager;
    private final String secretId;
    private volatile WebhookSecret secret;

    /** @param secretsManager the client, built on first use (most executions never sign a webhook) */
    public SecretsManagerWebhookSecret(Supplier<SecretsManagerClient> secretsManager, String secretId) {
        this.secretsManager = Objects.requireNonNull(secretsManager, "secretsManager");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    @Override
    public WebhookSecret get() {
        WebhookSecret known = secret;
        if (known == null) {
            synchronized (this) {
                known = secret;
                if (known == null) {
                    String value = secretsManager.get().getSecretValue(b -> b.secretId(secretId)).secretString();
                    if (value == null) throw new IllegalStateException("the webhook secret has no string value");
                    known = WebhookSecret.of(value);
                    secret = known;
                }
            }
        }
        return known;
    }

    @Override
    public String toString() {
        return "SecretsManagerWebhookSecret[" + secretId + "]";
    }
}
