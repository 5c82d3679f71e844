package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** However many fields are bad, an event or a request names the first hundred and counts the rest. */
class ErrorListCapTest {

    @Test
    void anEventWithThousandsOfUnknownFields_namesTheFirstHundred_andCountsTheRest() {
        StringBuilder event = new StringBuilder("{\"eventId\":\"cap-1\",\"customerId\":\"c-1\",\"type\":\"session_started\","
                + "\"occurredAt\":\"2026-10-01T10:00:00Z\",\"properties\":{\"platform\":\"app\"}");
        IntStream.range(0, 5_000).forEach(i -> event.append(",\"x").append(i).append("\":0"));
        ParseResult result = new EventJsonParser().parse(event.append('}').toString());

        assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> {
            assertThat(invalid.eventId()).isEqualTo("cap-1");
            assertThat(invalid.errors()).hasSize(FieldError.MAX_LISTED);
            assertThat(invalid.errors().getFirst()).isEqualTo(new FieldError("x0", "is not a field of an engagement event"));
            assertThat(invalid.omitted()).isEqualTo(5_000 - FieldError.MAX_LISTED);
            assertThat(invalid.errorCount()).isEqualTo(5_000);
        });
    }

    @Test
    void theCountSurvivesAnEnvelope() {
        StringBuilder detail = new StringBuilder("{\"eventId\":\"cap-2\"");
        IntStream.range(0, 300).forEach(i -> detail.append(",\"y").append(i).append("\":0"));
        String envelope = "{\"detail-type\":\"EngagementEvent\",\"detail\":" + detail.append('}') + "}";
        ParseResult result = new EventJsonParser().parseMessageBody(envelope);

        assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> {
            assertThat(invalid.errors()).hasSize(FieldError.MAX_LISTED);
            assertThat(invalid.errors().getFirst().field()).startsWith("detail.");
            assertThat(invalid.errorCount()).isGreaterThan(300);
        });
    }

    @Test
    void aRequestBodyWithThousandsOfUnknownFields_namesTheFirstHundred() {
        StringBuilder body = new StringBuilder("{\"events\":[]");
        IntStream.range(0, 2_000).forEach(i -> body.append(",\"z").append(i).append("\":0"));
        EventsRequestResult result = new EventsRequestParser().parse(body.append('}').toString());

        assertThat(result).isInstanceOfSatisfying(EventsRequestResult.BodyInvalid.class, invalid -> {
            assertThat(invalid.errors()).hasSize(FieldError.MAX_LISTED);
            assertThat(invalid.errors().size() + invalid.omitted()).isEqualTo(2_001);
        });
    }

    @Test
    void anInvalidResultBuiltWithTooManyErrors_keepsTheFirstHundred() {
        List<FieldError> errors = IntStream.range(0, 150).mapToObj(i -> new FieldError("f" + i, "bad")).toList();
        ParseResult.Invalid invalid = new ParseResult.Invalid("id", errors, 5);
        assertThat(invalid.errors()).hasSize(FieldError.MAX_LISTED).startsWith(new FieldError("f0", "bad"));
        assertThat(invalid.omitted()).isEqualTo(55);
    }
}
