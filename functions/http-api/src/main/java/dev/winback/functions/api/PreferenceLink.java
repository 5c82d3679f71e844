package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.winback.core.links.CheckedLink;
import dev.winback.core.links.LinkToken;
import dev.winback.core.links.LinkTokens;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The {token} of the /p/… routes, without IAM auth: a valid preferences link is the authority for
 * its one customer. Invalid, tampered, expired and unsubscribe links are all refused alike, so
 * nothing tells a prober which it was.
 */
final class PreferenceLink {

    private static final Logger LOG = Logger.getLogger(PreferenceLink.class.getName());

    private final LinkTokens tokens;
    private final Clock clock;

    PreferenceLink(LinkTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The customer a valid preferences link names, or empty. */
    Optional<String> customerOf(APIGatewayV2HTTPEvent request) {
        String raw = PathToken.raw(request);
        if (raw == null) return Optional.empty();
        return switch (CheckedLink.of(tokens, raw, LinkToken.Kind.PREFERENCES, clock.instant())) {
            case CheckedLink.Accepted accepted -> Optional.of(accepted.token().customerId());
            case CheckedLink.Refused refused -> {
                LOG.info(() -> "preference link refused: " + refused.reason());
                yield Optional.empty();
            }
        };
    }
}
