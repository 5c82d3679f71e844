package dev.winback.local.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The ingest benchmark end to end at a small size, live: the real SQS handler on DynamoDB Local. */
class IngestBenchTest {

    private static final Path TEMPLATE = Path.of("../../template.yaml");

    @Test
    void live_cutsSmallBatches_appliesEveryEvent_andNoTwoBatchesOfACustomerRace() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = IngestBench.run(new IngestBench.Options(IngestBench.Mode.LIVE, 100, 10, 0, 4, 42), TEMPLATE,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        Map<String, String> result = result(output);
        assertThat(result).containsEntry("mode", "live").containsEntry("rejected", "0").containsEntry("concurrency", "8");
        // Live batches hold a few seconds of traffic: about one event each, not thousands.
        assertThat(Double.parseDouble(result.get("events_per_batch"))).isLessThan(3.0);
        // A customer's next batch waits for the one in flight, so batches of a customer do not race:
        // without the wait about 0.07 record writes per event were refused; a residue of one or two
        // per thousand events remains in runs of the whole bench (bench/RESULTS.md), not explained yet.
        // The writes an instance makes from the record it wrote last are refused when another instance
        // wrote since (counted apart, and bounded by the records served): they are not batches racing.
        double servedRefused = Double.parseDouble(result.get("written_refused_per_event"));
        assertThat(servedRefused).isLessThanOrEqualTo(Double.parseDouble(result.get("written_served_per_event")));
        assertThat(Double.parseDouble(result.get("refused_writes_per_event")) - servedRefused).isLessThan(0.01);
        // Each customer-batch reads its record and writes it at least once.
        assertThat(Double.parseDouble(result.get("requests_per_event"))).isGreaterThan(1.0);
        assertThat(Double.parseDouble(result.get("wru_eq"))).isEqualTo(Double.parseDouble(result.get("billed_wru"))
                + 0.2 * Double.parseDouble(result.get("billed_rru")), offset(0.002));
    }

    private static Map<String, String> result(String output) {
        String line = output.lines().filter(l -> l.startsWith("RESULT ingest ")).findFirst().orElseThrow();
        return Arrays.stream(line.substring("RESULT ingest ".length()).split(" "))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
