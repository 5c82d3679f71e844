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

/** The journeys benchmark end to end at a small size: the real timer run on DynamoDB Local, twice. */
class JourneysBenchTest {

    private static final Path TEMPLATE = Path.of("../../template.yaml");

    @Test
    void atTwoDueCounts_everyStepIsAdvancedAndSent_andAStepCostsTheSame() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = JourneysBench.run(new JourneysBench.Options(1_000, 2, 42), TEMPLATE,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        assertThat(output).doesNotContain("FAILED");
        Map<String, String> result = result(output);
        assertThat(result).containsEntry("customers", "1000").containsEntry("due1", "20").containsEntry("due2", "40");
        assertThat(Double.parseDouble(result.get("ratio"))).isBetween(0.75, 1.25);
        assertThat(Double.parseDouble(result.get("units_ratio"))).isBetween(0.4, 0.6);
        // Each step reads the journeys item and the record, strongly, and saves the journeys item.
        assertThat(Double.parseDouble(result.get("rru_per_step1"))).isGreaterThanOrEqualTo(2.0);
        assertThat(Double.parseDouble(result.get("wru_per_step1"))).isGreaterThanOrEqualTo(2.0);
        // Billed: the same reads, and a save of the journeys item that moves its due-index entry
        // (a delete and a put of the entry).
        assertThat(Double.parseDouble(result.get("billed_rru"))).isGreaterThanOrEqualTo(2.0);
        assertThat(Double.parseDouble(result.get("billed_wru"))).isGreaterThanOrEqualTo(1 + 2);
        assertThat(Double.parseDouble(result.get("wru_eq"))).isEqualTo(Double.parseDouble(result.get("billed_wru"))
                + 0.2 * Double.parseDouble(result.get("billed_rru")), org.assertj.core.data.Offset.offset(0.002));
    }

    private static Map<String, String> result(String output) {
        String line = output.lines().filter(l -> l.startsWith("RESULT journeys ")).findFirst().orElseThrow();
        return Arrays.stream(line.substring("RESULT journeys ".length()).split(" "))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
