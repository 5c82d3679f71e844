package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.FormBody;
import dev.winback.core.preferences.ChoiceOrigin;
import dev.winback.core.preferences.PreferenceForm;
import dev.winback.core.preferences.PreferenceForm.Submission;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final PreferenceLink link;
    private final PreferenceCentre centre;
    private final Clock clock;

    PreferencePageRoute(PreferenceLink link, PreferenceCentre centre, Clock clock) {
        this.link = link;
        this.centre = centre;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        Optional<String> customer = link.customerOf(request);
        if (customer.isEmpty()) return PreferencePage.notFound();
        if (!POST.equals(request.getRouteKey())) {
            return centre.view(customer.get()).map(view -> PreferencePage.show(view, Optional.empty(), clock.instant()))
                    .orElseGet(PreferencePage::notFound);
        }
        Optional<Map<String, List<String>>> form = FormBody.parse(request);
        Submission submission = PreferenceForm.read(form.orElse(Map.of()));
        if (submission.valid() && submission.choices().isEmpty()) return PreferencePage.unreadable();
        return switch (centre.save(customer.get(), submission, ChoiceOrigin.centre(SourceAddress.of(request)))) {
            case PreferenceCentre.Outcome.Saved saved -> PreferencePage.show(saved.view(), Optional.of(saved.changes() == 0
                    ? "Nothing changed: these were already your choices." : "Your choices are saved."), clock.instant());
            case PreferenceCentre.Outcome.Refused refused -> PreferencePage.refused(refused.view(), submission.choices(),
                    refused.errors(), clock.instant());
            case PreferenceCentre.Outcome.NotFound notFound -> PreferencePage.notFound();
            case PreferenceCentre.Outcome.TryAgain tryAgain -> PreferencePage.tryAgain();
        };
    }
}
