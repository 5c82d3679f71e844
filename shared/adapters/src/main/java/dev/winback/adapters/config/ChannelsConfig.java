package dev.winback.adapters.config;

import dev.winback.core.delivery.TemplateVariables;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the channels need from the deployment: the brand the templates name, the SES sender and
 * configuration set, the messenger webhook, the in-app inbox's retention. Email and the webhook are
 * each configured completely or not at all (then that channel is off); a half-configured channel,
 * like a missing brand, fails at start naming every variable at once. The webhook's secret is not in
 * the environment: only the name of the SecureString parameter that holds it.
 *
 * <p>Waiting for a delivery receipt (and falling back to the next channel without one) is opt-in per
 * channel: only where the receipts really reach Winback. Email's come from the SES configuration
 * set's event destination; push waits only with {@value #PUSH_RECEIPTS}=true (the app reports
 * message_delivered), the webhook only with {@value #WEBHOOK_RECEIPTS}=true.
 *
 * @param pushReceipts whether the app reports push deliveries, so push waits for them before falling back
 */
public record ChannelsConfig(TemplateVariables.Brand brand, Optional<Email> email, Optional<Webhook> webhook,
                             boolean pushReceipts, Duration inboxTtl) {

    public static final String BRAND_NAME = "WINBACK_BRAND_NAME";
    public static final String SHOP_URL = "WINBACK_SHOP_URL";
    public static final String EMAIL_FROM = "WINBACK_EMAIL_FROM";
    public static final String EMAIL_CONFIGURATION_SET = "WINBACK_EMAIL_CONFIGURATION_SET";
    public static final String WEBHOOK_URL = "WINBACK_WEBHOOK_URL";
    public static final String WEBHOOK_SECRET_ID = "WINBACK_WEBHOOK_SECRET_ID";
    public static final String WEBHOOK_RECEIPTS = "WINBACK_WEBHOOK_RECEIPTS";
    public static final String WEBHOOK_IDEMPOTENT = "WINBACK_WEBHOOK_IDEMPOTENT";
    public static final String PUSH_RECEIPTS = "WINBACK_PUSH_RECEIPTS";
    public static final String INBOX_TTL_DAYS = "WINBACK_INBOX_TTL_DAYS";

    public static final Duration DEFAULT_INBOX_TTL = Duration.ofDays(30);

    /** @param fromAddress the verified SES identity, optionally with a display name: {@code Shop <news@shop.example>} */
    public record Email(String fromAddress, String configurationSet) { }

    /**
     * @param secretId              the Secrets Manager secret (name or ARN) holding the HMAC secret
     * @param receiptsExpected      whether the provider's receipts reach Winback as message_delivered events
     * @param honoursIdempotencyKey whether the receiver drops repeats of an Idempotency-Key (then a 5xx
     *                              answer is retried; otherwise it is unknown and never resent)
     */
    public record Webhook(URI url, String secretId, boolean receiptsExpected, boolean honoursIdempotencyKey) { }

    /** Reads the variables above; fails naming every missing or invalid one. */
    public static ChannelsConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String brandName = value(env, BRAND_NAME);
        if (brandName == null) problems.add(BRAND_NAME + " is missing");
        URI shopUrl = url(env, SHOP_URL, true, problems);

        Optional<Email> email = Optional.empty();
        String from = value(env, EMAIL_FROM);
        String configurationSet = value(env, EMAIL_CONFIGURATION_SET);
        if (from != null || configurationSet != null) {
            if (from == null) problems.add(EMAIL_FROM + " is missing (" + EMAIL_CONFIGURATION_SET + " is set)");
            else if (!from.contains("@")) problems.add(EMAIL_FROM + " is not an email address");
            if (configurationSet == null) problems.add(EMAIL_CONFIGURATION_SET + " is missing (" + EMAIL_FROM + " is set)");
            if (from != null && from.contains("@") && configurationSet != null) {
                email = Optional.of(new Email(from, configurationSet));
            }
        }

        Optional<Webhook> webhook = Optional.empty();
        String secret = value(env, WEBHOOK_SECRET_ID);
        URI hook = url(env, WEBHOOK_URL, false, problems);
        boolean receipts = flag(env, WEBHOOK_RECEIPTS, problems);
        boolean idempotent = flag(env, WEBHOOK_IDEMPOTENT, problems);
        boolean pushReceipts = flag(env, PUSH_RECEIPTS, problems);
        if (value(env, WEBHOOK_URL) != null || secret != null) {
            if (value(env, WEBHOOK_URL) == null) problems.add(WEBHOOK_URL + " is missing (" + WEBHOOK_SECRET_ID + " is set)");
            if (secret == null) problems.add(WEBHOOK_SECRET_ID + " is missing (" + WEBHOOK_URL + " is set)");
            if (hook != null && !isHttpsOrLoopback(hook)) {
                problems.add(WEBHOOK_URL + " must use https (plain http only to localhost)");
            }
            if (hook != null && secret != null && isHttpsOrLoopback(hook)) {
                webhook = Optional.of(new Webhook(hook, secret, receipts, idempotent));
            }
        }

        Duration inboxTtl = DEFAULT_INBOX_TTL;
        String ttlDays = value(env, INBOX_TTL_DAYS);
        if (ttlDays != null) {
            if (ttlDays.matches("[0-9]{1,4}") && Integer.parseInt(ttlDays) >= 1) inboxTtl = Duration.ofDays(Integer.parseInt(ttlDays));
            else problems.add(INBOX_TTL_DAYS + " must be a whole number of days from 1 to 9999");
        }

        if (!problems.isEmpty()) {
            throw new IllegalStateException("channel configuration: " + String.join("; ", problems));
        }
        return new ChannelsConfig(new TemplateVariables.Brand(brandName, shopUrl), email, webhook, pushReceipts,
                inboxTtl);
    }

    /** true or false (any case); absent is false. */
    private static boolean flag(Map<String, String> env, String name, List<String> problems) {
        String value = value(env, name);
        if (value == null || value.equalsIgnoreCase("false")) return false;
        if (value.equalsIgnoreCase("true")) return true;
        problems.add(name + " must be true or false");
        return false;
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An absolute http(s) URL; the value itself never goes into a message (it may carry a token). */
    private static URI url(Map<String, String> env, String name, boolean required, List<String> problems) {
        String value = value(env, name);
        if (value == null) {
            if (required) problems.add(name + " is missing");
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) return uri;
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(name + " is not an absolute http(s) URL");
        return null;
    }

    private static boolean isHttpsOrLoopback(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getScheme().equalsIgnoreCase("https") || host.equals("localhost") || host.startsWith("127.")
                || host.equals("[::1]");
    }
}
