package dev.winback.local.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {

    /** The CDNow sample kept with the core module's tests (provenance in its README). */
    private static final Path CDNOW_SAMPLE = Path.of("../core/src/test/resources/cdnow/CDNOW_sample.txt");

    @Test
    void run_cdnowSample_modelBeatsRecencyOnTheHoldout() {
        Run run = run("--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "1997-09-30");

        assertThat(run.status()).as(run.output()).isZero();
        Map<String, String> result = resultLine(run.output());
        assertThat(result.get("customers")).isEqualTo("2357");
        assertThat(Double.parseDouble(result.get("r"))).isCloseTo(0.243, within(0.0005));
        assertThat(Double.parseDouble(result.get("alpha"))).isCloseTo(4.414, within(0.0005));
        assertThat(Double.parseDouble(result.get("a"))).isCloseTo(0.793, within(0.0005));
        assertThat(Double.parseDouble(result.get("b"))).isCloseTo(2.426, within(0.0005));
        assertThat(Double.parseDouble(result.get("ll"))).isCloseTo(-9582.4, within(0.05));
        assertThat(Double.parseDouble(result.get("auc_model"))).isGreaterThan(Double.parseDouble(result.get("auc_recency")));
    }

    @Test
    void run_cdnowSample_fittedRankingBeatsRecencyBgNbdAndLogisticRfm() {
        Run run = run("--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "1997-09-30");

        assertThat(run.status()).as(run.output()).isZero();
        Map<String, String> result = resultLine(run.output());
        double model = Double.parseDouble(result.get("auc_model"));
        for (String baseline : new String[] {"auc_recency", "auc_bgnbd", "auc_rfm"}) {
            assertThat(model).as(baseline).isGreaterThan(Double.parseDouble(result.get(baseline)));
        }
        assertThat(Double.parseDouble(result.get("auc_bgnbd"))).as("the model's ranking before this one")
                .isCloseTo(0.7725, within(0.00005));
        assertThat(run.output()).contains("risk ranking (model) log-odds of lapsing, per standard deviation: intercept=")
                .contains("weeks_since_last_purchase=");
    }

    @Test
    void run_cdnowMasterLayout_readsTheSameHistory(@TempDir Path directory) throws IOException {
        Path master = directory.resolve("CDNOW_master.txt");
        List<String> masterLines = Files.readAllLines(CDNOW_SAMPLE).stream()
                .map(line -> line.strip().split("\\s+"))
                .map(cells -> String.join(" ", cells[1], cells[2], cells[3], cells[4]))
                .toList();
        Files.write(master, masterLines);

        Map<String, String> fromMaster = resultLine(run("--elog", master.toString(), "--calibration-end", "1997-09-30").output());
        Map<String, String> fromSample = resultLine(run("--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "1997-09-30").output());

        assertThat(fromMaster).isEqualTo(fromSample);
    }

    @Test
    void run_csvWithNamedColumns(@TempDir Path directory) throws IOException {
        Path csv = directory.resolve("orders.csv");
        Files.writeString(csv, """
                order_date,revenue,customer_id
                2024-01-01,10,a
                2024-02-01,12,a
                2024-01-05,8,b
                2024-04-01,9,a
                """);

        Run run = run("--elog", csv.toString(), "--calibration-end", "2024-02-29");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(resultLine(run.output())).containsEntry("customers", "2").containsEntry("auc_model", "1.000000");
    }

    @Test
    void run_modifiedModelWithAHorizon_reportsTheSameNames() {
        Run run = run("--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "1997-09-30", "--model", "mbgnbd", "--horizon-weeks", "13");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("13.0 weeks");
        assertThat(resultLine(run.output())).containsOnlyKeys("customers", "r", "alpha", "a", "b", "ll", "auc_model", "auc_recency",
                "auc_bgnbd", "auc_rfm");
    }

    @Test
    void run_plainCsv(@TempDir Path directory) throws IOException {
        Path csv = directory.resolve("orders.csv");
        Files.writeString(csv, """
                customerId,date,amount
                a,2024-01-01,10
                a,2024-02-01,12
                b,2024-01-05,8
                a,2024-04-01,9
                """);

        Run run = run("--elog", csv.toString(), "--calibration-end", "2024-02-29");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("default parameters, only 2 customers");
        assertThat(resultLine(run.output())).containsEntry("customers", "2").containsEntry("auc_model", "1.000000");
    }

    @Test
    void run_badArguments_explainWithoutAStackTrace() {
        String[][] bad = {
            {},
            {"--elog", CDNOW_SAMPLE.toString()},
            {"--elog", "--calibration-end", "1997-09-30"},
            {"--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "30/09/1997"},
            {"--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "1997-09-30", "--model", "pareto"},
            {"--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "1997-09-30", "--horizon-weeks", "0"},
            {"--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "1997-09-30", "--horizon-weeks", "80"},
            {"--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "1999-01-01"},
            {"--elog", "no-such-file.txt", "--calibration-end", "1997-09-30"},
            {"--elog", CDNOW_SAMPLE.toString(), "--calibration-end", "1997-09-30", "--verbose", "yes"},
        };
        for (String[] args : bad) {
            Run run = run(args);

            assertThat(run.status()).as(Arrays.toString(args)).isNotZero();
            assertThat(run.output()).as(Arrays.toString(args)).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.output()).doesNotContain("RESULT");
        }
    }

    @Test
    void run_malformedLog_namesTheLine(@TempDir Path directory) throws IOException {
        Path csv = directory.resolve("orders.csv");
        Files.writeString(csv, "a,2024-01-01,10\na,2024-01-xx,12\n");

        Run run = run("--elog", csv.toString(), "--calibration-end", "2024-01-15");

        assertThat(run.status()).isNotZero();
        assertThat(run.output()).contains("line 2").contains("2024-01-xx");
    }

    private static Map<String, String> resultLine(String output) {
        String[] lines = output.strip().split("\\R");
        String last = lines[lines.length - 1];
        assertThat(last).startsWith("RESULT backtest ");
        assertThat(Arrays.stream(lines).filter(line -> line.startsWith("RESULT"))).hasSize(1);
        return Arrays.stream(last.substring("RESULT backtest ".length()).split(" "))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = BacktestCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String output) {
    }
}
