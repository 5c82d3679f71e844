package dev.winback.core.links;

import dev.winback.core.ingest.EventApplier;

import java.time.Clock;
import java.util.Optional;

/**
 * A one-click unsubscribe (RFC 8058) on its signed link: looking at the link changes nothing;
 * confirming it withdraws the channel's marketing through ingestion ({@link OneClickUnsubscribe}).
 */
public final class Unsubscribe {

    private final LinkConfirmation link;

    public Unsubscribe(LinkTokens tokens, EventApplier events, Clock clock) {
        this.link = new LinkConfirmation(LinkToken.Kind.UNSUBSCRIBE, OneClickUnsubscribe::events, tokens, events,
                clock);
    }

    /** A visit (GET): checks the link and changes nothing. */
    public LinkConfirmation.Outcome ask(String rawToken) {
        return link.ask(rawToken);
    }

    /**
     * A confirmation (POST).
     *
     * @param oneClick  whether the request said {@code List-Unsubscribe=One-Click}
     * @param ipAddress the address it came from, as evidence, when known
     */
    public LinkConfirmation.Outcome confirm(String rawToken, boolean oneClick, Optional<String> ipAddress) {
        return link.confirm(rawToken, oneClick, ipAddress);
    }
}
