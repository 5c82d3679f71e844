package dev.winback.adapters.dynamodb;

import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** When the records an instance wrote last are worth starting from. */
class WrittenRecordsTest {

    private final WrittenRecords written = new WrittenRecords(100);

    @Test
    void aRecordThisInstanceWrote_isServedUntilSomeoneElsesWriteRefusesIt() {
        StoredRecord v1 = record("c-1", 1);
        written.wrote(StoredRecord.absent("c-1"), v1);

        Optional<StoredRecord> served = written.startFrom("c-1");
        assertThat(served).containsSame(v1);
        written.refused(served.get());

        assertThat(written.startFrom("c-1")).isEmpty();
        assertThat(written.served()).isEqualTo(1);
        assertThat(written.servedRefused()).isEqualTo(1);
    }

    @Test
    void whenMostServedRecordsAreRefused_fewAreServed_andServingResumesOnceTheyAreWrittenAgain() {
        IntStream.range(0, 40).forEach(i -> {
            written.wrote(StoredRecord.absent("c-" + i), record("c-" + i, 1));
            written.refused(written.held("c-" + i).orElseThrow()); // served, and another instance wrote each
        });
        IntStream.range(0, 64).forEach(i -> written.wrote(StoredRecord.absent("d-" + i), record("d-" + i, 1)));

        long servedNow = IntStream.range(0, 4 * 64).filter(i -> written.startFrom("d-" + i % 64).isPresent()).count();
        assertThat(servedNow).as("one probe in " + WrittenRecords.PROBE_EVERY).isBetween(3L, 5L);

        for (int round = 2; round < 160; round++) { // the probes succeed: this instance is the only writer now
            for (int i = 0; i < 64; i++) {
                StoredRecord previous = written.startFrom("d-" + i).orElse(null);
                if (previous != null) written.wrote(previous, record("d-" + i, round));
            }
        }
        assertThat(IntStream.range(0, 64).filter(i -> written.startFrom("d-" + i).isPresent()).count()).isEqualTo(64);
    }

    @Test
    void keepsNothing_atCapacityZero() {
        WrittenRecords.NONE.wrote(StoredRecord.absent("c-1"), record("c-1", 1));

        assertThat(WrittenRecords.NONE.startFrom("c-1")).isEmpty();
    }

    private static StoredRecord record(String customerId, long version) {
        return new StoredRecord(EngagementRecord.empty(customerId), version);
    }
}
