package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.CampaignJson;
import dev.winback.core.campaign.Campaign;
import dev.winback.core.campaign.CampaignStatus;
import dev.winback.core.campaign.ManageCampaigns;
import dev.winback.core.ingest.FieldError;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The operators' one-off campaigns: start one (idempotent on its id: the same body again is 200,
 * another body under the same id 409), read its progress and counts, cancel it, send it to its
 * test recipients. Each maps the request to one call of {@link ManageCampaigns}.
 */
final class CampaignRoutes {

    static final String START = "POST /v1/campaigns";
    static final String SHOW = "GET /v1/campaigns/{campaignId}";
    static final String CANCEL = "POST /v1/campaigns/{campaignId}/cancel";
    static final String TEST = "POST /v1/campaigns/{campaignId}/test";
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** Names a test send, so a retried request sends once: {@code {"testId": "…"}}. */
    private static final Pattern TEST_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final String DEFAULT_TEST_ID = "1";

    private final ManageCampaigns manage;

    CampaignRoutes(ManageCampaigns manage) {
        this.manage = manage;
    }

    Map<String, Route> byKey() {
        return Map.of(
                START, request -> switch (OperatorRequests.json(request, MAX_BODY_BYTES)) {
                    case OperatorRequests.Json.Refused refused -> refused.response();
                    case OperatorRequests.Json.Read read -> start(read.node());
                },
                SHOW, request -> withCampaign(request, id -> manage.show(id)
                        .map(progress -> progress(200, progress))
                        .orElseGet(() -> OperatorRequests.notFound("no campaign " + id))),
                CANCEL, request -> withCampaign(request, this::cancel),
                TEST, request -> withCampaign(request, id -> test(request, id)));
    }

    private APIGatewayV2HTTPResponse start(JsonNode body) {
        return switch (CampaignJson.read(body)) {
            case CampaignJson.Reading.Invalid invalid -> HttpResponses.problem(400, "Bad Request",
                    "the campaign is invalid; nothing was stored", invalid.errors().stream()
                            .map(e -> new HttpResponses.InvalidField(-1, null, e.field(), e.message())).toList());
            case CampaignJson.Reading.Read read -> switch (manage.start(read.campaign())) {
                case ManageCampaigns.Started.Created created -> shown(201, created.state().id());
                case ManageCampaigns.Started.Existing existing -> shown(200, existing.state().id());
                case ManageCampaigns.Started.Conflict conflict -> HttpResponses.problem(409, "Conflict",
                        "another campaign has the id " + conflict.state().id() + "; nothing was changed");
            };
        };
    }

    private APIGatewayV2HTTPResponse cancel(String id) {
        return switch (manage.cancel(id)) {
            case ManageCampaigns.Cancelled.NotFound notFound -> OperatorRequests.notFound("no campaign " + id);
            case ManageCampaigns.Cancelled.Stopped stopped -> shown(200, id);
            case ManageCampaigns.Cancelled.Finished finished -> finished.state().status() == CampaignStatus.CANCELLED
                    ? shown(200, id)
                    : HttpResponses.problem(409, "Conflict", "the campaign " + id + " is done: every member was handed to delivery");
        };
    }

    /** The body is optional: none sends under the default test id. */
    private APIGatewayV2HTTPResponse test(APIGatewayV2HTTPEvent request, String id) {
        if (request.getBody() == null || request.getBody().isBlank()) return test(id, DEFAULT_TEST_ID);
        return switch (OperatorRequests.json(request, OperatorRequests.MAX_SMALL_BODY_BYTES)) {
            case OperatorRequests.Json.Refused refused -> refused.response();
            case OperatorRequests.Json.Read read -> withTestId(read.node(), testId -> test(id, testId));
        };
    }

    private static APIGatewayV2HTTPResponse withTestId(JsonNode node, Function<String, APIGatewayV2HTTPResponse> then) {
        if (!node.isObject() || node.size() > 1 || (node.size() == 1 && !node.has("testId"))) {
            return OperatorRequests.invalid("the body must be {} or {\"testId\": \"…\"}", FieldError.WHOLE_DOCUMENT,
                    "must be an object with at most the field testId");
        }
        JsonNode testId = node.path("testId");
        if (!testId.isMissingNode() && (!testId.isTextual() || !TEST_ID.matcher(testId.textValue()).matches())) {
            return OperatorRequests.invalid("the test id is invalid", "testId",
                    "must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        return then.apply(testId.isMissingNode() ? DEFAULT_TEST_ID : testId.textValue());
    }

    private APIGatewayV2HTTPResponse test(String id, String testId) {
        return switch (manage.test(id, testId)) {
            case ManageCampaigns.Tested.NotFound notFound -> OperatorRequests.notFound("no campaign " + id);
            case ManageCampaigns.Tested.NoRecipients none -> HttpResponses.problem(409, "Conflict",
                    "the campaign " + id + " has no test recipients");
            case ManageCampaigns.Tested.HandedOver handed -> HttpResponses.json(handed.notHandedOver().isEmpty() ? 202 : 503,
                    g -> {
                        g.writeStartObject();
                        g.writeStringField("campaignId", id);
                        writeIds(g, "recipients", handed.recipients());
                        writeIds(g, "notHandedOver", handed.notHandedOver());
                        g.writeEndObject();
                    });
        };
    }

    private static void writeIds(com.fasterxml.jackson.core.JsonGenerator g, String name, List<String> ids)
            throws java.io.IOException {
        g.writeArrayFieldStart(name);
        for (String id : ids) g.writeString(id);
        g.writeEndArray();
    }

    private APIGatewayV2HTTPResponse shown(int status, String id) {
        return manage.show(id).map(progress -> progress(status, progress))
                .orElseGet(() -> OperatorRequests.notFound("no campaign " + id));
    }

    private static APIGatewayV2HTTPResponse progress(int status, ManageCampaigns.Progress progress) {
        return HttpResponses.json(status, g -> CampaignJson.writeProgress(g, progress));
    }

    private static APIGatewayV2HTTPResponse withCampaign(APIGatewayV2HTTPEvent request,
                                                         Function<String, APIGatewayV2HTTPResponse> then) {
        String id = request.getPathParameters() == null ? null : request.getPathParameters().get("campaignId");
        if (id == null || !Campaign.ID.matcher(id).matches()) {
            return OperatorRequests.invalid("the campaign id is invalid", "campaignId",
                    "must be lower-case letters, digits and dashes (at most 64), starting with a letter or digit");
        }
        return then.apply(id);
    }
}
