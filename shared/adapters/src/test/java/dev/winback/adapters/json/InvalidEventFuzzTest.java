package dev.winback.adapters.json;

import dev.winback.core.ingest.ParseResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.json.ContractJson.JsonReading;
import dev.winback.adapters.json.InvalidEventFuzzer.FuzzedEvent;
import dev.winback.adapters.json.InvalidEventFuzzer.Mutation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A thousand seeded mutations of valid events: each one refused, by the parser and by the schema. */
class InvalidEventFuzzTest {

    private static final long SEED = 0x5EEDL;
    private static final int COUNT = 1_000;

    private final EventJsonParser parser = new EventJsonParser();
    private final EventJsonWriter writer = new EventJsonWriter();

    private List<FuzzedEvent> fuzzedEvents() {
        List<ObjectNode> valid = new ArrayList<>(SampleEvents.all());
        new ValidEventGenerator(SEED).events(200).forEach(event -> valid.add(writer.toNode(event)));
        return new InvalidEventFuzzer(valid, SEED).generate(COUNT);
    }

    @Test
    void fuzzedEvents_whenParsed_areAllInvalidWithAtLeastOneFieldError() {
        List<FuzzedEvent> fuzzed = fuzzedEvents();
        Set<Mutation> seen = EnumSet.noneOf(Mutation.class);

        for (FuzzedEvent event : fuzzed) {
            seen.add(event.mutation());
            assertThatCode(() -> parser.parse(event.json())).as(event.description()).doesNotThrowAnyException();
            assertThat(parser.parse(event.json()))
                    .as("%s: %s", event.description(), event.json())
                    .isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> assertThat(invalid.errors()).isNotEmpty());
        }
        assertThat(seen).containsExactlyInAnyOrder(Mutation.values());
    }

    @Test
    void fuzzedEvents_whenWellFormed_areAlsoRefusedByTheSchema() {
        int checked = 0;
        for (FuzzedEvent event : fuzzedEvents()) {
            if (ContractJson.read(event.json()) instanceof JsonReading.WellFormed wellFormed) {
                checked++;
                assertThat(ContractSchemas.eventViolations(wellFormed.node()))
                        .as("%s: %s", event.description(), event.json())
                        .isNotEmpty();
            }
        }
        assertThat(checked).isGreaterThan(COUNT / 2);
    }

    @Test
    void fuzzedMessageBodies_whenParsed_neverThrow() {
        for (FuzzedEvent event : fuzzedEvents()) {
            assertThatCode(() -> parser.parseMessageBody(event.json())).as(event.description()).doesNotThrowAnyException();
            assertThat(parser.parseMessageBody(event.json())).as(event.description()).isInstanceOf(ParseResult.Invalid.class);
        }
    }
}
