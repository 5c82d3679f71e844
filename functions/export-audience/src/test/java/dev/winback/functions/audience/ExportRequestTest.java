package dev.winback.functions.audience;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportRequestTest {

    @Test
    void of_whenSegmentAndVersion_readsBoth() {
        assertThat(ExportRequest.of(Map.of("segmentId", "premium-cancelled", "definitionVersion", 3)))
                .isEqualTo(new ExportRequest("premium-cancelled", Optional.of(3)));
        assertThat(ExportRequest.of(Map.of("segmentId", "never_joined_email")).definitionVersion()).isEmpty();
    }

    @Test
    void of_whenFieldsAreWrong_namesEveryOne() {
        Map<String, Object> input = new HashMap<>();
        input.put("segmentId", "../other-prefix");
        input.put("definitionVersion", "three");

        assertThatThrownBy(() -> ExportRequest.of(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segmentId: required").hasMessageContaining("definitionVersion: when given");
    }

    @Test
    void of_whenNoInput_asksForTheSegment() {
        assertThatThrownBy(() -> ExportRequest.of(null)).hasMessageStartingWith("segmentId: required");
    }
}
