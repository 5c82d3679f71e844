package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.mustache.MustachePages;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Link pages come in the browser's first language where one ships, else in the default. */
class LinkPagesTest {

    private final LinkPages pages = new LinkPages(MustachePages.shipped());

    @Test
    void theLanguage_isTheBrowsersFirstChoice_andNoneWhenItSaysNothingUsable() {
        assertThat(LinkPages.language(request(Map.of("accept-language", "de-AT,de;q=0.9,en;q=0.8"))))
                .isEqualTo(Locale.forLanguageTag("de-AT"));
        assertThat(LinkPages.language(request(Map.of("Accept-Language", "fr")))).isEqualTo(Locale.FRENCH);
        for (Map<String, String> headers : java.util.List.of(Map.<String, String>of(), Map.of("accept-language", "*"),
                Map.of("accept-language", "@@@;q=x"), Map.of("accept-language", " "))) {
            assertThat(LinkPages.language(request(headers))).as(headers.toString()).isNull();
        }
        assertThat(LinkPages.language(new APIGatewayV2HTTPEvent())).isNull();
    }

    @Test
    void aGermanBrowser_getsTheGermanPage_withTheSameStatusAndHeaders() {
        APIGatewayV2HTTPResponse german = pages.page(404, MustachePages.Page.UNSUBSCRIBE_INVALID,
                request(Map.of("accept-language", "de-DE,de;q=0.9")));
        APIGatewayV2HTTPResponse fallback = pages.page(404, MustachePages.Page.UNSUBSCRIBE_INVALID,
                request(Map.of("accept-language", "fr-FR")));

        assertThat(german.getStatusCode()).isEqualTo(404);
        assertThat(german.getHeaders()).isEqualTo(fallback.getHeaders()).containsEntry("cache-control", "no-store");
        assertThat(german.getBody()).contains("<html lang=\"de\">").contains("<h1>Dieser Link funktioniert nicht</h1>");
        assertThat(fallback.getBody()).contains("<html lang=\"en\">").contains("<h1>This link does not work</h1>");
    }

    private static APIGatewayV2HTTPEvent request(Map<String, String> headers) {
        APIGatewayV2HTTPEvent request = new APIGatewayV2HTTPEvent();
        request.setHeaders(headers);
        return request;
    }
}
