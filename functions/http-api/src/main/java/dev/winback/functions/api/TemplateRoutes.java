package dev.winback.functions.api;

import dev.winback.adapters.http.RequestBody;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.JsonTemplateSets;
import dev.winback.core.ingest.FieldError;
import dev.winback.core.template.ManageTemplates;
import dev.winback.core.template.TemplateProblem;
import dev.winback.core.template.TemplateSet;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Message templates an operator changes without a deployment (IAM-protected): list the campaigns,
 * show the set serving one (version 0 is the shipped one), check a set, store it as a new version
 * (refused with every problem, 422), activate a version ({@code {"version": 0}} returns to the
 * shipped templates) and roll back. Delivery renders from the new version within a minute.
 */
final class TemplateRoutes {

    static final String LIST = "GET /v1/templates";
    static final String SHOW = "GET /v1/templates/{campaignId}";
    static final String VALIDATE = "POST /v1/templates/validate";
    static final String SUBMIT = "POST /v1/templates/{campaignId}/versions";
    static final String ACTIVATE = "POST /v1/templates/{campaignId}/activate";
    static final String ROLLBACK = "POST /v1/templates/{campaignId}/rollback";
    /** A set's text is at most 300,000 characters; its JSON, escaped, may be longer. */
    static final int MAX_BODY_BYTES = 1_048_576;

    private final ManageTemplates manage;
    private final JsonTemplateSets json;

    TemplateRoutes(ManageTemplates manage, JsonTemplateSets json) {
        this.manage = manage;
        this.json = json;
    }

    /** The routes by route key. */
    Map<String, Route> byKey() {
        return Map.of(LIST, request -> list(), SHOW, this::show, VALIDATE, this::validate, SUBMIT, this::submit,
                ACTIVATE, this::activate, ROLLBACK, this::rollback);
    }

