package dev.winback.core.links;

import java.time.Instant;

/**
 * A signed link's token as a route received it, checked: accepted only when it is genuine,
 * unexpired and of the route's own kind. Every refusal is answered alike (nothing tells a prober
 * which it was); the reason is for the operator's log and never contains the token.
 */
public sealed interface CheckedLink {

    record Accepted(LinkToken token, String raw) implements CheckedLink { }

    record Refused(String reason) implements CheckedLink { }

    /** @param raw the token as it appeared in the path, or null */
    static CheckedLink of(LinkTokens tokens, String raw, LinkToken.Kind kind, Instant now) {
        if (raw == null) return new Refused("no token");
        return switch (tokens.check(raw, now)) {
            case LinkTokens.Checked.Valid v when v.token().kind() == kind -> new Accepted(v.token(), raw);
            case LinkTokens.Checked.Valid v -> new Refused("a " + v.token().kind() + " link");
            case LinkTokens.Checked.Invalid bad -> new Refused(bad.reason().toString());
        };
    }
}
