package dev.winback.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.winback.adapters.aws.SdkFailures;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Messenger messages (WhatsApp, Viber, ... through a CPaaS HTTP API or the operator's own relay):
 * one signed JSON POST per message to a configured URL.
 *
 * <p>The request carries {@value #TIMESTAMP_HEADER} (Unix seconds) and {@value #SIGNATURE_HEADER}
 * {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, so the receiver can check origin and
 * freshness, and {@value #IDEMPOTENCY_HEADER} (Winback's message id) so it can drop a repeat.
 * 2xx is accepted (the provider's id is read from a top-level {@code id}, {@code messageId} or
 * {@code message_id} of a JSON answer); 408, 429 and 503 are retried later; any other 5xx came after
 * the receiver read the request and may have sent the message, so it is unknown (never resent) unless
 * the receiver is configured as honouring {@value #IDEMPOTENCY_HEADER} (then a repeat is harmless and
 * it is retried); other statuses refuse the message for good; a timeout or a broken connection after
 * the request was written is unknown.
 *
 * <p>Uses {@link HttpURLConnection}: the SDK's URLConnection client has already loaded it, so the
 * channel adds nothing to cold start (the JDK HttpClient would start a selector thread and load
 * several hundred classes). Never logs the recipient, the content or the secret.
 */
public final class WebhookSender implements ChannelSender {

    public static final String TIMESTAMP_HEADER = "X-Winback-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Winback-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> ID_FIELDS = Set.of("id", "messageId", "message_id");

    private final URI url;
    private final Supplier<WebhookSecret> secret;
    private final Clock clock;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean receiptsExpected;
    private final boolean honoursIdempotencyKey;

    /**
     * @param receiptsExpected      whether the provider's delivery receipts reach Winback as
     *                              {@code message_delivered} events (then delivery waits for them)
     * @param honoursIdempotencyKey whether the receiver drops a repeat of an {@value #IDEMPOTENCY_HEADER}
     *                              it has seen (then a server error after the request is retried)
     */
    public WebhookSender(URI url, WebhookSecret secret, Clock clock, Duration connectTimeout, Duration readTimeout,
                         boolean receiptsExpected, boolean honoursIdempotencyKey) {
        this(url, () -> secret, clock, connectTimeout, readTimeout, receiptsExpected, honoursIdempotencyKey);
        Objects.requireNonNull(secret, "secret");
    }

    /** @param secret read on each send (e.g. a {@link ParameterStoreSecret}, which reads once and keeps it) */
    public WebhookSender(URI url, Supplier<WebhookSecret> secret, Clock clock, Duration connectTimeout,
                         Duration readTimeout, boolean receiptsExpected, boolean honoursIdempotencyKey) {
        this.url = requireSafe(Objects.requireNonNull(url, "url"));
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.receiptsExpected = receiptsExpected;
        this.honoursIdempotencyKey = honoursIdempotencyKey;
    }

    /** HTTPS, except to this machine (tests, a local relay). */
    static URI requireSafe(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) return url;
        if (scheme.equals("http") && url.getHost() != null && isLoopback(url.getHost())) return url;
        throw new IllegalArgumentException("the webhook URL must use https (plain http only to the loopback address)");
    }

    /** "localhost" or a loopback IP literal; never a DNS lookup. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) return true;
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) return false;
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (message.channel() != Channel.WEBHOOK) {
            throw new IllegalArgumentException("a webhook sender got a message for " + message.channel());
        }
        WebhookSecret key;
        try {
            key = secret.get();
        } catch (RuntimeException e) {
            return new SendResult.Retryable("the webhook secret could not be read (" + e.getClass().getSimpleName() + ")");
        }
        byte[] body = payload(message);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
        } catch (IOException e) {
            return new SendResult.Retryable("webhook connection could not be opened (" + e.getClass().getSimpleName() + ")");
        }
        connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
        connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        try {
            connection.setRequestMethod("POST");
        } catch (java.net.ProtocolException e) {
            throw new IllegalStateException("POST is always a valid method", e);
        }
        connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
        connection.setRequestProperty("Accept", "application/json");
        connection.setRequestProperty("User-Agent", "winback-webhook/1");
        connection.setRequestProperty(TIMESTAMP_HEADER, timestamp);
        connection.setRequestProperty(SIGNATURE_HEADER, "v1=" + sign(key, timestamp, body));
        connection.setRequestProperty(IDEMPOTENCY_HEADER, message.messageId());

        try {
            connection.connect();
        } catch (IOException e) {
            connection.disconnect();
            return new SendResult.Retryable("webhook endpoint could not be reached (" + e.getClass().getSimpleName() + ")");
        }
        int status;
        byte[] answer;
        try {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            status = connection.getResponseCode();
            answer = readAnswer(connection, status);
        } catch (IOException e) {
            connection.disconnect();
            return SdkFailures.neverConnected(e)
                    ? new SendResult.Retryable("webhook endpoint could not be reached (" + e.getClass().getSimpleName() + ")")
                    : new SendResult.Unknown("webhook answer lost after the request was sent (" + e.getClass().getSimpleName() + ")");
        }
        return outcome(status, answer, message.messageId());
    }

    private SendResult outcome(int status, byte[] answer, String messageId) {
        if (status >= 200 && status < 300) {
            return new SendResult.Accepted(providerId(answer).orElse(messageId), receiptsExpected);
        }
        if (status == 408 || status == 429 || status == 503) {
            return new SendResult.Retryable("webhook endpoint answered HTTP " + status);
        }
        if (status >= 500) {
            // The receiver (or a proxy behind it) read the request: it may have sent the message.
            return honoursIdempotencyKey
                    ? new SendResult.Retryable("webhook endpoint answered HTTP " + status + "; it drops repeats")
                    : new SendResult.Unknown("webhook endpoint answered HTTP " + status + " after reading the request");
        }
        // A 4xx may be about the recipient or about the request: nothing tells which, so no address is blamed.
        return new SendResult.Rejected(SendResult.FailureKind.OTHER,
                "webhook endpoint refused the message with HTTP " + status);
    }

    /** The body, bounded; an error body is read too, so the connection can be reused. */
    private static byte[] readAnswer(HttpURLConnection connection, int status) throws IOException {
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) return new byte[0];
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() < MAX_ANSWER_BYTES) out.write(buffer, 0, Math.min(read, MAX_ANSWER_BYTES - out.size()));
            }
            return out.toByteArray();
        }
    }

    private static Optional<String> providerId(byte[] answer) {
        if (answer.length == 0) return Optional.empty();
        try (JsonParser parser = JSON.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (ID_FIELDS.contains(name) && (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT)) {
                    String id = parser.getText();
                    if (!id.isBlank()) return Optional.of(id);
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // an answer that is not JSON still means accepted
        }
        return Optional.empty();
    }

    /** The request body: the message, without the customer id (the provider needs only the recipient). */
    static byte[] payload(OutboundMessage message) {
        RenderedContent content = message.content();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("messageId", message.messageId());
            g.writeStringField("purpose", message.purpose().wireName());
            g.writeStringField("recipient", message.address());
            if (!content.subject().isEmpty()) g.writeStringField("subject", content.subject());
            g.writeStringField("text", content.text());
            if (!content.data().isEmpty()) {
                g.writeObjectFieldStart("data");
                for (Map.Entry<String, String> e : new TreeMap<>(content.data()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a webhook body in memory", e);
        }
        return out.toByteArray();
    }

    /** Lower-case hex of HMAC-SHA256(secret, timestamp + "." + body). */
    public static String sign(WebhookSecret secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSender[" + url.getScheme() + "://" + url.getHost() + "]";
    }
}
