package dev.winback.core.links;

import dev.winback.core.ingest.EventApplier;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A one-click unsubscribe (RFC 8058) on its signed link: looking at the link changes nothing (mail
 * scanners and link previews fetch every link in a message); confirming it withdraws the channel's
 * marketing through ingestion ({@link OneClickUnsubscribe}). Confirming again changes nothing.
 */
public final class Unsubscribe {

    /** What became of a visit or a confirmation. */
    public sealed interface Outcome {
        /** Invalid, tampered, expired or another kind of link: all alike to the visitor. */
        record Refused(String reason) implements Outcome { }

        /** A valid link, not yet confirmed: ask. */
        record Asked(LinkToken token) implements Outcome { }

        /** The request did not say one-click: nothing changed. */
        record Unclear(LinkToken token) implements Outcome { }

        /** Storage was busy; confirming again completes it. */
        record TryAgain(LinkToken token) implements Outcome { }

        record Unsubscribed(LinkToken token) implements Outcome { }
    }

    private final LinkTokens tokens;
    private final EventApplier events;
    private final Clock clock;

    public Unsubscribe(LinkTokens tokens, EventApplier events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** A visit (GET): checks the link and changes nothing. */
    public Outcome ask(String rawToken) {
        return switch (CheckedLink.of(tokens, rawToken, LinkToken.Kind.UNSUBSCRIBE, clock.instant())) {
            case CheckedLink.Refused refused -> new Outcome.Refused(refused.reason());
            case CheckedLink.Accepted accepted -> new Outcome.Asked(accepted.token());
        };
    }

    /**
     * A confirmation (POST).
     *
     * @param oneClick  whether the request said {@code List-Unsubscribe=One-Click}
     * @param ipAddress the address it came from, as evidence, when known
     */
    public Outcome confirm(String rawToken, boolean oneClick, Optional<String> ipAddress) {
        Instant now = clock.instant();
        return switch (CheckedLink.of(tokens, rawToken, LinkToken.Kind.UNSUBSCRIBE, now)) {
            case CheckedLink.Refused refused -> new Outcome.Refused(refused.reason());
            case CheckedLink.Accepted accepted when !oneClick -> new Outcome.Unclear(accepted.token());
            case CheckedLink.Accepted accepted -> switch (events.applyAll(
                    OneClickUnsubscribe.events(accepted.token(), accepted.raw(), now, ipAddress))) {
                case TRY_AGAIN -> new Outcome.TryAgain(accepted.token());
                case ALL -> new Outcome.Unsubscribed(accepted.token());
            };
        };
    }
}
