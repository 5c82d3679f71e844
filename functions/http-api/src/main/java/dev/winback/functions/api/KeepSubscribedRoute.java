package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.FormBody;
import dev.winback.adapters.mustache.MustachePages.Page;
import dev.winback.core.links.LinkConfirmation;
import dev.winback.core.links.StaySubscribed;

import java.util.List;
import java.util.logging.Logger;

/**
 * The last chance's keep-me-subscribed link, without IAM auth: the token is the authority.
 *
 * <ul>
 *   <li>{@code GET /k/{token}} shows a page with a button and changes nothing: mail scanners and
 *       link previews fetch every link in a message, and a scanner must not keep anyone subscribed.</li>
 *   <li>{@code POST /k/{token}} with {@code keep=yes} (what the button sends) records an explicit
 *       grant of the channel's marketing through ingestion, which lifts the last chance and starts
 *       the sunset clock again. It answers 200 with a page, no redirect, no cookie; posting again
 *       changes nothing.</li>
 * </ul>
 * Invalid, tampered and expired links all get the same 404 page.
 */
final class KeepSubscribedRoute implements Route {

    static final String GET = "GET /k/{token}";
    static final String POST = "POST /k/{token}";
    private static final Logger LOG = Logger.getLogger(KeepSubscribedRoute.class.getName());

    private final StaySubscribed staySubscribed;
    private final LinkPages pages;

    KeepSubscribedRoute(StaySubscribed staySubscribed, LinkPages pages) {
        this.staySubscribed = staySubscribed;
        this.pages = pages;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        String token = PathToken.raw(request);
        LinkConfirmation.Outcome outcome = "POST".equalsIgnoreCase(Route.method(request))
                ? staySubscribed.confirm(token, keep(request), SourceAddress.of(request))
                : staySubscribed.ask(token);
        return switch (outcome) {
            case LinkConfirmation.Outcome.Refused refused -> {
                LOG.info(() -> "keep-subscribed link refused: " + refused.reason());
                yield pages.page(404, Page.KEEP_SUBSCRIBED_INVALID, request);
            }
            case LinkConfirmation.Outcome.Asked asked -> pages.page(200, Page.KEEP_SUBSCRIBED_CONFIRM, request);
            case LinkConfirmation.Outcome.Unclear unclear -> pages.page(400, Page.KEEP_SUBSCRIBED_UNCLEAR, request);
            case LinkConfirmation.Outcome.TryAgain busy -> pages.page(503, Page.CHOICE_TRY_AGAIN, request);
            case LinkConfirmation.Outcome.Done kept -> {
                LOG.info("keep-subscribed confirmation recorded");
                yield pages.page(200, Page.KEEP_SUBSCRIBED_DONE, request);
            }
        };
    }

    private static boolean keep(APIGatewayV2HTTPEvent request) {
        return FormBody.parse(request).map(form -> form.getOrDefault("keep", List.of()).contains("yes")).orElse(false);
    }
}
