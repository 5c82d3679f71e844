package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HtmlPages;
import dev.winback.adapters.mustache.MustachePages;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Answers a link request with one of the link pages, in the visitor's language where there is one. */
final class LinkPages {

    private final MustachePages pages;

    LinkPages(MustachePages pages) {
        this.pages = pages;
    }

    APIGatewayV2HTTPResponse page(int status, MustachePages.Page page, APIGatewayV2HTTPEvent request) {
        return page(status, page, request, Map.of());
    }

    APIGatewayV2HTTPResponse page(int status, MustachePages.Page page, APIGatewayV2HTTPEvent request,
                                  Map<String, ?> view) {
        return HtmlPages.page(status, pages.render(page, language(request), view));
    }

    /** The browser's first choice of language (Accept-Language), or null for the default pages. */
    static Locale language(APIGatewayV2HTTPEvent request) {
        Map<String, String> headers = request.getHeaders() == null ? Map.of() : request.getHeaders();
        String accepted = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("accept-language"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (accepted == null || accepted.isBlank()) return null;
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(accepted);
            return ranges.isEmpty() || ranges.getFirst().getRange().equals("*") ? null
                    : Locale.forLanguageTag(ranges.getFirst().getRange());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
