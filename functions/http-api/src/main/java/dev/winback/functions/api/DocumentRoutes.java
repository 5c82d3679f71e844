package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.core.journey.Checked;
import dev.winback.core.settings.ManageVersions;

import java.util.Map;

/**
 * The operators' routes of one versioned document (the playbook at {@code /v1/playbook}, the
 * settings at {@code /v1/settings}): the one running, a check, a new version, activation (0 returns
 * to the shipped document) and roll-back, each one call of {@link ManageVersions}. A refused text
 * is answered 422 with every problem; nothing invalid is stored, and the running version runs on.
 */
final class DocumentRoutes<T> {

    /** A playbook or settings document is a few kilobytes; a version is stored in one item. */
    static final int MAX_DOCUMENT_BYTES = 128 * 1024;

    private final String path;
    private final String field;
    private final String what;
    private final ManageVersions<T> manage;

    /**
     * @param path  the routes' base path, such as {@code /v1/playbook}
     * @param field the document's field in answers, such as {@code playbook}
     */
    DocumentRoutes(String path, String field, ManageVersions<T> manage) {
        this.path = path;
        this.field = field;
        this.what = "the " + field;
        this.manage = manage;
    }

    static <T> DocumentRoutes<T> playbook(ManageVersions<T> manage) {
        return new DocumentRoutes<>("/v1/playbook", "playbook", manage);
    }

    static <T> DocumentRoutes<T> settings(ManageVersions<T> manage) {
        return new DocumentRoutes<>("/v1/settings", "settings", manage);
    }

    Map<String, Route> byKey() {
        return Map.of(
                "GET " + path, request -> show(),
                "POST " + path + "/validate", request -> switch (OperatorRequests.json(request, MAX_DOCUMENT_BYTES)) {
                    case OperatorRequests.Json.Refused refused -> refused.response();
                    case OperatorRequests.Json.Read read -> validate(read.text());
                },
                "POST " + path + "/versions", request -> switch (OperatorRequests.json(request, MAX_DOCUMENT_BYTES)) {
                    case OperatorRequests.Json.Refused refused -> refused.response();
                    case OperatorRequests.Json.Read read ->
                            OperatorRequests.submitted(what, manage.submit(read.text()));
                },
                "POST " + path + "/activate", request -> OperatorRequests.withVersionBody(request, this::activate),
                "POST " + path + "/rollback", request -> rollback());
    }

    private APIGatewayV2HTTPResponse show() {
        ManageVersions.Shown shown = manage.current();
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("source", shown.active() == ManageVersions.SHIPPED ? "shipped" : "stored");
            g.writeNumberField("active", shown.active());
            g.writeNumberField("latest", shown.latest());
            g.writeFieldName(field);
            g.writeRawValue(shown.text());
            g.writeEndObject();
        });
    }

    private APIGatewayV2HTTPResponse validate(String text) {
        return switch (manage.validate(text)) {
            case Checked.Invalid<T> invalid -> OperatorRequests.refused(what, invalid.problems());
            case Checked.Valid<T> valid -> HttpResponses.json(200, g -> {
                g.writeStartObject();
                g.writeBooleanField("valid", true);
                g.writeEndObject();
            });
        };
    }

    private APIGatewayV2HTTPResponse activate(int version) {
        return switch (manage.activate(version)) {
            case NO_SUCH_VERSION -> OperatorRequests.notFound("no such version of " + what);
            case UNREADABLE -> HttpResponses.problem(422, "Unprocessable Content",
                    "the stored version no longer reads as valid; it was not activated");
            case ACTIVATED -> show();
        };
    }

    private APIGatewayV2HTTPResponse rollback() {
        if (!manage.rollback()) {
            return HttpResponses.problem(409, "Conflict", what + " has no earlier activation to return to");
        }
        return show();
    }
}
