package dev.winback.adapters.dynamodb;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer sample against DynamoDB Local: whole records only, at most the maximum, from every segment. */
class DynamoDbCustomerSampleIT {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final DynamoDbEngagementStore records =
            new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter());

    @Test
    void records_returnsStoredRecordsOnly_atMostTheMaximum() {
        for (int i = 0; i < 30; i++) save("c-" + i);
        // Not records: an erased customer's marker and a model item.
        table.client().putItem(b -> b.tableName(table.name()).item(DynamoDbEngagementStore.erasedMarker("c-gone", AT)));
        new DynamoDbOnce(table.client(), table.name(), java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC)).markDone("some-key");

        try (var executor = Executors.newFixedThreadPool(4)) {
            DynamoDbCustomerSample sample = new DynamoDbCustomerSample(table.client(), table.name(), new CapacityMeter(), 4,
                    executor);

            List<EngagementRecord> all = sample.records(1_000);
            assertThat(all).hasSize(30).extracting(EngagementRecord::customerId).doesNotHaveDuplicates()
                    .allMatch(id -> id.matches("c-[0-9]+"));
            assertThat(all).contains(records.load(List.of("c-7")).get("c-7").record());

            assertThat(sample.records(10)).hasSizeLessThanOrEqualTo(10).isNotEmpty();
            assertThat(sample.sample(1_000)).hasSize(30);
        }
    }

    @Test
    void anEmptyTable_givesAnEmptySample() {
        try (var executor = Executors.newSingleThreadExecutor()) {
            assertThat(new DynamoDbCustomerSample(table.client(), table.name(), new CapacityMeter(), 2, executor)
                    .sample(100)).isEmpty();
        }
    }

    private void save(String customerId) {
        RecordUpdate.Result update = RecordUpdate.apply(EngagementRecord.empty(customerId), List.of(new EngagementEvent(
                "e-" + customerId, customerId, AT, Optional.of(Platform.APP), new EventPayload.SessionStarted(Platform.APP),
                AT)), Map.of());
        assertThat(records.save(StoredRecord.absent(customerId), update)).isTrue();
    }
}