    private APIGatewayV2HTTPResponse list() {
        List<ManageTemplates.Listed> listed = manage.list();
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("campaigns");
            for (ManageTemplates.Listed campaign : listed) {
                g.writeStartObject();
                g.writeStringField("campaignId", campaign.campaignId());
                g.writeStringField("source", campaign.source());
                g.writeNumberField("latest", campaign.latest());
                writeActive(g, campaign.active());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private APIGatewayV2HTTPResponse show(APIGatewayV2HTTPEvent request) {
        return withCampaign(request, campaignId -> manage.show(campaignId)
                .map(shown -> HttpResponses.json(200, g -> {
                    g.writeStartObject();
                    g.writeStringField("campaignId", shown.campaignId());
                    g.writeStringField("source", shown.version() == ManageTemplates.SHIPPED ? "shipped" : "stored");
                    g.writeNumberField("version", shown.version());
                    g.writeNumberField("latest", shown.latest());
                    g.writeObjectFieldStart("files");
                    for (Map.Entry<String, String> file : shown.set().files().entrySet()) {
                        g.writeStringField(file.getKey(), file.getValue());
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }))
                .orElseGet(() -> HttpResponses.problem(404, "Not Found", "no templates for this campaign")));
    }

    private APIGatewayV2HTTPResponse validate(APIGatewayV2HTTPEvent request) {
        return withSet(request, (named, set) -> {
            if (named.isEmpty()) return refused(List.of(new TemplateProblem("campaignId", "is required")));
            List<TemplateProblem> problems = manage.validate(named.get(), set);
            if (!problems.isEmpty()) return refused(problems);
            return HttpResponses.json(200, g -> {
                g.writeStartObject();
                g.writeStringField("campaignId", named.get());
                g.writeBooleanField("valid", true);
                g.writeEndObject();
            });
        });
    }

    private APIGatewayV2HTTPResponse submit(APIGatewayV2HTTPEvent request) {
        return withCampaign(request, campaignId -> withSet(request, (named, set) -> {
            if (named.isPresent() && !named.get().equals(campaignId)) {
                return refused(List.of(new TemplateProblem("campaignId", "the body names another campaign than the path")));
            }
            return switch (manage.submit(campaignId, set)) {
                case ManageTemplates.Submitted.Refused refused -> refused(refused.problems());
                case ManageTemplates.Submitted.Stored stored -> HttpResponses.json(201, g -> {
                    g.writeStartObject();
                    g.writeStringField("campaignId", stored.campaignId());
                    g.writeNumberField("version", stored.version());
                    g.writeBooleanField("active", false);
                    g.writeEndObject();
                });
            };
        }));
    }

    private APIGatewayV2HTTPResponse activate(APIGatewayV2HTTPEvent request) {
        return withCampaign(request, campaignId -> {
            Optional<Integer> version = version(request);
            if (version.isEmpty()) {
                return HttpResponses.problem(400, "Bad Request", "the body must be {\"version\": n}, 0 for the shipped templates",
                        List.of(new HttpResponses.InvalidField(-1, null, "version", "must be a whole number from 0")));
            }
            return switch (manage.activate(campaignId, version.get())) {
                case ACTIVATED -> active(campaignId, version.get());
                case NO_SUCH_VERSION -> HttpResponses.problem(404, "Not Found", "the campaign has no such version");
                case UNREADABLE -> HttpResponses.problem(409, "Conflict",
                        "the stored version no longer passes validation; the templates serving keep serving");
            };
        });
    }

    private APIGatewayV2HTTPResponse rollback(APIGatewayV2HTTPEvent request) {
        return withCampaign(request, campaignId -> {
            if (!manage.rollback(campaignId)) {
                return HttpResponses.problem(409, "Conflict", "there is no earlier activation to return to");
            }
            return active(campaignId, manage.show(campaignId).map(ManageTemplates.Shown::version).orElse(ManageTemplates.SHIPPED));
        });
    }

    private static APIGatewayV2HTTPResponse active(String campaignId, int version) {
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("campaignId", campaignId);
            g.writeNumberField("active", version);
            g.writeStringField("source", version == ManageTemplates.SHIPPED ? "shipped" : "stored");
            g.writeEndObject();
        });
    }

    private static void writeActive(JsonGenerator g, Optional<Integer> active) throws IOException {
        if (active.isPresent()) g.writeNumberField("active", active.get());
        else g.writeNullField("active");
    }

    /** 422 naming every problem (at most {@link FieldError#MAX_LISTED}, the rest counted). */
    private static APIGatewayV2HTTPResponse refused(List<TemplateProblem> problems) {
        List<HttpResponses.InvalidField> errors = problems.stream().limit(FieldError.MAX_LISTED)
                .map(p -> new HttpResponses.InvalidField(-1, null, p.where(), p.problem())).toList();
        return HttpResponses.problem(422, "Unprocessable Content", "the template set has " + problems.size()
                + " problem(s); nothing was stored", errors, problems.size() - errors.size());
    }

    private APIGatewayV2HTTPResponse withSet(APIGatewayV2HTTPEvent request,
                                             BiFunction<Optional<String>, TemplateSet, APIGatewayV2HTTPResponse> then) {
        return switch (RequestBody.text(request, MAX_BODY_BYTES, "")) {
            case RequestBody.Read.Refused refused -> refused.response();
            case RequestBody.Read.Text text -> switch (json.request(text.body())) {
                case JsonTemplateSets.Reading.Invalid invalid -> refused(invalid.problems());
                case JsonTemplateSets.Reading.Valid valid -> then.apply(valid.campaignId(), valid.set());
            };
        };
    }

    private static APIGatewayV2HTTPResponse withCampaign(APIGatewayV2HTTPEvent request,
                                                         Function<String, APIGatewayV2HTTPResponse> then) {
        Map<String, String> path = request.getPathParameters() == null ? Map.of() : request.getPathParameters();
        String campaignId = path.get("campaignId");
        if (!TemplateSet.isCampaignId(campaignId)) {
            return HttpResponses.problem(400, "Bad Request", "the campaign id is invalid",
                    List.of(new HttpResponses.InvalidField(-1, null, "campaignId",
                            "lower-case letters, digits and '-', at most 64")));
        }
        return then.apply(campaignId);
    }

    /** The body's {@code version}, a whole number from 0. */
    private Optional<Integer> version(APIGatewayV2HTTPEvent request) {
        return RequestBody.text(request, 1_024, "") instanceof RequestBody.Read.Text text
                ? json.version(text.body()) : Optional.empty();
    }
}
