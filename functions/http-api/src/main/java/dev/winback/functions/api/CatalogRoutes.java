package dev.winback.functions.api;

import dev.winback.adapters.http.RequestBody;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.CatalogReading;
import dev.winback.adapters.json.ProductCatalogCsv;
import dev.winback.adapters.json.ProductCatalogParser;
import dev.winback.core.journey.ManageCatalog;

import java.util.Locale;
import java.util.Map;

/**
 * The operators' catalog routes: the catalog running, a new version (JSON, or a spreadsheet saved
 * as CSV, stored as JSON), activation and roll-back, each one call of {@link ManageCatalog}.
 */
final class CatalogRoutes {

    static final String SHOW = "GET /v1/catalog";
    static final String SUBMIT = "POST /v1/catalog/versions";
    static final String ACTIVATE = "POST /v1/catalog/activate";
    static final String ROLLBACK = "POST /v1/catalog/rollback";

    private final ManageCatalog manage;
    private final ProductCatalogParser json = new ProductCatalogParser();
    private final ProductCatalogCsv csv = new ProductCatalogCsv();

    CatalogRoutes(ManageCatalog manage) {
        this.manage = manage;
    }

    Map<String, Route> byKey() {
        return Map.of(
                SHOW, request -> show(),
                SUBMIT, this::submit,
                ACTIVATE, request -> OperatorRequests.withVersionBody(request, this::activate),
                ROLLBACK, request -> rollback());
    }

    private APIGatewayV2HTTPResponse show() {
        ManageCatalog.Shown shown = manage.current();
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            if (shown.active().isPresent()) {
                g.writeNumberField("active", shown.active().get());
            } else {
                g.writeNullField("active");
            }
            g.writeNumberField("latest", shown.latest());
            g.writeFieldName("catalog");
            g.writeRawValue(json.write(shown.catalog()));
            g.writeEndObject();
        });
    }

    private APIGatewayV2HTTPResponse submit(APIGatewayV2HTTPEvent request) {
        if (isCsv(request)) {
            return switch (RequestBody.text(request, OperatorRequests.MAX_CATALOG_BYTES, "")) {
                case RequestBody.Read.Refused refused -> refused.response();
                case RequestBody.Read.Text text -> switch (csv.read(text.body(), manage.current().latest() + 1, "request")) {
                    case CatalogReading.Invalid invalid -> OperatorRequests.refused("the catalog", invalid.problems());
                    case CatalogReading.Valid valid ->
                            OperatorRequests.submitted("the catalog", manage.submit(json.write(valid.catalog())));
                };
            };
        }
        return switch (OperatorRequests.json(request, OperatorRequests.MAX_CATALOG_BYTES)) {
            case OperatorRequests.Json.Refused refused -> refused.response();
            case OperatorRequests.Json.Read read ->
                    OperatorRequests.submitted("the catalog", manage.submit(read.text()));
        };
    }

    private APIGatewayV2HTTPResponse activate(int version) {
        return switch (manage.activate(version)) {
            case NO_SUCH_VERSION -> OperatorRequests.notFound("no such catalog version");
            case UNREADABLE -> HttpResponses.problem(422, "Unprocessable Content",
                    "the stored version no longer reads as a valid catalog; it was not activated");
            case ACTIVATED -> show();
        };
    }

    private APIGatewayV2HTTPResponse rollback() {
        if (!manage.rollback()) {
            return HttpResponses.problem(409, "Conflict", "the catalog has no earlier activation to return to");
        }
        return show();
    }

    private static boolean isCsv(APIGatewayV2HTTPEvent request) {
        if (request.getHeaders() == null) return false;
        return request.getHeaders().entrySet().stream()
                .anyMatch(h -> h.getKey().equalsIgnoreCase("content-type")
                        && h.getValue() != null && h.getValue().toLowerCase(Locale.ROOT).startsWith("text/csv"));
    }
}
