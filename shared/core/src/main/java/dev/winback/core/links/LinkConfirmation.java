package dev.winback.core.links;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.EventApplier;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A signed link whose action happens only when the visitor confirms it: looking at the link changes
 * nothing (mail scanners and link previews fetch every link in a message); confirming applies the
 * action's events through ingestion, and confirming again changes nothing (the events' ids repeat).
 */
public final class LinkConfirmation {

    /** What became of a visit or a confirmation. */
    public sealed interface Outcome {
        /** Invalid, tampered, expired or another kind of link: all alike to the visitor. */
        record Refused(String reason) implements Outcome { }

        /** A valid link, not yet confirmed: ask. */
        record Asked(LinkToken token) implements Outcome { }

        /** The request did not say it confirms: nothing changed. */
        record Unclear(LinkToken token) implements Outcome { }

        /** Storage was busy; confirming again completes it. */
        record TryAgain(LinkToken token) implements Outcome { }

        /** The action is recorded. */
        record Done(LinkToken token) implements Outcome { }
    }

    /** The events a confirmed link stands for. */
    @FunctionalInterface
    public interface Action {
        List<EngagementEvent> events(LinkToken token, String rawToken, Instant now, Optional<String> ipAddress);
    }

    private final LinkToken.Kind kind;
    private final Action action;
    private final LinkTokens tokens;
    private final EventApplier events;
    private final Clock clock;

    public LinkConfirmation(LinkToken.Kind kind, Action action, LinkTokens tokens, EventApplier events, Clock clock) {
        this.kind = kind;
        this.action = action;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** A visit (GET): checks the link and changes nothing. */
    public Outcome ask(String rawToken) {
        return switch (CheckedLink.of(tokens, rawToken, kind, clock.instant())) {
            case CheckedLink.Refused refused -> new Outcome.Refused(refused.reason());
            case CheckedLink.Accepted accepted -> new Outcome.Asked(accepted.token());
        };
    }

    /**
     * A confirmation (POST).
     *
     * @param confirmed whether the request said it confirms (what that takes is the route's to say)
     * @param ipAddress the address it came from, as evidence, when known
     */
    public Outcome confirm(String rawToken, boolean confirmed, Optional<String> ipAddress) {
        Instant now = clock.instant();
        return switch (CheckedLink.of(tokens, rawToken, kind, now)) {
            case CheckedLink.Refused refused -> new Outcome.Refused(refused.reason());
            case CheckedLink.Accepted accepted when !confirmed -> new Outcome.Unclear(accepted.token());
            case CheckedLink.Accepted accepted -> switch (events.applyAll(
                    action.events(accepted.token(), accepted.raw(), now, ipAddress))) {
                case TRY_AGAIN -> new Outcome.TryAgain(accepted.token());
                case ALL -> new Outcome.Done(accepted.token());
            };
        };
    }
}
