package dev.winback.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RunLocalTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RunLocal.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_printsUsageAndSucceeds() {
        assertThat(run("--help")).isEqualTo(RunLocal.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: run-local", "serve", "backtest");
    }

    @Test
    void help_namesThePlaybookBacktest() {
        assertThat(run("--help")).isEqualTo(RunLocal.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("backtest --events FILE",
                "backtest --transactions FILE", "--calibration-end", "backtest --elog FILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "serve --port x", "serve --port 70000", "serve --start yesterday",
            "serve --verbose", "demo --customers 0", "demo --days", "demo --seed 1 --seed 2", "demo extra",
            "--customers=ten", "backtest --events a --transactions b", "backtest --transactions"})
    void badArguments_exitWith2AndAMessage_noStackTrace(String line) {
        assertThat(run(line.split(" "))).isEqualTo(RunLocal.USAGE_ERROR);
        assertThat(err()).startsWith("run-local: ").contains("run-local --help").doesNotContain("\tat ");
    }

    @Test
    void missingTemplate_failsWithItsPath() {
        assertThat(run("serve", "--port", "0", "--template", "no/such/template.yaml")).isEqualTo(RunLocal.FAILED);
        assertThat(err()).contains("template not found").contains("no/such/template.yaml").doesNotContain("\tat ");
    }
}
