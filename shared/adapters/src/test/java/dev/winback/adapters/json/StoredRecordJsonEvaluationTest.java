package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.event.Channel;
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.Evaluation;
import dev.winback.core.record.RiskState;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import dev.winback.core.record.ChannelSunsets;
import dev.winback.core.record.SunsetState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StoredRecordJsonEvaluationTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");
    static final String KEY = "a".repeat(64);

    static final Evaluation EVALUATED = new Evaluation.Evaluated(RiskState.AT_RISK,
            Instant.parse("2026-11-01T00:00:00Z"), 0.523,
            List.of(new EvaluatedSignal(SignalType.MESSAGES_IGNORED, "email", Strength.WEAK,
                            Instant.parse("2026-10-01T08:00:00.5Z"), List.of(KEY)),
                    new EvaluatedSignal(SignalType.PURCHASE_LAPSE, "", Strength.STRONG,
                            Instant.parse("2026-11-01T00:00:01Z"), List.of())),
            new ChannelSunsets(Map.of(Channel.EMAIL, new SunsetState.LastChance(AT, 2),
                    Channel.PUSH, new SunsetState.Sunset(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-08T00:00:00Z")))),
            AT, Optional.of(Instant.parse("2026-12-07T10:15:30Z")));

    @Test
    void storage_roundTripsTheEvaluation() {
        EngagementRecord record = EngagementRecord.empty("c-1").withEvaluation(EVALUATED);

        assertThat(StoredRecordJson.fromBytes(StoredRecordJson.toBytes(record))).isEqualTo(record);
    }

    @Test
    void storage_roundTripsTheEpisodeOfRisk() {
        Evaluation.Evaluated base = (Evaluation.Evaluated) EVALUATED;
        Evaluation inEpisode = new Evaluation.Evaluated(base.state(), base.since(), base.score(), base.signals(),
                base.sunsets(), base.evaluatedAt(), base.next(), Optional.of(new dev.winback.core.record.RiskEpisode(
                Instant.parse("2026-10-20T00:00:00Z"), List.of("come-back-after-uninstall"))));
        EngagementRecord record = EngagementRecord.empty("c-1").withEvaluation(inEpisode);

        assertThat(StoredRecordJson.fromBytes(StoredRecordJson.toBytes(record))).isEqualTo(record);
    }

    @Test
    void storage_neverEvaluated_writesNoEvaluationAndReadsNone() throws Exception {
        EngagementRecord record = EngagementRecord.empty("c-2");
        byte[] json = StoredRecordJson.toBytes(record);

        assertThat(new ObjectMapper().readTree(json).has("evaluation")).isFalse();
        assertThat(StoredRecordJson.fromBytes(json).evaluation()).isEqualTo(Evaluation.NONE);
    }
}
