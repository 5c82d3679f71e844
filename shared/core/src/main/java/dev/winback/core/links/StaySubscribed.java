package dev.winback.core.links;

import dev.winback.core.ingest.EventApplier;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The last chance's keep-me-subscribed button on its signed link: looking at the link changes
 * nothing (a scanner must not keep anyone subscribed); confirming it records an explicit grant of
 * the channel's marketing through ingestion ({@link KeepSubscribed}), which lifts the last chance.
 * Confirming again changes nothing.
 */
public final class StaySubscribed {

    /** What became of a visit or a confirmation. */
    public sealed interface Outcome {
        /** Invalid, tampered, expired or another kind of link: all alike to the visitor. */
        record Refused(String reason) implements Outcome { }

        /** A valid link, not yet confirmed: ask. */
        record Asked(LinkToken token) implements Outcome { }

        /** The request did not say keep: nothing changed. */
        record Unclear(LinkToken token) implements Outcome { }

        /** Storage was busy; confirming again completes it. */
        record TryAgain(LinkToken token) implements Outcome { }

        record Kept(LinkToken token) implements Outcome { }
    }

    private final LinkTokens tokens;
    private final EventApplier events;
    private final Clock clock;

    public StaySubscribed(LinkTokens tokens, EventApplier events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** A visit (GET): checks the link and changes nothing. */
    public Outcome ask(String rawToken) {
        return switch (CheckedLink.of(tokens, rawToken, LinkToken.Kind.KEEP_SUBSCRIBED, clock.instant())) {
            case CheckedLink.Refused refused -> new Outcome.Refused(refused.reason());
            case CheckedLink.Accepted accepted -> new Outcome.Asked(accepted.token());
        };
    }

    /**
     * A confirmation (POST).
     *
     * @param keep      whether the request said {@code keep=yes}
     * @param ipAddress the address it came from, as evidence, when known
     */
    public Outcome confirm(String rawToken, boolean keep, Optional<String> ipAddress) {
        Instant now = clock.instant();
        return switch (CheckedLink.of(tokens, rawToken, LinkToken.Kind.KEEP_SUBSCRIBED, now)) {
            case CheckedLink.Refused refused -> new Outcome.Refused(refused.reason());
            case CheckedLink.Accepted accepted when !keep -> new Outcome.Unclear(accepted.token());
            case CheckedLink.Accepted accepted -> switch (events.applyAll(
                    KeepSubscribed.events(accepted.token(), accepted.raw(), now, ipAddress))) {
                case TRY_AGAIN -> new Outcome.TryAgain(accepted.token());
                case ALL -> new Outcome.Kept(accepted.token());
            };
        };
    }
}
