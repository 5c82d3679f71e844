package dev.winback.functions.ingest;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.EvaluatorConfig;
import dev.winback.adapters.config.Journeys;
import dev.winback.adapters.sqs.SqsMessageRequests;
import dev.winback.adapters.config.Policies;
import dev.winback.core.journey.JourneyTransitions;
import dev.winback.core.settings.CurrentPolicies;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.observe.Observed;
import dev.winback.core.ingest.EventIntake;

import java.time.Clock;

/** What the ingest function needs: the intake over the table, and the journeys the stored events feed. */
public final class IngestEventsComposition {

    private final EventIntake intake;
    private final Observed observed;

    /** For the local runtime, benchmarks and tests, which bring the table, the clock and the writer threads. */
    public IngestEventsComposition(Ingestion ingestion) {
        this(ingestion, Observed.fromEnvironment(System.getenv()));
    }

    /** @param observed where the invocations' logs and counts go */
    public IngestEventsComposition(Ingestion ingestion, Observed observed) {
        this.intake = ingestion.intake();
        this.observed = observed;
    }

    /**
     * As deployed: configuration from the environment, the system clock, a writer pool of its own,
     * and journeys that hand the messages due at once to the delivery queue.
     */
    public static IngestEventsComposition fromEnvironment() {
        Clock clock = Clock.systemUTC();
        EvaluatorConfig config = EvaluatorConfig.fromEnvironment(System.getenv());
        AwsClients clients = new AwsClients();
        EngagementTable table = new EngagementTable(config.winback(), clients, clock, ElapsedTime.SYSTEM);
        CurrentPolicies policies = new Policies(table).current();
        Journeys journeys = new Journeys(table, policies, clock, Journeys.REFRESH, JourneyTransitions.NONE);
        Ingestion ingestion = new Ingestion(table, policies, clock, WriterThreads.newPool(),
                journeys.intake(new SqsMessageRequests(clients.sqs(), config.deliveryQueueUrl())));
        SnapStartPriming.register("ingest-events", ingestion::prime);
        return new IngestEventsComposition(ingestion);
    }

    public EventIntake intake() {
        return intake;
    }

    public Observed observed() {
        return observed;
    }
}
