package dev.winback.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.links.KeyMaterial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the link secret's current value as a key ring. Two forms:
 * <ul>
 *   <li>a plain string or binary of at least 32 bytes: one key, of id {@link KeyMaterial#LEGACY_ID};</li>
 *   <li>JSON {@code {"current": "k2", "keys": {"0": "...", "k2": "..."}, "retired": ["0"]}}: keys by
 *       id (each at least 32 bytes as UTF-8), the one that signs new links and writes new hashes, and
 *       optionally the older ones whose links are no longer accepted. To rotate, add a key and make
 *       it current; once links under the old one should stop working (they live two years), retire
 *       it rather than remove it: erasure tombstones and the SMS suppression list are keyed hashes
 *       that only the key that wrote them can match. Moving from a plain secret, keep it under id
 *       {@code "0"}.</li>
 * </ul>
 */
final class SecretsManagerSecret {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretsManagerSecret() {
    }

    static KeyMaterial.Ring read(AwsClients clients, String secretId) {
        var response = clients.secretsManager().getSecretValue(b -> b.secretId(secretId));
        if (response.secretBinary() != null) return KeyMaterial.Ring.single(response.secretBinary().asByteArray());
        String text = response.secretString();
        if (text == null) throw new IllegalStateException("the link secret has no value");
        return ring(text);
    }

    static KeyMaterial.Ring ring(String text) {
        if (!text.stripLeading().startsWith("{")) return KeyMaterial.Ring.single(text.getBytes(StandardCharsets.UTF_8));
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            // The message of a parse error may quote the secret: never pass it on.
            throw new IllegalStateException("the link secret is not valid JSON");
        }
        JsonNode current = root.path("current");
        JsonNode keys = root.path("keys");
        if (!current.isTextual() || !keys.isObject() || keys.isEmpty()) {
            throw new IllegalStateException("the link secret must name its \"current\" key and hold \"keys\" by id");
        }
        JsonNode retiredIds = root.path("retired");
        if (!retiredIds.isMissingNode() && !retiredIds.isArray()) {
            throw new IllegalStateException("\"retired\" lists key ids");
        }
        Set<String> retired = new LinkedHashSet<>();
        retiredIds.forEach(id -> retired.add(id.asText()));
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> key : keys.properties()) {
            if (!key.getValue().isTextual()) throw new IllegalStateException("each link secret key is a string");
            secrets.put(key.getKey(), key.getValue().textValue().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new KeyMaterial.Ring(current.textValue(), secrets, retired);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the link secret is not usable: " + e.getMessage());
        }
    }
}
