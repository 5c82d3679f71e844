package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.FormBody;
import dev.winback.adapters.http.HtmlPages;
import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.core.links.KeepSubscribed;
import dev.winback.core.links.LinkToken;
import dev.winback.core.links.LinkTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final LinkTokens tokens;
    private final EventIntake intake;
    private final Clock clock;

    KeepSubscribedRoute(LinkTokens tokens, EventIntake intake, Clock clock) {
        this.tokens = tokens;
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        String raw = PathToken.raw(request);
        Instant now = clock.instant();
        Optional<LinkToken> token = PathToken.checked(raw, tokens, LinkToken.Kind.KEEP_SUBSCRIBED, now, LOG, "keep-subscribed");
        if (token.isEmpty()) {
            return HtmlPages.page(404, "This link does not work",
                    "<p>This link is not valid or has expired. Use the link in a more recent message, "
                            + "or sign up again on our website.</p>");
        }
        boolean post = "POST".equalsIgnoreCase(Route.method(request));
        return post ? keep(request, token.get(), raw, now) : confirm();
    }

    private static APIGatewayV2HTTPResponse confirm() {
        return HtmlPages.page(200, "Keep getting our emails",
                "<p>Do you want to keep receiving our news and offers by email?</p>\n"
                        + "<form method=\"post\">\n"
                        + "<input type=\"hidden\" name=\"keep\" value=\"yes\">\n"
                        + "<button type=\"submit\">Keep me subscribed</button>\n"
                        + "</form>\n"
                        + "<p>Nothing changes until you press the button.</p>");
    }

    private APIGatewayV2HTTPResponse keep(APIGatewayV2HTTPEvent request, LinkToken token, String raw, Instant now) {
        boolean confirmed = FormBody.parse(request)
                .map(form -> form.getOrDefault("keep", List.of()).contains("yes")).orElse(false);
        if (!confirmed) {
            return HtmlPages.page(400, "Keep getting our emails",
                    "<p>This request did not say what to do. Open the link again and press the button.</p>");
        }
        List<IntakeResult> results = intake.apply(KeepSubscribed.events(token, raw, now, SourceAddress.of(request)));
        if (results.stream().anyMatch(r -> r instanceof IntakeResult.Retry)) {
            return HtmlPages.page(503, "Please try again",
                    "<p>We could not record your choice just now. Please try again in a minute.</p>");
        }
        LOG.info("keep-subscribed confirmation recorded");
        return HtmlPages.page(200, "You stay subscribed",
                "<p>Thank you. You will keep receiving our news and offers by email. "
                        + "You can change this at any time with the links at the bottom of every email.</p>");
    }
}
