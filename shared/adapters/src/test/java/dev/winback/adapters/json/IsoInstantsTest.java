package dev.winback.adapters.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    private static final long MIN = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();

    @Test
    void formatsAndParsesExactlyAsTheJdkDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(MIN, MAX);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(seconds, nanos);
            String jdk = at.toString();
            assertThat(IsoInstants.format(at)).as("format of %s", jdk).isEqualTo(jdk);
            assertThat(IsoInstants.parse(jdk)).as("parse of %s", jdk).isEqualTo(at);
        }
    }

    @Test
    void readsWhatTheJdkReadsAndRejectsWhatItRejects() {
        assertThat(IsoInstants.parse("2026-07-01T08:55:45.5Z")).isEqualTo(Instant.parse("2026-07-01T08:55:45.5Z"));
        assertThat(IsoInstants.parse("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        // The JDK's own leniencies, through its parser: the end of a day and a leap second.
        assertThat(IsoInstants.parse("2026-07-01T24:00:00Z")).isEqualTo(Instant.parse("2026-07-02T00:00:00Z"));
        assertThat(IsoInstants.parse("2026-06-30T23:59:60Z")).isEqualTo(Instant.parse("2026-06-30T23:59:60Z"));
        for (String bad : new String[]{"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-07-01T25:00:00Z",
                "2026-07-01T08:60:45Z", "2026-07-01T08:55:4xZ", "2026-07-01T08:55:45.12aZ", "2026-07-01 08:55:45Z",
                "not an instant at all"}) {
            assertThatThrownBy(() -> IsoInstants.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
