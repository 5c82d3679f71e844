package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The record as the API shows it. */
class CustomerViewTest {

    @Test
    void api_namesTheFieldsForReaders() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CustomerView.write(EngagementRecord.empty("c-3").withEvaluation(StoredRecordJsonEvaluationTest.EVALUATED), Optional.empty(), out);

        JsonNode evaluation = new ObjectMapper().readTree(out.toByteArray()).path("evaluation");
        assertThat(evaluation.path("state").asText()).isEqualTo("at_risk");
        assertThat(evaluation.path("riskScore").asDouble()).isEqualTo(0.523);
        assertThat(evaluation.at("/signals/0/type").asText()).isEqualTo("messages_ignored");
        assertThat(evaluation.at("/signals/0/actionKeys/0").asText()).isEqualTo(StoredRecordJsonEvaluationTest.KEY);
        assertThat(evaluation.at("/sunsets/email/state").asText()).isEqualTo("last_chance");
        assertThat(evaluation.at("/sunsets/push/since").asText()).isEqualTo("2026-10-08T00:00:00Z");
        assertThat(evaluation.at("/nextDeadline/at").asText()).isEqualTo("2026-12-07T10:15:30Z");
    }

    @Test
    void api_showsEachConsentPurpose_advertisingBesideMarketing() throws Exception {
        Instant at = Instant.parse("2026-11-23T10:21:00Z");
        EngagementRecord record = RecordUpdate.apply(EngagementRecord.empty("c-4"), List.of(
                new EngagementEvent("e-1", "c-4", at, Optional.empty(),
                        new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "checkout", "m-1")),
                new EngagementEvent("e-2", "c-4", at, Optional.empty(),
                        new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.ADVERTISING, false, "account", "ads-1"))),
                Map.of()).record();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CustomerView.write(record, Optional.empty(), out);

        JsonNode consent = new ObjectMapper().readTree(out.toByteArray()).at("/channels/email/consent");
        assertThat(consent.at("/marketing/granted").asBoolean()).isTrue();
        assertThat(consent.at("/advertising/granted").isBoolean()).isTrue();
        assertThat(consent.at("/advertising/granted").asBoolean()).isFalse();
        assertThat(consent.at("/advertising/wordingVersion").asText()).isEqualTo("ads-1");
    }
}
