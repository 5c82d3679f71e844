package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.core.event.Channel;
import dev.winback.core.journey.DryRunJourneys;
import dev.winback.core.journey.JourneyTransition;

import java.io.IOException;
import java.time.Clock;

/**
 * POST /v1/journeys/dry-run: what the active journeys, or a candidate in place of one, would do to
 * up to 100 customers over a horizon: their entries, refusals and exits and the messages they would
 * get. Nothing is stored and nothing is sent.
 */
final class DryRunRoute implements Route {

    static final String KEY = "POST /v1/journeys/dry-run";
    /** A candidate definition and 50 events fit many times over. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final DryRunJourneys dryRun;
    private final Clock clock;
    private final DryRunRequestParser parser = new DryRunRequestParser();

    DryRunRoute(DryRunJourneys dryRun, Clock clock) {
        this.dryRun = dryRun;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        return switch (OperatorRequests.json(request, MAX_BODY_BYTES)) {
            case OperatorRequests.Json.Refused refused -> refused.response();
            case OperatorRequests.Json.Read read -> switch (parser.parse(read.node(), clock.instant())) {
                case DryRunRequestParser.Parsed.Invalid invalid -> HttpResponses.problem(400, "Bad Request",
                        invalid.errors().size() + " invalid field(s); nothing was run", invalid.errors());
                case DryRunRequestParser.Parsed.Refused refused ->
                        OperatorRequests.refused("the candidate definition", refused.problems());
                case DryRunRequestParser.Parsed.Request run -> answer(dryRun.run(run.request()));
            };
        };
    }

    private static APIGatewayV2HTTPResponse answer(DryRunJourneys.Report report) {
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("from", report.from().toString());
            g.writeStringField("until", report.until().toString());
            g.writeArrayFieldStart("customers");
            for (DryRunJourneys.CustomerRun customer : report.customers()) writeCustomer(g, customer);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void writeCustomer(JsonGenerator g, DryRunJourneys.CustomerRun customer) throws IOException {
        g.writeStartObject();
        g.writeStringField("customerId", customer.customerId());
        g.writeBooleanField("found", customer.found());
        g.writeBooleanField("truncated", customer.truncated());
        g.writeArrayFieldStart("transitions");
        for (DryRunJourneys.Transition transition : customer.transitions()) {
            g.writeStartObject();
            g.writeStringField("at", transition.at().toString());
            g.writeStringField("journey", transition.transition().journeyId());
            switch (transition.transition()) {
                case JourneyTransition.Entered entered -> g.writeStringField("kind", "entered");
                case JourneyTransition.NotEntered refused -> {
                    g.writeStringField("kind", "not_entered");
                    if (refused.reason() != null) g.writeStringField("reason", refused.reason());
                }
                case JourneyTransition.Exited exited -> {
                    g.writeStringField("kind", "exited");
                    g.writeStringField("reason", exited.reason());
                }
                case JourneyTransition.Sent sent -> g.writeStringField("kind", "sent");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("messages");
        for (DryRunJourneys.Message message : customer.messages()) {
            g.writeStartObject();
            g.writeStringField("at", message.at().toString());
            g.writeStringField("journey", message.journeyId());
            g.writeStringField("step", message.stepId());
            g.writeStringField("campaign", message.campaignId());
            g.writeArrayFieldStart("channels");
            for (Channel channel : message.channels()) g.writeString(channel.wireName());
            g.writeEndArray();
            g.writeStringField("purpose", message.purpose().wireName());
            g.writeStringField("category", message.category().wireName());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
