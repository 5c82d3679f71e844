package dev.winback.functions.cdp;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.core.cdp.CdpOutcome;
import dev.winback.core.ingest.FieldError;

import java.util.List;

/** The answer for one message of a CDP request, and the response that lists them. */
record CdpAnswer(int index, String messageId, String status, String reason, List<FieldError> errors) {

    static CdpAnswer of(int index, String messageId, CdpOutcome outcome) {
        return switch (outcome) {
            case CdpOutcome.Accepted a -> new CdpAnswer(index, messageId, "accepted", null, List.of());
            case CdpOutcome.Refused r -> new CdpAnswer(index, messageId, "invalid", null, r.errors().stream()
                    .map(e -> e.field().equals("occurredAt") ? new FieldError("timestamp", e.message()) : e).toList());
            case CdpOutcome.Retry r -> new CdpAnswer(index, messageId, "retry", null, List.of());
        };
    }

    /** 200 with a result per message; 503 when any must be sent again (the whole request may be: repeats are harmless). */
    static APIGatewayV2HTTPResponse response(List<CdpAnswer> answers) {
        boolean retry = answers.stream().anyMatch(a -> a.status().equals("retry"));
        return HttpResponses.json(retry ? 503 : 200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (CdpAnswer answer : answers) {
                g.writeStartObject();
                g.writeNumberField("index", answer.index());
                if (answer.messageId() != null) g.writeStringField("messageId", answer.messageId());
                g.writeStringField("status", answer.status());
                if (answer.reason() != null) g.writeStringField("reason", answer.reason());
                if (!answer.errors().isEmpty()) {
                    g.writeArrayFieldStart("errors");
                    for (FieldError error : answer.errors()) {
                        g.writeStartObject();
                        g.writeStringField("field", error.field());
                        g.writeStringField("message", error.message());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
