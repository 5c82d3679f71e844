package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.ContractJson;
import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.JourneyFormat;
import dev.winback.core.journey.ManageJourneys;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' journey routes: list the journeys, check a definition, read a version, store one,
 * activate it, roll back, switch a journey off. Each maps the request to one call of
 * {@link ManageJourneys} and its outcome to a response; nothing invalid is stored.
 */
final class JourneyRoutes {

    static final String LIST = "GET /v1/journeys";
    static final String VALIDATE = "POST /v1/journeys/validate";
    static final String SHOW = "GET /v1/journeys/{journeyId}";
    static final String SHOW_VERSION = "GET /v1/journeys/{journeyId}/versions/{version}";
    static final String SUBMIT = "POST /v1/journeys/{journeyId}/versions";
    static final String ACTIVATE = "POST /v1/journeys/{journeyId}/activate";
    static final String ROLLBACK = "POST /v1/journeys/{journeyId}/rollback";
    static final String DEACTIVATE = "POST /v1/journeys/{journeyId}/deactivate";

    private final ManageJourneys manage;
    private final JourneyFormat format;

    JourneyRoutes(ManageJourneys manage, JourneyFormat format) {
        this.manage = manage;
        this.format = format;
    }

    Map<String, Route> byKey() {
        return Map.of(
                LIST, request -> list(),
                VALIDATE, request -> switch (OperatorRequests.json(request, OperatorRequests.MAX_DEFINITION_BYTES)) {
                    case OperatorRequests.Json.Refused refused -> refused.response();
                    case OperatorRequests.Json.Read read -> validate(read.text());
                },
                SHOW, request -> OperatorRequests.withJourney(request, this::show),
                SHOW_VERSION, request -> OperatorRequests.withJourney(request, id -> OperatorRequests.version(request)
                        .map(version -> showVersion(id, version))
                        .orElseGet(() -> OperatorRequests.invalid("the version is invalid", "version",
                                "must be a whole number (0 is the shipped definition)"))),
                SUBMIT, request -> OperatorRequests.withJourney(request, id ->
                        switch (OperatorRequests.json(request, OperatorRequests.MAX_DEFINITION_BYTES)) {
                            case OperatorRequests.Json.Refused refused -> refused.response();
                            case OperatorRequests.Json.Read read -> submit(id, read.text());
                        }),
                ACTIVATE, request -> OperatorRequests.withJourney(request, id ->
                        OperatorRequests.withVersionBody(request, version -> activate(id, version))),
                ROLLBACK, request -> OperatorRequests.withJourney(request, this::rollback),
                DEACTIVATE, request -> OperatorRequests.withJourney(request, this::deactivate));
    }

    private APIGatewayV2HTTPResponse list() {
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("journeys");
            for (ManageJourneys.Listed listed : manage.list()) {
                g.writeStartObject();
                writeSummary(g, listed);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private APIGatewayV2HTTPResponse validate(String text) {
        return switch (manage.validate(text)) {
            case Checked.Invalid<JourneyDefinition> invalid -> OperatorRequests.refused("the definition", invalid.problems());
            case Checked.Valid<JourneyDefinition> valid -> HttpResponses.json(200, g -> {
                g.writeStartObject();
                g.writeBooleanField("valid", true);
                g.writeFieldName("definition");
                g.writeRawValue(format.write(valid.value()));
                g.writeEndObject();
            });
        };
    }

    private APIGatewayV2HTTPResponse show(String journeyId) {
        Optional<ManageJourneys.Listed> listed = listed(journeyId);
        if (listed.isEmpty()) return OperatorRequests.notFound("no such journey");
        Optional<String> text = listed.get().active().flatMap(version -> manage.show(journeyId, version));
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            writeSummary(g, listed.get());
            writeDefinition(g, text);
            g.writeEndObject();
        });
    }

    private APIGatewayV2HTTPResponse showVersion(String journeyId, int version) {
        Optional<String> text = manage.show(journeyId, version);
        if (text.isEmpty()) return OperatorRequests.notFound("no such version of this journey");
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("id", journeyId);
            g.writeNumberField("version", version);
            writeDefinition(g, text);
            g.writeEndObject();
        });
    }

    private APIGatewayV2HTTPResponse submit(String journeyId, String text) {
        return switch (manage.submit(journeyId, text)) {
            case ManageJourneys.Submitted.Refused refused -> OperatorRequests.refused("the definition", refused.problems());
            case ManageJourneys.Submitted.Stored stored -> HttpResponses.json(201, g -> {
                g.writeStartObject();
                g.writeStringField("id", stored.version().journeyId());
                g.writeNumberField("version", stored.version().version());
                g.writeBooleanField("active", false);
                g.writeEndObject();
            });
        };
    }

    private APIGatewayV2HTTPResponse activate(String journeyId, int version) {
        return switch (manage.activate(journeyId, version)) {
            case NO_SUCH_VERSION -> OperatorRequests.notFound("no such version of this journey");
            case UNREADABLE -> HttpResponses.problem(422, "Unprocessable Content",
                    "the stored version no longer reads as a valid definition; it was not activated");
            case ACTIVATED -> summary(journeyId);
        };
    }

    private APIGatewayV2HTTPResponse rollback(String journeyId) {
        if (!manage.rollback(journeyId)) {
            return HttpResponses.problem(409, "Conflict", "the journey has no earlier activation to return to");
        }
        return summary(journeyId);
    }

    private APIGatewayV2HTTPResponse deactivate(String journeyId) {
        if (listed(journeyId).isEmpty()) return OperatorRequests.notFound("no such journey");
        manage.deactivate(journeyId);
        return summary(journeyId);
    }

    private APIGatewayV2HTTPResponse summary(String journeyId) {
        Optional<ManageJourneys.Listed> listed = listed(journeyId);
        if (listed.isEmpty()) return OperatorRequests.notFound("no such journey");
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            writeSummary(g, listed.get());
            g.writeEndObject();
        });
    }

    private Optional<ManageJourneys.Listed> listed(String journeyId) {
        return manage.list().stream().filter(l -> l.journeyId().equals(journeyId)).findFirst();
    }

    private static void writeSummary(JsonGenerator g, ManageJourneys.Listed listed) throws IOException {
        g.writeStringField("id", listed.journeyId());
        g.writeStringField("source", listed.source());
        g.writeNumberField("latest", listed.latest());
        if (listed.active().isPresent()) {
            g.writeNumberField("active", listed.active().get());
        } else {
            g.writeNullField("active");
        }
    }

    /** The definition as stored (it was read before it could be stored, so it is JSON). */
    private static void writeDefinition(JsonGenerator g, Optional<String> text) throws IOException {
        if (text.isPresent() && ContractJson.read(text.get()) instanceof ContractJson.JsonReading.WellFormed) {
            g.writeFieldName("definition");
            g.writeRawValue(text.get());
        } else {
            g.writeNullField("definition");
        }
    }
}
