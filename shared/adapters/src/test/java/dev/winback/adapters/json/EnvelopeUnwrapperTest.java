package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.json.EnvelopeUnwrapper.Unwrapped;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeUnwrapperTest {

    private final EventJsonParser parser = new EventJsonParser();

    @Test
    void unwrap_whenBareEvent_returnsItAsIs() {
        ObjectNode event = SampleEvents.sample("store_visited");

        assertThat(EnvelopeUnwrapper.unwrap(event)).isEqualTo(new Unwrapped.BareEvent(event));
    }

    @Test
    void unwrap_whenEnvelopeOfAnotherDetailType_saysSo() {
        ObjectNode envelope = (ObjectNode) SampleEvents.fixture("eventbridge-engagement-event.json");
        envelope.put("detail-type", "OrderPlaced");

        assertThat(EnvelopeUnwrapper.unwrap(envelope)).isInstanceOf(Unwrapped.OtherDetailType.class);
        assertThat(parser.parseMessageBody(ContractJson.write(envelope))).isEqualTo(new ParseResult.Invalid(null,
                List.of(new FieldError("detail-type", "must be EngagementEvent"))));
    }

    @Test
    void parseMessageBody_whenEnvelopeHoldsAnInvalidEvent_reportsFieldsUnderDetail() {
        ObjectNode envelope = (ObjectNode) SampleEvents.fixture("eventbridge-engagement-event.json");
        ((ObjectNode) envelope.get("detail").get("properties")).put("amount", -1);

        assertThat(parser.parseMessageBody(ContractJson.write(envelope))).isEqualTo(new ParseResult.Invalid("evt-0003",
                List.of(new FieldError("detail.properties.amount", "must not be negative"))));
    }

    @Test
    void parseMessageBody_whenDetailIsNotAnObject_reportsDetail() {
        ObjectNode envelope = (ObjectNode) SampleEvents.fixture("eventbridge-engagement-event.json");
        envelope.put("detail", "{}");

        assertThat(parser.parseMessageBody(ContractJson.write(envelope))).isEqualTo(ParseResult.Invalid.of(
                new FieldError("detail", "must be a JSON object, not a string")));
    }

    @Test
    void parseMessageBody_whenNotJson_reportsTheWholeBody() {
        assertThat(parser.parseMessageBody("{\"detail-type\":")).isInstanceOfSatisfying(ParseResult.Invalid.class,
                invalid -> assertThat(invalid.errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("$")));
    }
}
