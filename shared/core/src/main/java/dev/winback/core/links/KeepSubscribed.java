package dev.winback.core.links;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What pressing "keep me subscribed" in a last-chance message means for the record: an explicit
 * grant of the channel's marketing consent, with the link as its source and the request's address
 * as evidence. A grant after the last chance lifts it (see the sunset policy), so the sunset clock
 * starts again; it goes through ingestion and the consent log like any consent change. It changes
 * no subscription: someone who unsubscribed stays unsubscribed.
 *
 * <p>Event ids derive from the token and the day, as for one-click unsubscribes: a second press
 * that day is a duplicate.
 */
public final class KeepSubscribed {

    public static final String SOURCE = "last-chance";
    public static final String WORDING_VERSION = "keep-subscribed-v1";

    private KeepSubscribed() {
    }

    /**
     * @param token     the checked token, of kind {@link LinkToken.Kind#KEEP_SUBSCRIBED}
     * @param rawToken  the token as it appeared in the URL
     * @param ipAddress the address the POST came from, as evidence, when known
     */
    public static List<EngagementEvent> events(LinkToken token, String rawToken, Instant now,
                                               Optional<String> ipAddress) {
        if (token.kind() != LinkToken.Kind.KEEP_SUBSCRIBED) {
            throw new IllegalArgumentException("not a keep-subscribed link");
        }
        Channel channel = token.channel().orElseThrow();
        String id = "keep-" + OneClickUnsubscribe.digest(rawToken + "|" + LocalDate.ofInstant(now, ZoneOffset.UTC));
        return List.of(new EngagementEvent(id, token.customerId(), now, Optional.empty(),
                new EventPayload.ConsentChanged(channel, Purpose.MARKETING, true, SOURCE, WORDING_VERSION,
                        Optional.empty(), ipAddress)));
    }
}
