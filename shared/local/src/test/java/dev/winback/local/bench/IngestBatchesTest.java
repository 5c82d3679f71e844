package dev.winback.local.bench;

import dev.winback.local.runtime.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IngestBatchesTest {

    private static final Instant T = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void live_opensABatchAtItsFirstEvent_andClosesItAWindowLaterOrWhenFull() {
        List<Instant> times = List.of(T, T.plusSeconds(1), T.plusMillis(4_999), T.plusSeconds(5), T.plusSeconds(60),
                T.plusSeconds(61), T.plusSeconds(62), T.plusSeconds(63));

        assertThat(IngestBatches.live(times, Duration.ofSeconds(5), 3)).containsExactly(
                new IngestBatches.Slice(0, 3), new IngestBatches.Slice(3, 4),
                new IngestBatches.Slice(4, 7), new IngestBatches.Slice(7, 8));
    }

    @Test
    void live_withoutAWindow_cutsEveryEventAlone() {
        assertThat(IngestBatches.live(List.of(T, T, T), Duration.ZERO, 10)).hasSize(3);
    }

    @Test
    void replay_cutsFullBatchesBackToBack() {
        assertThat(IngestBatches.replay(7, 3)).containsExactly(new IngestBatches.Slice(0, 3),
                new IngestBatches.Slice(3, 6), new IngestBatches.Slice(6, 7));
    }

    @Test
    void predecessors_nameTheLatestEarlierBatchHoldingOneOfTheCustomers() {
        List<String> customers = List.of("a", "b", "a", "c", "b", "a");
        List<IngestBatches.Slice> slices = List.of(new IngestBatches.Slice(0, 2), new IngestBatches.Slice(2, 3),
                new IngestBatches.Slice(3, 4), new IngestBatches.Slice(4, 6));

        assertThat(IngestBatches.predecessors(customers, slices)).containsExactly(-1, 0, -1, 1);
    }

    @Test
    void eventSource_isTheIngestFunctionsSqsBatchSizeAndBatchingWindow() {
        IngestEventSource source = IngestEventSource.of(SamTemplate.read(Path.of("../../template.yaml")));

        assertThat(source.batchSize()).isEqualTo(5000);
        assertThat(source.window()).isEqualTo(Duration.ofSeconds(5));
    }
}
