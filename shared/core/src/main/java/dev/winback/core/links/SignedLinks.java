package dev.winback.core.links;

import dev.winback.core.delivery.UnsubscribeLinks;
import dev.winback.core.event.Channel;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * {@link UnsubscribeLinks} on the HTTP API: {@code <base>/u/<token>} is the one-click unsubscribe
 * URL (RFC 8058: GET shows a confirmation page, POST unsubscribes) and {@code <base>/p/<token>} the
 * preference centre; {@code <base>/k/<token>} keeps a customer subscribed (the last chance's button).
 * The base is the API's public URL (configuration), without a trailing slash.
 */
public final class SignedLinks implements UnsubscribeLinks {

    public static final String UNSUBSCRIBE_PATH = "/u/";
    public static final String PREFERENCES_PATH = "/p/";
    public static final String KEEP_SUBSCRIBED_PATH = "/k/";

    private final URI base;
    private final LinkTokens tokens;
    private final Clock clock;

    public SignedLinks(URI base, LinkTokens tokens, Clock clock) {
        String text = Objects.requireNonNull(base, "base").toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public URI oneClick(String customerId, Channel channel, String category) {
        return URI.create(base + UNSUBSCRIBE_PATH
                + tokens.issue(LinkToken.unsubscribe(customerId, channel, category, clock.instant())));
    }

    /** The last chance's keep-me-subscribed link: GET shows a button, POST confirms. */
    public URI keepSubscribed(String customerId, Channel channel) {
        return URI.create(base + KEEP_SUBSCRIBED_PATH
                + tokens.issue(LinkToken.keepSubscribed(customerId, channel, clock.instant())));
    }

    @Override
    public URI preferences(String customerId) {
        return URI.create(base + PREFERENCES_PATH + tokens.issue(LinkToken.preferences(customerId, clock.instant())));
    }
}
