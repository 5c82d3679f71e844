package dev.winback.core.links;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.SmsStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a one-click unsubscribe (RFC 8058) means for the record: the channel's marketing consent
 * withdrawn, with the link as its source and the request's address as evidence, and for email and
 * SMS the subscription set to unsubscribed. They are ordinary engagement events, applied through
 * ingestion like any other, so the record stays order-independent and the consent log gets them.
 *
 * <p>Event ids derive from the token and the minute: the same link posted again within it (mail
 * clients retry, people click twice) is a duplicate and changes nothing; a later click is recorded
 * again, so the withdrawal is back in force after a re-subscription in between, even the same day.
 *
 * <p>A link limited to a category still withdraws the whole channel's marketing: more than was
 * asked, never less. Muting one category is the preference centre's job.
 */
public final class OneClickUnsubscribe {

    public static final String SOURCE = "one-click";
    public static final String WORDING_VERSION = "rfc8058-v1";

    private OneClickUnsubscribe() {
    }

    /**
     * @param token     the checked token, of kind {@link LinkToken.Kind#UNSUBSCRIBE}
     * @param rawToken  the token as it appeared in the URL
     * @param ipAddress the address the POST came from, as evidence, when known
     */
    public static List<EngagementEvent> events(LinkToken token, String rawToken, Instant now,
                                               Optional<String> ipAddress) {
        if (token.kind() != LinkToken.Kind.UNSUBSCRIBE) {
            throw new IllegalArgumentException("not an unsubscribe link");
        }
        Channel channel = token.channel().orElseThrow();
        String id = "unsub-" + digest(rawToken + "|" + now.truncatedTo(ChronoUnit.MINUTES));
        List<EngagementEvent> events = new ArrayList<>(2);
        events.add(new EngagementEvent(id + "-consent", token.customerId(), now, Optional.empty(),
                new EventPayload.ConsentChanged(channel, Purpose.MARKETING, false, SOURCE, WORDING_VERSION,
                        Optional.empty(), ipAddress)));
        switch (channel) {
            case EMAIL -> events.add(new EngagementEvent(id + "-sub", token.customerId(), now, Optional.empty(),
                    new EventPayload.EmailSubscriptionChanged(EmailStatus.UNSUBSCRIBED)));
            case SMS -> events.add(new EngagementEvent(id + "-sub", token.customerId(), now, Optional.empty(),
                    new EventPayload.SmsSubscriptionChanged(SmsStatus.UNSUBSCRIBED)));
            case PUSH, IN_APP, WEBHOOK -> { }
        }
        return List.copyOf(events);
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
