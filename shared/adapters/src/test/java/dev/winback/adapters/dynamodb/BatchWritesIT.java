package dev.winback.adapters.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Batched writes against DynamoDB Local: any number of puts and deletes, over DynamoDB's 25 per call. */
class BatchWritesIT {

    private final LocalTable table = LocalTable.create();

    @Test
    void writeAll_writesEveryItem_beyondOneBatch_thenDeletesThem() {
        List<WriteRequest> puts = IntStream.range(0, 60).mapToObj(i -> WriteRequest.builder()
                .putRequest(p -> p.item(Map.of(Keys.PK, AttributeValue.fromS("BATCH#" + i), Keys.SK, AttributeValue.fromS("X"),
                        "n", AttributeValue.fromN(Integer.toString(i))))).build()).toList();
        CapacityMeter meter = new CapacityMeter();

        BatchWrites.writeAll(table.client(), table.name(), puts, meter);

        assertThat(count()).isEqualTo(60);
        assertThat(meter.writeUnits()).isGreaterThanOrEqualTo(60);

        BatchWrites.writeAll(table.client(), table.name(), IntStream.range(0, 59).mapToObj(i -> WriteRequest.builder()
                .deleteRequest(d -> d.key(Map.of(Keys.PK, AttributeValue.fromS("BATCH#" + i), Keys.SK, AttributeValue.fromS("X"))))
                .build()).toList());

        assertThat(count()).isEqualTo(1);
    }

    @Test
    void writeAll_ofNothing_callsNothing() {
        CapacityMeter meter = new CapacityMeter();

        BatchWrites.writeAll(table.client(), table.name(), List.of(), meter);

        assertThat(meter.writeUnits()).isZero();
    }

    private int count() {
        return table.client().scan(b -> b.tableName(table.name()).consistentRead(true)).count();
    }
}
