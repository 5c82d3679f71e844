package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.FormBody;
import dev.winback.core.preferences.ChoiceOrigin;
import dev.winback.core.preferences.PreferenceForm;
import dev.winback.core.preferences.PreferenceForm.Submission;
import dev.winback.core.preferences.SavePreferences;
import dev.winback.core.preferences.ShowPreferences;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The preference centre page on its signed link, without IAM auth.
 *
 * <ul>
 *   <li>{@code GET /p/{token}} shows the customer's current choices and changes nothing: mail
 *       scanners and link previews fetch every link in a message.</li>
 *   <li>{@code POST /p/{token}} takes the page's form (form-urlencoded or multipart) and answers 200
 *       with the page and a "saved" notice, or 400 with the page naming each error at its field.
 *       Never a redirect, never a cookie.</li>
 * </ul>
 */
final class PreferencePageRoute implements Route {

    static final String GET = "GET /p/{token}";
    static final String POST = "POST /p/{token}";
    private static final Logger LOG = Logger.getLogger(PreferencePageRoute.class.getName());

    private final PreferenceLink link;
    private final ShowPreferences show;
    private final SavePreferences save;
    private final PreferencePage page;
    private final Clock clock;

    PreferencePageRoute(PreferenceLink link, ShowPreferences show, SavePreferences save, PreferencePage page,
                        Clock clock) {
        this.link = link;
        this.show = show;
        this.save = save;
        this.page = page;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        Optional<String> customer = link.customerOf(request);
        if (customer.isEmpty()) return page.notFound(request);
        if (!POST.equals(request.getRouteKey())) {
            return show.of(customer.get())
                    .map(view -> page.show(request, view, PreferencePage.Notice.NONE, clock.instant()))
                    .orElseGet(() -> page.notFound(request));
        }
        Optional<Map<String, List<String>>> form = FormBody.parse(request);
        Submission submission = PreferenceForm.read(form.orElse(Map.of()));
        if (submission.valid() && submission.choices().isEmpty()) return page.unreadable(request);
        ChoiceOrigin origin = ChoiceOrigin.centre(SourceAddress.of(request));
        return switch (save.save(customer.get(), submission, origin)) {
            case SavePreferences.Outcome.Saved saved -> {
                SavedPreferences.log(LOG, origin, saved);
                yield page.show(request, saved.view(), saved.changes() == 0 ? PreferencePage.Notice.UNCHANGED
                        : PreferencePage.Notice.SAVED, clock.instant());
            }
            case SavePreferences.Outcome.Refused refused -> page.refused(request, refused.view(), submission.choices(),
                    refused.errors(), clock.instant());
            case SavePreferences.Outcome.NotFound notFound -> page.notFound(request);
            case SavePreferences.Outcome.TryAgain tryAgain -> page.tryAgain(request);
        };
    }
}
