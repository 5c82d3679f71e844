package dev.winback.local.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lists_the_figures_the_page_draws_with_undefined_ones_as_null() throws Exception {
        JsonNode json = JSON.readTree(ReportJson.write(SampleReports.full()));

        assertThat(json.path("lifecycle")).hasSize(3);
        assertThat(json.path("lifecycle").get(2).path("customersByState").path("lapsed").asLong()).isEqualTo(15);
        assertThat(json.path("weekly").get(0).path("messages").asLong()).isEqualTo(30);
        assertThat(json.path("messagesByChannel").path("email").asLong()).isEqualTo(40);
        assertThat(json.path("decisionsByReason").path("stopped: held_out").asLong()).isEqualTo(6);
        assertThat(json.path("lifts").get(0).path("liftLower").asDouble()).isEqualTo(0.05);
        assertThat(json.path("lifts").get(2).path("lift").isNull()).isTrue();
        assertThat(json.path("rocCurves").get(1).path("auc").asDouble()).isEqualTo(0.62);
    }

    @Test
    void its_roc_curves_read_back_as_the_report_input() throws Exception {
        JsonNode json = JSON.readTree(ReportJson.write(SampleReports.full()));

        assertThat(RocCurves.parse(json)).isEqualTo(SampleReports.full().rocCurves());
        assertThat(RocCurves.parse(json.path("rocCurves"))).isEqualTo(SampleReports.full().rocCurves());
    }
}
