package dev.winback.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.cache.RefreshTimer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The write keys CDP sources authenticate with, one per source, from a Secrets Manager secret
 * holding {@code {"<source>": "<write key>", ...}} (the template generates one for the source
 * {@code default}; add a source by adding a key). Read on first use and again at most every
 * {@link #REFRESH} of the process's time, so a source added to the secret works within minutes without a deployment.
 * Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, in time independent of
 * where they differ and of their length, and an unknown source costs the same comparison. A key is
 * never logged, and {@link #toString()} names none.
 */
public final class CdpWriteKeys {

    public static final String SECRET_ARN = "WINBACK_CDP_WRITE_KEYS_SECRET_ARN";
    /** Shorter keys are refused: a write key is the only thing guarding its source. */
    public static final int MIN_KEY_LENGTH = 16;
    /** Every source's key in the local runtime and the tests, never in a deployment. */
    public static final String LOCAL_DEVELOPMENT_KEY = "winback-local-development-write-key";
    static final Duration REFRESH = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NO_KEY = digest("no source has this key " + Instant.EPOCH);

    private final Supplier<Map<String, byte[]>> read;
    private final RefreshTimer refresh;
    private volatile Map<String, byte[]> digests;

    /** The key of every source not in the secret: only the local development key, never in a deployment. */
    private final byte[] everyOtherSource;

    CdpWriteKeys(Supplier<Map<String, byte[]>> read, ElapsedTime elapsed) {
        this(read, elapsed, null);
    }

    private CdpWriteKeys(Supplier<Map<String, byte[]>> read, ElapsedTime elapsed, byte[] everyOtherSource) {
        this.read = read;
        this.refresh = new RefreshTimer(REFRESH, elapsed);
        this.everyOtherSource = everyOtherSource;
    }

    /** In Lambda the secret must be named; elsewhere (local runtime, benchmarks) every source takes the local key. */
    public static CdpWriteKeys fromEnvironment(Map<String, String> env, AwsClients clients) {
        String arn = env.get(SECRET_ARN);
        if (arn == null || arn.isBlank()) {
            if (env.containsKey(LinkConfig.LAMBDA_FUNCTION_NAME)) {
                throw new IllegalStateException("missing environment variables: " + SECRET_ARN);
            }
            return localDevelopment();
        }
        return new CdpWriteKeys(() -> parse(clients.secretsManager().getSecretValue(b -> b.secretId(arn)).secretString()),
                ElapsedTime.SYSTEM);
    }

    /** Any source accepts {@link #LOCAL_DEVELOPMENT_KEY}. */
    public static CdpWriteKeys localDevelopment() {
        return new CdpWriteKeys(Map::of, ElapsedTime.SYSTEM, digest(LOCAL_DEVELOPMENT_KEY));
    }

    /** Fixed keys by source, for tests. */
    public static CdpWriteKeys of(Map<String, String> keys) {
        Map<String, byte[]> digests = new HashMap<>();
        keys.forEach((source, key) -> digests.put(source, digest(key)));
        return new CdpWriteKeys(() -> digests, ElapsedTime.SYSTEM);
    }

    /**
     * Whether {@code presented} is the write key of {@code source}.
     *
     * @throws RuntimeException when the secret cannot be read (the caller answers 503, not 401)
     */
    public boolean accepts(String source, Optional<String> presented) {
        byte[] expected = current().getOrDefault(source, everyOtherSource);
        boolean known = expected != null;
        boolean equal = MessageDigest.isEqual(known ? expected : NO_KEY, digest(presented.orElse("")));
        return known && presented.isPresent() && equal;
    }

    private Map<String, byte[]> current() {
        long now = refresh.now();
        Map<String, byte[]> known = digests;
        if (known == null || refresh.dueAt(now)) {
            synchronized (this) {
                if (digests == null || refresh.dueAt(now)) {
                    digests = read.get();
                    refresh.readAt(now);
                }
                known = digests;
            }
        }
        return known;
    }

    static Map<String, byte[]> parse(String secret) {
        if (secret == null) throw new IllegalStateException("the CDP write-key secret has no value");
        JsonNode root;
        try {
            root = JSON.readTree(secret);
        } catch (IOException e) {
            // The parser's message may quote the secret: never pass it on.
            throw new IllegalStateException("the CDP write-key secret is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("the CDP write-key secret must be a JSON object of write keys by source");
        }
        Map<String, byte[]> digests = new HashMap<>();
        for (Map.Entry<String, JsonNode> source : root.properties()) {
            JsonNode key = source.getValue();
            if (key.isTextual() && key.textValue().length() >= MIN_KEY_LENGTH) {
                digests.put(source.getKey(), digest(key.textValue()));
            }
        }
        return digests;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "CdpWriteKeys[redacted]";
    }
}
