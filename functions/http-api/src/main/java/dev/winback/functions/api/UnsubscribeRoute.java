package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.FormBody;
import dev.winback.adapters.http.HtmlPages;
import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.core.event.Channel;
import dev.winback.core.links.LinkToken;
import dev.winback.core.links.LinkTokens;
import dev.winback.core.links.OneClickUnsubscribe;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final LinkTokens tokens;
    private final EventIntake intake;
    private final Clock clock;

    UnsubscribeRoute(LinkTokens tokens, EventIntake intake, Clock clock) {
        this.tokens = tokens;
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        String raw = PathToken.raw(request);
        Instant now = clock.instant();
        Optional<LinkToken> token = PathToken.checked(raw, tokens, LinkToken.Kind.UNSUBSCRIBE, now, LOG, "unsubscribe");
        if (token.isEmpty()) {
            return HtmlPages.page(404, "This link does not work",
                    "<p>This unsubscribe link is not valid or has expired. Use the link in a more recent message, "
                            + "or contact us and we will stop the messages for you.</p>");
        }
        boolean post = "POST".equalsIgnoreCase(Route.method(request));
        return post ? unsubscribe(request, token.get(), raw, now) : confirm(token.get());
    }

    private static APIGatewayV2HTTPResponse confirm(LinkToken token) {
        String what = describe(token);
        return HtmlPages.page(200, "Unsubscribe",
                "<p>Do you want to stop receiving " + HtmlPages.escape(what) + "?</p>\n"
                        + "<form method=\"post\">\n"
                        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n"
                        + "<button type=\"submit\">Unsubscribe</button>\n"
                        + "</form>\n"
                        + "<p>Nothing changes until you press the button.</p>");
    }

    private APIGatewayV2HTTPResponse unsubscribe(APIGatewayV2HTTPEvent request, LinkToken token, String raw,
                                                 Instant now) {
        Optional<Map<String, List<String>>> form = FormBody.parse(request);
        boolean oneClick = form.map(f -> f.getOrDefault("List-Unsubscribe", List.of()).contains("One-Click"))
                .orElse(false);
        if (!oneClick) {
            return HtmlPages.page(400, "Unsubscribe",
                    "<p>This request did not say what to do. Open the link again and press the button.</p>");
        }
        List<IntakeResult> results = intake.apply(OneClickUnsubscribe.events(token, raw, now, SourceAddress.of(request)));
        if (results.stream().anyMatch(r -> r instanceof IntakeResult.Retry)) {
            return HtmlPages.page(503, "Please try again",
                    "<p>We could not record your choice just now. Please try again in a minute.</p>");
        }
        LOG.info(() -> "one-click unsubscribe recorded for channel " + token.channel().map(Channel::wireName).orElse("?"));
        return HtmlPages.page(200, "You are unsubscribed",
                "<p>You will no longer receive " + HtmlPages.escape(describe(token)) + ". "
                        + "Messages about your orders and account are not affected.</p>");
    }

    private static String describe(LinkToken token) {
        String channel = switch (token.channel().orElse(Channel.EMAIL)) {
            case EMAIL -> "marketing email";
            case SMS -> "marketing text messages";
            case PUSH -> "marketing push notifications";
            case IN_APP -> "marketing messages in the app";
            case WEBHOOK -> "marketing messages";
        };
        return channel + token.category().map(c -> " (" + c + " and all other marketing on this channel)").orElse("");
    }
}
