package dev.winback.functions.api;

import dev.winback.adapters.http.RequestBody;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.ContractJson;
import dev.winback.core.ingest.FieldError;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.journey.SubmittedVersion;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the journey and catalog routes share: their path parameters checked (400 naming the
 * parameter), bodies read as JSON (413 when too large, 400 when not JSON), and refused definitions
 * answered 422 with every problem as {@code {"where","problem"}}.
 */
final class OperatorRequests {

    /** The journey ids a definition may have (the core's check), so a path never reaches the store unchecked. */
    static final Pattern JOURNEY_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    /** A definition is a few kilobytes; the store keeps one in an item under 400 KB. */
    static final int MAX_DEFINITION_BYTES = 64 * 1024;
    /** A catalog version is stored in one item, which must stay under DynamoDB's 400 KB. */
    static final int MAX_CATALOG_BYTES = 256 * 1024;
    /** {"version":n} */
    static final int MAX_SMALL_BODY_BYTES = 1024;

    private OperatorRequests() {
    }

    /** The {journeyId} of the path, or 400. */
    static APIGatewayV2HTTPResponse withJourney(APIGatewayV2HTTPEvent request,
                                                Function<String, APIGatewayV2HTTPResponse> then) {
        String journeyId = path(request).get("journeyId");
        if (journeyId == null || !JOURNEY_ID.matcher(journeyId).matches()) {
            return invalid("the journey id is invalid", "journeyId",
                    "must be lower-case letters, digits and dashes (at most 63), starting with a letter or digit");
        }
        return then.apply(journeyId);
    }

    /** The {version} of the path: a whole number from 0 (0 is the shipped definition). */
    static Optional<Integer> version(APIGatewayV2HTTPEvent request) {
        return wholeNumber(path(request).get("version"));
    }

    static Optional<Integer> wholeNumber(String text) {
        if (text == null || !text.matches("^(0|[1-9][0-9]{0,8})$")) return Optional.empty();
        return Optional.of(Integer.parseInt(text));
    }

    /** The body as JSON, or the 400/413 to answer with. */
    sealed interface Json {
        record Read(JsonNode node, String text) implements Json {
        }

        record Refused(APIGatewayV2HTTPResponse response) implements Json {
        }
    }

    static Json json(APIGatewayV2HTTPEvent request, int maxBytes) {
        return switch (RequestBody.text(request, maxBytes, "")) {
            case RequestBody.Read.Refused refused -> new Json.Refused(refused.response());
            case RequestBody.Read.Text text -> switch (ContractJson.read(text.body())) {
                case ContractJson.JsonReading.WellFormed wellFormed -> new Json.Read(wellFormed.node(), text.body());
                case ContractJson.JsonReading.Malformed malformed ->
                        new Json.Refused(invalid("the body is not JSON", FieldError.WHOLE_DOCUMENT, malformed.problem()));
            };
        };
    }

    /** The {"version":n} body of an activation, or the 400/413 to answer with. */
    static APIGatewayV2HTTPResponse withVersionBody(APIGatewayV2HTTPEvent request,
                                                    Function<Integer, APIGatewayV2HTTPResponse> then) {
        return switch (json(request, MAX_SMALL_BODY_BYTES)) {
            case Json.Refused refused -> refused.response();
            case Json.Read read -> {
                JsonNode node = read.node();
                if (!node.isObject() || node.size() != 1 || !node.has("version")) {
                    yield invalid("the body must be {\"version\": n}", FieldError.WHOLE_DOCUMENT,
                            "must be an object with only the field version");
                }
                JsonNode version = node.get("version");
                if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 0) {
                    yield invalid("the version is invalid", "version", "must be a whole number");
                }
                yield then.apply(version.intValue());
            }
        };
    }

    static APIGatewayV2HTTPResponse invalid(String detail, String field, String message) {
        return HttpResponses.problem(400, "Bad Request", detail,
                List.of(new HttpResponses.InvalidField(-1, null, field, message)));
    }

    /** 422: the definition or catalog was read and refused; every problem is listed. */
    static APIGatewayV2HTTPResponse refused(String what, List<JourneyProblem> problems) {
        return HttpResponses.problem(422, "Unprocessable Content", what + " is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "); nothing was stored", g -> {
            g.writeArrayFieldStart("problems");
            for (JourneyProblem problem : problems) {
                g.writeStartObject();
                g.writeStringField("where", problem.where());
                g.writeStringField("problem", problem.problem());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** 201 with the new version, stored but not active; or 422 with every problem of the refused text. */
    static APIGatewayV2HTTPResponse submitted(String what, SubmittedVersion submitted) {
        return switch (submitted) {
            case SubmittedVersion.Refused refused -> refused(what, refused.problems());
            case SubmittedVersion.Stored stored -> HttpResponses.json(201, g -> {
                g.writeStartObject();
                g.writeNumberField("version", stored.version());
                g.writeBooleanField("active", false);
                g.writeEndObject();
            });
        };
    }

    static APIGatewayV2HTTPResponse notFound(String detail) {
        return HttpResponses.problem(404, "Not Found", detail);
    }

    private static Map<String, String> path(APIGatewayV2HTTPEvent request) {
        return request.getPathParameters() == null ? Map.of() : request.getPathParameters();
    }
}
