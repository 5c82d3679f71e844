package dev.winback.core.playbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybookVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-1", "2026-01-12", "2031-12-9999"})
    void parse_whenWellFormed_roundTrips(String text) {
        assertThat(PlaybookVersion.parse(text)).hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11", "2026-11-0", "2026-13-1", "2026-1-1", "2026-11-01", "v2026-11-1",
            "1999-11-1", "2026-11-1 ", "2026/11/1", "2026-11-10000"})
    void parse_whenNotYearMonthRevision_isEmpty(String text) {
        assertThat(PlaybookVersion.parse(text)).isEmpty();
    }

    @Test
    void compareTo_ordersByYearMonthThenRevisionNumerically() {
        assertThat(PlaybookVersion.parse("2026-11-2").orElseThrow())
                .isLessThan(PlaybookVersion.parse("2026-11-10").orElseThrow())
                .isGreaterThan(PlaybookVersion.parse("2026-10-99").orElseThrow());
    }
}
