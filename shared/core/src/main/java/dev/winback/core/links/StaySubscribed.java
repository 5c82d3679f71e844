package dev.winback.core.links;

import dev.winback.core.ingest.EventApplier;

import java.time.Clock;
import java.util.Optional;

/**
 * The last chance's keep-me-subscribed button on its signed link: looking at the link changes
 * nothing (a scanner must not keep anyone subscribed); confirming it records an explicit grant of
 * the channel's marketing through ingestion ({@link KeepSubscribed}), which lifts the last chance.
 */
public final class StaySubscribed {

    private final LinkConfirmation link;

    public StaySubscribed(LinkTokens tokens, EventApplier events, Clock clock) {
        this.link = new LinkConfirmation(LinkToken.Kind.KEEP_SUBSCRIBED, KeepSubscribed::events, tokens, events, clock);
    }

    /** A visit (GET): checks the link and changes nothing. */
    public LinkConfirmation.Outcome ask(String rawToken) {
        return link.ask(rawToken);
    }

    /**
     * A confirmation (POST).
     *
     * @param keep      whether the request said {@code keep=yes}
     * @param ipAddress the address it came from, as evidence, when known
     */
    public LinkConfirmation.Outcome confirm(String rawToken, boolean keep, Optional<String> ipAddress) {
        return link.confirm(rawToken, keep, ipAddress);
    }
}
