package dev.winback.core.record;

import dev.winback.core.outcome.Assignment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExposuresTest {

    private static final Instant AT = Instant.parse("2026-07-01T10:00:00Z");

    @Test
    void exposed_keepsTheNewestCapacityWhateverTheOrder() {
        Exposures forward = Exposures.NONE;
        Exposures backward = Exposures.NONE;
        int count = Exposures.CAPACITY + 5;
        for (int i = 0; i < count; i++) {
            forward = forward.exposed("u-" + i, Assignment.TREATED, AT.plusSeconds(i));
            int j = count - 1 - i;
            backward = backward.exposed("u-" + j, Assignment.TREATED, AT.plusSeconds(j));
        }
        assertThat(forward.open()).hasSize(Exposures.CAPACITY);
        assertThat(forward).isEqualTo(backward);
        assertThat(forward.open().getFirst().unit()).isEqualTo("u-" + (count - 1));
    }

    @Test
    void converted_keepsTheEarliestConversionWithinTheWindow() {
        Exposures open = Exposures.NONE.exposed("u", Assignment.HELD_OUT, AT);
        Instant first = AT.plus(Duration.ofDays(2));
        Instant later = AT.plus(Duration.ofDays(9));
        assertThat(open.converted(later).converted(first)).isEqualTo(open.converted(first).converted(later));
        assertThat(open.converted(later).converted(first).open().getFirst().convertedAt()).contains(first);
        assertThat(open.converted(AT)).isSameAs(open);
        assertThat(open.converted(AT.plus(Duration.ofDays(14)))).isNotSameAs(open);
        assertThat(open.converted(AT.plus(Duration.ofDays(14)).plusNanos(1))).isSameAs(open);
        assertThat(open.open().getFirst().convertedAt()).isEqualTo(Optional.empty());
    }

    @Test
    void exposed_dropsExposuresTwoWindowsOlderThanTheNewest_inEitherOrder() {
        Instant old = AT.minus(Duration.ofDays(29));
        Exposures forward = Exposures.NONE.exposed("a", Assignment.TREATED, old).exposed("b", Assignment.TREATED, AT);
        Exposures backward = Exposures.NONE.exposed("b", Assignment.TREATED, AT).exposed("a", Assignment.TREATED, old);
        assertThat(forward).isEqualTo(backward);
        assertThat(forward.open()).extracting(Exposures.Exposure::unit).containsExactly("b");
        assertThat(Exposures.NONE.exposed("a", Assignment.TREATED, AT.minus(Duration.ofDays(27)))
                .exposed("b", Assignment.TREATED, AT).open()).hasSize(2);
    }
}
