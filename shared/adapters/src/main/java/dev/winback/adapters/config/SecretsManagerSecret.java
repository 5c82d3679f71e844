package dev.winback.adapters.config;

import java.nio.charset.StandardCharsets;

/** Reads a secret's current value: the string as UTF-8 bytes, or the binary as it is. */
final class SecretsManagerSecret {

    private SecretsManagerSecret() {
    }

    static byte[] read(AwsClients clients, String secretId) {
        var response = clients.secretsManager().getSecretValue(b -> b.secretId(secretId));
        if (response.secretBinary() != null) return response.secretBinary().asByteArray();
        String text = response.secretString();
        if (text == null) throw new IllegalStateException("the link secret has no value");
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
