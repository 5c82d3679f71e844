package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.winback.core.links.LinkToken;
import dev.winback.core.links.LinkTokens;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The token in a signed-link route's path ({@code /u/{token}}, {@code /k/{token}}), checked: present
 * only when it is genuine, unexpired and of the route's own kind. Why one was refused is logged (the
 * reason, never the token); the caller answers every refusal with the same 404.
 */
final class PathToken {

    private PathToken() {
    }

    /** The token as it appears in the path, or null. */
    static String raw(APIGatewayV2HTTPEvent request) {
        Map<String, String> path = request.getPathParameters() == null ? Map.of() : request.getPathParameters();
        return path.get("token");
    }

    static Optional<LinkToken> checked(String raw, LinkTokens tokens, LinkToken.Kind kind, Instant now, Logger log,
                                       String what) {
        if (raw == null) return Optional.empty();
        return switch (tokens.check(raw, now)) {
            case LinkTokens.Checked.Valid v when v.token().kind() == kind -> Optional.of(v.token());
            case LinkTokens.Checked.Valid v -> Optional.empty();
            case LinkTokens.Checked.Invalid bad -> {
                log.info(() -> what + " link refused: " + bad.reason());
                yield Optional.empty();
            }
        };
    }
}
