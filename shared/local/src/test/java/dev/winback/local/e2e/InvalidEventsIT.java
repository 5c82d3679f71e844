package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.adapters.json.InvalidEventFuzzer;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.record.StoredRecord;
import dev.winback.local.demo.SyntheticConfig;
import dev.winback.local.demo.SyntheticCustomerBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input never blocks good input, and nothing is lost: invalid events are kept with their reasons. */
class InvalidEventsIT {

    private final IngestFixture fixture = IngestFixture.get();

    @Test
    void aBatchMixingValidAndThousandFuzzedEvents_storesEveryValidOneAndKeepsEveryInvalidOne() {
        List<EngagementEvent> valid = SyntheticCustomerBase.generate(SyntheticConfig.defaults().withCustomers(40)
                .withSeed(5)).events().limit(2_000).map(e -> new EngagementEvent(e.eventId(), "iv-" + e.customerId(),
                e.occurredAt(), e.platform(), e.payload())).toList();
        EventJsonWriter writer = new EventJsonWriter();
        List<ObjectNode> seeds = valid.stream().limit(300).map(writer::toNode).toList();
        List<String> invalid = new InvalidEventFuzzer(seeds, 99).generate(1_000).stream()
                .map(InvalidEventFuzzer.FuzzedEvent::json).toList();

        List<String> bodies = new ArrayList<>();
        valid.forEach(e -> bodies.add(fixture.json(e)));
        bodies.addAll(invalid);
        Collections.shuffle(bodies, new Random(3));
        for (int from = 0; from < bodies.size(); from += 100) {
            assertThat(fixture.sendBodies(bodies.subList(from, Math.min(bodies.size(), from + 100))))
                    .as("batch item failures").isEmpty();
        }

        Set<String> customers = new TreeSet<>();
        valid.forEach(e -> customers.add(e.customerId()));
        Map<String, StoredRecord> records = fixture.records(customers);
        assertThat(records.values()).allSatisfy(r -> assertThat(r.version()).isPositive());
        // Every valid event is in its record: offered again, each one is recognised as a duplicate.
        assertThat(fixture.ingestion.intake().apply(valid))
                .allSatisfy(result -> assertThat(result).isInstanceOf(IntakeResult.Duplicate.class));

        List<Map<String, AttributeValue>> kept = rejectedItems();
        assertThat(kept).hasSizeGreaterThanOrEqualTo(invalid.size());
        assertThat(kept).allSatisfy(item -> {
            assertThat(item.get("reasons").l()).isNotEmpty();
            assertThat(item.get("reasons").l().getFirst().s()).contains(": ");
            assertThat(item).containsKey("body");
        });
    }

    private List<Map<String, AttributeValue>> rejectedItems() {
        return fixture.rejectedItems("2026-12-01");
    }
}
