package dev.winback.functions.api;

import dev.winback.adapters.http.RequestBody;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.core.preferences.ChoiceError;
import dev.winback.core.preferences.ChoiceOrigin;
import dev.winback.core.preferences.PreferenceForm;
import dev.winback.core.preferences.PreferenceForm.Submission;
import dev.winback.core.preferences.PreferenceView;
import dev.winback.core.preferences.SavePreferences;
import dev.winback.core.preferences.ShowPreferences;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * The preference centre's choices as JSON ({@link PreferencesJson}): GET reads them, PUT changes
 * what it names and answers the choices as saved. Served twice over: on the signed link
 * ({@code /p/{token}/json}, no IAM, for the customer's own app or page) and IAM-protected for
 * operators ({@code /v1/customers/{customerId}/preferences}, consent source {@code admin-api}).
 */
final class PreferencesJsonRoute implements Route {

    static final String LINK_GET = "GET /p/{token}/json";
    static final String LINK_PUT = "PUT /p/{token}/json";
    static final String ADMIN_GET = "GET /v1/customers/{customerId}/preferences";
    static final String ADMIN_PUT = "PUT /v1/customers/{customerId}/preferences";

    /** Finds whose choices a request is about, and who is making them; or answers it itself. */
    @FunctionalInterface
    interface Caller {
        APIGatewayV2HTTPResponse withCustomer(APIGatewayV2HTTPEvent request,
                                              BiFunction<String, ChoiceOrigin, APIGatewayV2HTTPResponse> then);
    }

    private static final Logger LOG = Logger.getLogger(PreferencesJsonRoute.class.getName());

    private final Caller caller;
    private final ShowPreferences show;
    private final SavePreferences save;
    private final String notFound;

    private PreferencesJsonRoute(Caller caller, ShowPreferences show, SavePreferences save, String notFound) {
        this.caller = caller;
        this.show = show;
        this.save = save;
        this.notFound = notFound;
    }

    /** Every refused link gets the same 404, and so does a customer who is no longer there. */
    static PreferencesJsonRoute forLink(PreferenceLink link, PreferenceUseCases preferences) {
        String notFound = "this preferences link is not valid or has expired";
        return new PreferencesJsonRoute((request, then) -> link.customerOf(request)
                .map(customer -> then.apply(customer, ChoiceOrigin.centre(SourceAddress.of(request))))
                .orElseGet(() -> HttpResponses.problem(404, "Not Found", notFound)), preferences.show(), preferences.save(), notFound);
    }

    static PreferencesJsonRoute forAdmin(PreferenceUseCases preferences) {
        return new PreferencesJsonRoute((request, then) -> CustomerPath.withCustomer(request,
                customer -> then.apply(customer, ChoiceOrigin.admin())), preferences.show(), preferences.save(),
                "no engagement record for this customer");
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        boolean put = request.getRouteKey() != null && request.getRouteKey().startsWith("PUT ");
        return caller.withCustomer(request, (customer, origin) -> put ? put(request, customer, origin)
                : show.of(customer).map(PreferencesJsonRoute::choices)
                .orElseGet(() -> HttpResponses.problem(404, "Not Found", notFound)));
    }

    private APIGatewayV2HTTPResponse put(APIGatewayV2HTTPEvent request, String customer, ChoiceOrigin origin) {
        return switch (RequestBody.text(request, PreferencesJson.MAX_BODY_BYTES, "")) {
            case RequestBody.Read.Refused refused -> refused.response();
            case RequestBody.Read.Text text -> read(text.body(), customer, origin);
        };
    }

    private APIGatewayV2HTTPResponse read(String body, String customer, ChoiceOrigin origin) {
        return switch (PreferencesJson.read(body)) {
            case PreferencesJson.Read.Unreadable bad -> HttpResponses.problem(400, "Bad Request", bad.detail(),
                    List.of(new HttpResponses.InvalidField(-1, null, "$", bad.detail())));
            case PreferencesJson.Read.Fields fields -> save(customer, origin, fields);
        };
    }

    private APIGatewayV2HTTPResponse save(String customer, ChoiceOrigin origin, PreferencesJson.Read.Fields fields) {
        Submission read = PreferenceForm.read(fields.fields());
        List<ChoiceError> errors = new ArrayList<>(fields.errors());
        errors.addAll(read.errors());
        return switch (save.save(customer, new Submission(read.choices(), errors), origin)) {
            case SavePreferences.Outcome.Saved saved -> {
                SavedPreferences.log(LOG, origin, saved);
                yield choices(saved.view());
            }
            case SavePreferences.Outcome.Refused refused -> HttpResponses.problem(400, "Bad Request",
                    refused.errors().size() + " invalid field(s); nothing was changed", refused.errors().stream()
                            .map(e -> new HttpResponses.InvalidField(-1, null, e.field(), e.message())).toList());
            case SavePreferences.Outcome.NotFound missing -> HttpResponses.problem(404, "Not Found", notFound);
            case SavePreferences.Outcome.TryAgain busy -> HttpResponses.problem(503, "Service Unavailable",
                    "the choices could not be saved just now; send them again");
        };
    }

    private static APIGatewayV2HTTPResponse choices(PreferenceView view) {
        return HttpResponses.json(200, g -> PreferencesJson.write(g, view));
    }
}
