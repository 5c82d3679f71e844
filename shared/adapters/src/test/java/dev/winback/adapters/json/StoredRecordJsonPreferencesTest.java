package dev.winback.adapters.json;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.event.MessageCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StoredRecordJsonPreferencesTest {

    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void preferencesAndTheSendLogSurviveTheStoredShape() {
        EngagementRecord record = RecordUpdate.apply(EngagementRecord.empty("c-1"), List.of(
                event("e1", AT, new EventPayload.PreferencesChanged(Optional.of(Set.of(MessageCategory.PROMOTIONS, MessageCategory.SURVEYS)),
                        Optional.of(Set.of(Channel.SMS, Channel.PUSH)), Optional.of(2),
                        Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30))),
                        Optional.of(AT.plusSeconds(86_400)))),
                event("e2", AT.plusSeconds(5), new EventPayload.MessageSent("m-1", Channel.EMAIL, Optional.of(Purpose.MARKETING))),
                event("e3", AT.plusSeconds(6), new EventPayload.MessageSent("m-2", Channel.SMS, Optional.of(Purpose.TRANSACTIONAL))),
                event("e4", AT.plusNanos(1234), new EventPayload.MessageSent("m-3", Channel.PUSH))), Map.of()).record();

        EngagementRecord read = StoredRecordJson.fromBytes(StoredRecordJson.toBytes(record));

        assertThat(read).isEqualTo(record);
        assertThat(read.sendLog().recent()).extracting(s -> s.channel()).containsExactly(Channel.EMAIL, Channel.PUSH);
        assertThat(read.preferences().weeklyLimit()).contains(2);
    }

    @Test
    void aRecordWithoutPreferencesOrSendsWritesNeither() {
        String json = new String(StoredRecordJson.toBytes(EngagementRecord.empty("c-2")));
        assertThat(json).doesNotContain("preferences").doesNotContain("sendLog");
    }

    private static EngagementEvent event(String id, Instant at, EventPayload payload) {
        return new EngagementEvent(id, "c-1", at, Optional.empty(), payload);
    }
}
