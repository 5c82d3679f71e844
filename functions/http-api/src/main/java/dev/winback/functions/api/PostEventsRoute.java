package dev.winback.functions.api;

import dev.winback.adapters.http.RequestBody;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.IntakeMetrics;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.core.observe.Metrics;
import dev.winback.adapters.json.EventsRequestParser;
import dev.winback.adapters.json.EventsRequestResult;
import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import dev.winback.core.event.EngagementEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * POST /v1/events: up to 500 events, validated as a whole. If any is invalid nothing is applied
 * and the answer names every invalid field (the client fixes and resends; duplicates are safe).
 * Otherwise each event gets a result: applied, duplicate, erased (the customer was erased: dropped,
 * not stored), or retry (then the status is 503).
 */
final class PostEventsRoute implements Route {

    /** Far above 500 well-formed events; API Gateway itself stops at 10 MB. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final EventsRequestParser parser = new EventsRequestParser();
    private final EventIntake intake;
    private final Metrics metrics;

    PostEventsRoute(EventIntake intake, Metrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        return switch (RequestBody.text(request, MAX_BODY_BYTES, "; send at most 500 events per request")) {
            case RequestBody.Read.Refused refused -> refused.response();
            case RequestBody.Read.Text text -> answer(text.body());
        };
    }

    private APIGatewayV2HTTPResponse answer(String body) {
        return switch (parser.parse(body)) {
            case EventsRequestResult.BodyInvalid bad -> HttpResponses.problem(400, "Bad Request",
                    "the request body is not a valid events request", bad.errors().stream()
                            .map(e -> new HttpResponses.InvalidField(-1, null, e.field(), e.message())).toList(),
                    bad.omitted());
            case EventsRequestResult.Events events -> applyAll(events.results());
        };
    }

    private APIGatewayV2HTTPResponse applyAll(List<ParseResult> parsed) {
        // The first FieldError.MAX_LISTED errors of the whole request are named, the rest counted.
        List<HttpResponses.InvalidField> invalid = new ArrayList<>();
        int total = 0;
        List<EngagementEvent> events = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            switch (parsed.get(i)) {
                case ParseResult.Parsed p -> {
                    events.add(p.event());
                    Optional<FieldError> late = intake.arrivalProblem(p.event());
                    if (late.isPresent()) {
                        total++;
                        if (invalid.size() < FieldError.MAX_LISTED) {
                            invalid.add(new HttpResponses.InvalidField(i, p.event().eventId(),
                                    "events[" + i + "]." + late.get().field(), late.get().message()));
                        }
                    }
                }
                case ParseResult.Invalid bad -> {
                    total += bad.errorCount();
                    for (FieldError error : bad.errors()) {
                        if (invalid.size() == FieldError.MAX_LISTED) break;
                        invalid.add(new HttpResponses.InvalidField(i, bad.eventId(), "events[" + i + "]." + error.field(),
                                error.message()));
                    }
                }
            }
        }
        if (total > 0) {
            String listed = total > invalid.size() ? " (the first " + invalid.size() + " are listed)" : "";
            return HttpResponses.problem(400, "Bad Request",
                    total + " invalid field(s)" + listed + "; no event of this request was applied", invalid,
                    total - invalid.size());
        }
        List<IntakeResult> results = intake.apply(events);
        IntakeMetrics.count(results, metrics);
        boolean retry = results.stream().anyMatch(r -> r instanceof IntakeResult.Retry);
        return HttpResponses.json(retry ? 503 : 200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (IntakeResult result : results) {
                g.writeStartObject();
                g.writeStringField("eventId", result.eventId());
                g.writeStringField("status", switch (result) {
                    case IntakeResult.Applied a -> "applied";
                    case IntakeResult.Duplicate d -> "duplicate";
                    case IntakeResult.Retry r -> "retry";
                    case IntakeResult.Rejected r -> "rejected";
                    case IntakeResult.Erased e -> "erased";
                });
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
