package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.FormBody;
import dev.winback.adapters.mustache.MustachePages.Page;
import dev.winback.core.event.Channel;
import dev.winback.core.links.LinkConfirmation;
import dev.winback.core.links.LinkToken;
import dev.winback.core.links.Unsubscribe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The one-click unsubscribe link (RFC 8058), without IAM auth: the token is the authority.
 *
 * <ul>
 *   <li>{@code GET /u/{token}} shows a confirmation page with a button and changes nothing: mail
 *       scanners and link previews fetch every link in a message.</li>
 *   <li>{@code POST /u/{token}} with {@code List-Unsubscribe=One-Click}, form-urlencoded or
 *       multipart (what mail clients send, and what the page's button sends) withdraws the channel's
 *       marketing through ingestion and answers 200 with a page, never a redirect, never a cookie.
 *       Posting again changes nothing.</li>
 * </ul>
 * Invalid, tampered and expired links all get the same 404 page: nothing tells which it was.
 */
final class UnsubscribeRoute implements Route {

    static final String GET = "GET /u/{token}";
    static final String POST = "POST /u/{token}";
    private static final Logger LOG = Logger.getLogger(UnsubscribeRoute.class.getName());

    private final Unsubscribe unsubscribe;
    private final LinkPages pages;

    UnsubscribeRoute(Unsubscribe unsubscribe, LinkPages pages) {
        this.unsubscribe = unsubscribe;
        this.pages = pages;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        String token = PathToken.raw(request);
        LinkConfirmation.Outcome outcome = "POST".equalsIgnoreCase(Route.method(request))
                ? unsubscribe.confirm(token, oneClick(request), SourceAddress.of(request))
                : unsubscribe.ask(token);
        return switch (outcome) {
            case LinkConfirmation.Outcome.Refused refused -> {
                LOG.info(() -> "unsubscribe link refused: " + refused.reason());
                yield pages.page(404, Page.UNSUBSCRIBE_INVALID, request);
            }
            case LinkConfirmation.Outcome.Asked asked -> pages.page(200, Page.UNSUBSCRIBE_CONFIRM, request, what(asked.token()));
            case LinkConfirmation.Outcome.Unclear unclear -> pages.page(400, Page.UNSUBSCRIBE_UNCLEAR, request);
            case LinkConfirmation.Outcome.TryAgain busy -> pages.page(503, Page.CHOICE_TRY_AGAIN, request);
            case LinkConfirmation.Outcome.Done done -> {
                LOG.info(() -> "one-click unsubscribe recorded for channel "
                        + done.token().channel().map(Channel::wireName).orElse("?"));
                yield pages.page(200, Page.UNSUBSCRIBE_DONE, request, what(done.token()));
            }
        };
    }

    private static boolean oneClick(APIGatewayV2HTTPEvent request) {
        return FormBody.parse(request).map(f -> f.getOrDefault("List-Unsubscribe", List.of()).contains("One-Click"))
                .orElse(false);
    }

    /** What the link stops: its channel (email when it names none) and the category it was sent for. */
    private static Map<String, Object> what(LinkToken token) {
        Map<String, Object> view = new HashMap<>();
        view.put(token.channel().orElse(Channel.EMAIL).wireName(), true);
        view.put("category", token.category().orElse(""));
        return view;
    }
}
