package dev.winback.functions.ingest;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.core.ingest.EventIntake;

import java.time.Clock;

/** What the ingest function needs: the intake over the table, nothing else. */
public final class IngestEventsComposition {

    private final EventIntake intake;

    /** For the local runtime, benchmarks and tests, which bring the table, the clock and the writer threads. */
    public IngestEventsComposition(Ingestion ingestion) {
        this.intake = ingestion.intake();
    }

    /** As deployed: configuration from the environment, the system clock, a writer pool of its own. */
    public static IngestEventsComposition fromEnvironment() {
        Clock clock = Clock.systemUTC();
        EngagementTable table = new EngagementTable(WinbackConfig.fromEnvironment(System.getenv()), new AwsClients(),
                clock);
        return new IngestEventsComposition(new Ingestion(table, clock, WriterThreads.newPool()));
    }

    public EventIntake intake() {
        return intake;
    }
}
