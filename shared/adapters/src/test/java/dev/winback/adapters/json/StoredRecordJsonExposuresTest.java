package dev.winback.adapters.json;

import dev.winback.core.outcome.Assignment;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StoredRecordJsonExposuresTest {

    static final Instant AT = Instant.parse("2026-11-23T10:00:00.123Z");

    @Test
    void openExposuresAndTheirConversionsSurviveTheStoredShape() {
        EngagementRecord record = EngagementRecord.empty("c-1")
                .exposedTo("winback", Assignment.TREATED, AT)
                .exposedTo("post-purchase", Assignment.HELD_OUT, AT.plusSeconds(5))
                .exposedTo("lapsed", Assignment.CONTROL, AT.plusSeconds(9));
        record = new EngagementRecord(record.customerId(), record.platforms(), record.purchases(), record.channels(),
                record.pushPermission(), record.membership(), record.install(), record.profile(), record.recent(),
                record.seen(), record.evaluation(), record.preferences(), record.sendLog(),
                record.exposures().converted(AT.plus(Duration.ofHours(2))));

        EngagementRecord read = StoredRecordJson.fromBytes(StoredRecordJson.toBytes(record));

        assertThat(read).isEqualTo(record);
        assertThat(read.exposures().open()).hasSize(3).allSatisfy(e -> assertThat(e.converted()).isTrue());
    }

    @Test
    void aRecordWithoutExposuresWritesNone_andTheApiViewNeverShowsThem() {
        assertThat(new String(StoredRecordJson.toBytes(EngagementRecord.empty("c-2")))).doesNotContain("exposures");
    }
}
