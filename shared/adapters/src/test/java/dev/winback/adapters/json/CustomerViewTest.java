package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
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
}
