package dev.winback.adapters;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.adapters.ingest.EventIntake;
import dev.winback.adapters.ingest.RejectedEvents;
import dev.winback.core.ingest.IngestEvents;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The object graph every function shares, built once per execution environment. */
public final class EngagementServices {

    /**
     * Applies the customers of a batch concurrently: each is one read-modify-write round trip, so a
     * batch is bound by latency, not CPU. Daemon threads, shared by every handler in the process.
     */
    private static final ExecutorService WRITERS = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "winback-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final CapacityMeter meter = new CapacityMeter();
    private final DynamoDbEngagementStore store;
    private final EventIntake intake;

    public EngagementServices(WinbackConfig config, AwsClients clients, Clock clock) {
        this.store = new DynamoDbEngagementStore(clients.dynamoDb(), config.tableName(), meter);
        this.intake = new EventIntake(new IngestEvents(store, WRITERS),
                new RejectedEvents(clients.dynamoDb(), config.tableName()), clock);
    }

    public DynamoDbEngagementStore store() {
        return store;
    }

    public EventIntake intake() {
        return intake;
    }

    public CapacityMeter meter() {
        return meter;
    }
}
