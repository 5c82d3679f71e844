package dev.winback.adapters.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The holdout key in DynamoDB Local: created once, whoever asks first and however many at once. */
class DynamoDbHoldoutKeyIT {

    private final LocalTable table = LocalTable.create();

    @Test
    void readersStartingTogetherOnAnEmptyTableAllGetTheOneKeyThatWasStored() throws Exception {
        int readers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(readers);
        List<Future<byte[]>> keys = new ArrayList<>();
        try {
            for (int i = 0; i < readers; i++) {
                // Each its own instance, as each execution environment has.
                DynamoDbHoldoutKey key = new DynamoDbHoldoutKey(table.client(), table.name(), new CapacityMeter());
                keys.add(threads.submit(() -> {
                    start.await();
                    return key.bytes();
                }));
            }
            start.countDown();
            byte[] first = keys.getFirst().get();
            assertThat(first).hasSize(DynamoDbHoldoutKey.KEY_BYTES);
            for (Future<byte[]> key : keys) assertThat(key.get()).isEqualTo(first);
            assertThat(stored()).isEqualTo(first);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aStoredKeyIsNeverReplaced_andIsReadOncePerInstance() {
        byte[] first = new DynamoDbHoldoutKey(table.client(), table.name(), new CapacityMeter()).bytes();

        assertThat(DynamoDbHoldoutKey.storeIfAbsent(table.client(), table.name(), new CapacityMeter(), new byte[32]))
                .isFalse();
        CapacityMeter meter = new CapacityMeter();
        DynamoDbHoldoutKey later = new DynamoDbHoldoutKey(table.client(), table.name(), meter);
        assertThat(later.bytes()).isEqualTo(first);
        double afterFirstRead = meter.readUnits();
        assertThat(later.bytes()).isEqualTo(first);
        assertThat(meter.readUnits()).isEqualTo(afterFirstRead);
        assertThat(meter.writeUnits()).isZero();
    }

    @Test
    void aKeyStoredFirst_asTheLocalRuntimeDoes_isTheOneRead() {
        assertThat(DynamoDbHoldoutKey.storeIfAbsent(table.client(), table.name(), new CapacityMeter(),
                DynamoDbHoldoutKey.LOCAL_DEVELOPMENT_KEY)).isTrue();

        assertThat(new DynamoDbHoldoutKey(table.client(), table.name(), new CapacityMeter()).bytes())
                .isEqualTo(DynamoDbHoldoutKey.LOCAL_DEVELOPMENT_KEY);
    }

    private byte[] stored() {
        Map<String, AttributeValue> item = table.client().getItem(b -> b.tableName(table.name()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.SETTINGS_PK),
                        Keys.SK, AttributeValue.fromS(Keys.HOLDOUT_KEY_SK)))).item();
        assertThat(item).doesNotContainKey(Keys.EXPIRES_AT);
        return item.get(DynamoDbHoldoutKey.KEY).b().asByteArray();
    }
}
