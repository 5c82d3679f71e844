package dev.winback.adapters.config;

import dev.winback.core.links.KeyMaterial;
import dev.winback.core.links.LinkTokens;
import dev.winback.core.links.SignedLinks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where signed links point and what signs them.
 *
 * <ul>
 *   <li>{@code WINBACK_LINK_SECRET_ARN} (required in AWS): the Secrets Manager secret the template
 *       generates; read once, on the first link signed or checked, never at start-up. A plain value,
 *       or keys by id for rotation (see {@code SecretsManagerSecret}).</li>
 *   <li>{@code WINBACK_LINK_BASE_URL} (optional): the public base of the links, the HTTP API's URL
 *       or a custom domain in front of it. Functions that only check links do without it.</li>
 *   <li>{@code WINBACK_LINK_VALIDITY_DAYS} (optional, default 730, at least 365).</li>
 * </ul>
 */
public record LinkConfig(KeyMaterial keys, Optional<URI> baseUrl, Duration validity) {

    public static final String SECRET_ARN = "WINBACK_LINK_SECRET_ARN";
    public static final String BASE_URL = "WINBACK_LINK_BASE_URL";
    public static final String VALIDITY_DAYS = "WINBACK_LINK_VALIDITY_DAYS";
    /** Set by the Lambda runtime: there the local development secret is never acceptable. */
    static final String LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";

    /**
     * The fixed secret of the local runtime and the tests, never of a deployment: links signed with
     * it are forgeable by anyone who reads this file.
     */
    public static final byte[] LOCAL_DEVELOPMENT_SECRET =
            "winback-local-development-link-secret-not-for-production".getBytes(StandardCharsets.UTF_8);

    public static LinkConfig localDevelopment(URI baseUrl) {
        return new LinkConfig(KeyMaterial.of(LOCAL_DEVELOPMENT_SECRET), Optional.ofNullable(baseUrl),
                LinkTokens.DEFAULT_VALIDITY);
    }

    public LinkTokens tokens() {
        return new LinkTokens(keys, validity);
    }

    /**
     * The {@code UnsubscribeLinks} a sender puts in messages; needs {@code WINBACK_LINK_BASE_URL}.
     *
     * @throws IllegalStateException when no base URL is configured
     */
    public SignedLinks links(Clock clock) {
        URI base = baseUrl.orElseThrow(() -> new IllegalStateException("missing environment variables: " + BASE_URL));
        return new SignedLinks(base, tokens(), clock);
    }

    /**
     * The keys of the secret the environment names (fetched on first use), else the local
     * development secret: the template names the secret for every deployed function.
     */
    public static KeyMaterial keysFromEnvironment(Map<String, String> env, AwsClients clients) {
        String arn = env.get(SECRET_ARN);
        if (arn == null || arn.isBlank()) {
            if (env.containsKey(LAMBDA_FUNCTION_NAME)) {
                throw new IllegalStateException("missing environment variables: " + SECRET_ARN);
            }
            return KeyMaterial.of(LOCAL_DEVELOPMENT_SECRET);
        }
        return new KeyMaterial(() -> SecretsManagerSecret.read(clients, arn));
    }

    /**
     * In Lambda, fails fast when the secret is not named; elsewhere (benchmarks) falls back to the
     * local development secret. The secret itself is fetched lazily.
     */
    public static LinkConfig fromEnvironment(Map<String, String> env, AwsClients clients) {
        KeyMaterial keys = keysFromEnvironment(env, clients);
        String base = env.get(BASE_URL);
        String days = env.get(VALIDITY_DAYS);
        Duration validity = days == null || days.isBlank() ? LinkTokens.DEFAULT_VALIDITY
                : Duration.ofDays(Long.parseLong(days.trim()));
        return new LinkConfig(keys,
                base == null || base.isBlank() ? Optional.empty() : Optional.of(URI.create(base.trim())), validity);
    }
}
