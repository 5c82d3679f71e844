package dev.winback.adapters.json;

import dev.winback.core.ingest.ParseResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.event.EngagementEvent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing a domain event and reading it back gives the same event, for every type. */
class RoundTripTest {

    private static final long SEED = 20261123L;

    private final EventJsonParser parser = new EventJsonParser();
    private final EventJsonWriter writer = new EventJsonWriter();

    static Stream<Path> samples() {
        return SampleEvents.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void writeThenParse_forEachType_givesTheSameEvent(EventType type) {
        ValidEventGenerator generator = new ValidEventGenerator(SEED + type.ordinal());
        for (int i = 0; i < 50; i++) {
            EngagementEvent event = generator.event(type);
            assertThat(parser.parse(writer.toJson(event))).isEqualTo(new ParseResult.Parsed(event));
        }
    }

    @Test
    void writtenEvents_whenValidatedAgainstTheSchema_haveNoViolations() {
        List<EngagementEvent> events = new ValidEventGenerator(SEED).events(1_000);
        Set<String> types = new HashSet<>();
        for (EngagementEvent event : events) {
            types.add(event.type());
            assertThat(ContractSchemas.eventViolations(writer.toNode(event))).as(writer.toJson(event)).isEmpty();
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(EventType.wireNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void parseThenWrite_forEachSample_givesTheSameJson(Path sample) {
        JsonNode original = SampleEvents.readJson(RepositoryRoot.read(sample));
        ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse(original);

        JsonNode written = writer.toNode(parsed.event());

        // The writer spells every instant in UTC and always writes properties, so compare after parsing.
        assertThat(parser.parse(written)).isEqualTo(parsed);
        assertThat(written.get("properties").get("amount")).isEqualTo(original.path("properties").get("amount"));
    }

    @Test
    void requestBody_whenParsed_givesTheEventsInOrder() {
        List<EngagementEvent> events = new ValidEventGenerator(SEED).events(40);

        EventsRequestResult result = new EventsRequestParser().parse(writer.toRequestBody(events));

        assertThat(result).isInstanceOf(EventsRequestResult.Events.class);
        assertThat(((EventsRequestResult.Events) result).accepted()).isEqualTo(events);
    }
}
