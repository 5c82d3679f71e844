package dev.winback.adapters.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluatorConfigTest {

    @Test
    void fromEnvironment_readsEveryVariable() {
        EvaluatorConfig config = EvaluatorConfig.fromEnvironment(Map.of("WINBACK_TABLE", "t", "WINBACK_EVENT_BUS", "b",
                "WINBACK_DELIVERY_QUEUE_URL", "https://sqs.example/q"));

        assertThat(config.winback()).isEqualTo(new WinbackConfig("t", "b"));
        assertThat(config.deliveryQueueUrl()).isEqualTo("https://sqs.example/q");
    }

    @Test
    void fromEnvironment_namesEveryMissingVariableAtOnce() {
        assertThatThrownBy(() -> EvaluatorConfig.fromEnvironment(Map.of("WINBACK_EVENT_BUS", "b")))
                .hasMessageContaining("WINBACK_TABLE").hasMessageContaining("WINBACK_DELIVERY_QUEUE_URL");
    }
}
