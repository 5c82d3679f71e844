package dev.winback.local.backtest.replay;

import dev.winback.local.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayCommandTest {

    final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void handlesEventsAndTransactions_notTheElogBacktest() {
        assertThat(ReplayCommand.handles(List.of("--events", "f.jsonl"))).isTrue();
        assertThat(ReplayCommand.handles(List.of("--transactions=f.txt", "--calibration-end", "1997-09-30"))).isTrue();
        assertThat(ReplayCommand.handles(List.of("--elog", "f.txt", "--calibration-end", "1997-09-30"))).isFalse();
    }

    @Test
    void badCommandLines_areUsageErrors() {
        assertThatThrownBy(() -> ReplayCommand.run(List.of("--events", "a", "--transactions", "b"), out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("either --events FILE or --transactions FILE");
        assertThatThrownBy(() -> ReplayCommand.run(List.of("--events", "a", "--currency", "EUR"), out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("--currency applies to --transactions only");
        assertThatThrownBy(() -> ReplayCommand.run(List.of("--events", "a", "--calibration-end", "30/09/1997"), out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> ReplayCommand.run(List.of("--events", "a", "--horizon-weeks", "3"), out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown option --horizon-weeks");
    }

    @Test
    void aMissingFile_isNamed() {
        assertThatThrownBy(() -> ReplayCommand.run(List.of("--events", "no/such/file.jsonl"), out, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no/such/file.jsonl");
    }

    @Test
    void theCalibrationEndMustLeaveAHoldoutPeriodWithPurchases() {
        ReplayInput input = ReplayInput.of(List.of(
                ReplayInputTest.event("e1", "c1", "purchase_completed", "2000-01-01T12:00:00Z"),
                ReplayInputTest.event("e2", "c1", "purchase_completed", "2000-02-01T12:00:00Z")));

        ReplayCommand.checkCalibrationEnd(java.time.LocalDate.parse("2000-01-01"), input);
        ReplayCommand.checkCalibrationEnd(java.time.LocalDate.parse("2000-01-31"), input);
        assertThatThrownBy(() -> ReplayCommand.checkCalibrationEnd(java.time.LocalDate.parse("2000-02-01"), input))
                .hasMessageContaining("day before the last (2000-02-01)");
        assertThatThrownBy(() -> ReplayCommand.checkCalibrationEnd(java.time.LocalDate.parse("1999-12-31"), input))
                .hasMessageContaining("from the first purchase (2000-01-01)");
        assertThatThrownBy(() -> ReplayCommand.checkCalibrationEnd(java.time.LocalDate.parse("2000-01-15"),
                ReplayInput.of(List.of(ReplayInputTest.event("e1", "c1", "session_started", "2000-01-01T12:00:00Z")))))
                .hasMessageContaining("needs purchases");
    }
}
