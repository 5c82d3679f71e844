package dev.winback.adapters.http;

import software.amazon.awssdk.services.ssm.SsmClient;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The webhook secret from an SSM SecureString parameter, read on first use and then kept for the
 * execution environment (not at start-up, so a SnapStart snapshot never holds it). A failed read is
 * retried on the next use.
 */
public final class ParameterStoreSecret implements Supplier<WebhookSecret> {

    private final Supplier<SsmClient> ssm;
    private final String parameterName;
    private volatile WebhookSecret secret;

    /** @param ssm the client, built on first use (most executions never sign a webhook) */
    public ParameterStoreSecret(Supplier<SsmClient> ssm, String parameterName) {
        this.ssm = Objects.requireNonNull(ssm, "ssm");
        this.parameterName = Objects.requireNonNull(parameterName, "parameterName");
    }

    @Override
    public WebhookSecret get() {
        WebhookSecret known = secret;
        if (known == null) {
            synchronized (this) {
                known = secret;
                if (known == null) {
                    String value = ssm.get().getParameter(b -> b.name(parameterName).withDecryption(true)).parameter().value();
                    known = WebhookSecret.of(value);
                    secret = known;
                }
            }
        }
        return known;
    }

    @Override
    public String toString() {
        return "ParameterStoreSecret[" + parameterName + "]";
    }
}
