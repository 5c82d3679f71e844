package dev.winback.functions.journeys;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.EvaluatorConfig;
import dev.winback.adapters.config.Journeys;
import dev.winback.adapters.config.PrimingSample;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.sqs.SqsMessageRequests;
import dev.winback.adapters.config.Policies;
import dev.winback.core.journey.JourneyTransitions;
import dev.winback.core.journey.AdvanceDueJourneys;
import dev.winback.core.journey.MessageRequests;

import java.time.Clock;
import java.util.concurrent.Executor;

/** What the journeys' timer function needs: the timer run over the table, and its clock. */
public final class AdvanceJourneysComposition {

    private final AdvanceDueJourneys advance;
    private final Clock clock;

    /** For the local runtime and tests, which bring the table, the journeys, the queue and the writer threads. */
    public AdvanceJourneysComposition(EngagementTable table, Journeys journeys, MessageRequests requests, Clock clock,
                                      Executor writers) {
        this.advance = journeys.advance(table, requests, writers);
        this.clock = clock;
    }

    /** As deployed: journey messages to the delivery queue, the system clock and a writer pool of its own. */
    public static AdvanceJourneysComposition fromEnvironment() {
        EvaluatorConfig config = EvaluatorConfig.fromEnvironment(System.getenv());
        AwsClients clients = new AwsClients();
        Clock clock = Clock.systemUTC();
        EngagementTable table = new EngagementTable(config.winback(), clients, clock, ElapsedTime.SYSTEM);
        Journeys journeys = new Journeys(table, new Policies(table).current(), clock, Journeys.REFRESH,
                JourneyTransitions.NONE);
        AdvanceJourneysComposition composition = new AdvanceJourneysComposition(table, journeys,
                new SqsMessageRequests(clients.sqs(), config.deliveryQueueUrl()), clock, WriterThreads.newPool());
        SnapStartPriming.register("advance-journeys", composition::prime);
        return composition;
    }

    /**
     * Before a SnapStart snapshot: a timer run's reads and step planning over the priming sample (the
     * due entries of a shard that never exists, a customer no one is); nothing committed or sent.
     */
    public void prime() {
        advance.prime(clock.instant(), EngagementTable.PRIMING_CUSTOMER, PrimingSample.applied().record());
    }

    public AdvanceDueJourneys advance() {
        return advance;
    }

    public Clock clock() {
        return clock;
    }
}
