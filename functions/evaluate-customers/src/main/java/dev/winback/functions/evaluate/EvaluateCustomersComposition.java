package dev.winback.functions.evaluate;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.EvaluatorConfig;
import dev.winback.adapters.config.Guardrails;
import dev.winback.adapters.config.Journeys;
import dev.winback.adapters.config.JulWarnings;
import dev.winback.adapters.config.PrimingSample;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.eventbridge.EventBridgeActionPublisher;
import dev.winback.adapters.eventbridge.EventBridgeGuardrailEvents;
import dev.winback.adapters.observe.Observed;
import dev.winback.adapters.config.Policies;
import dev.winback.adapters.sqs.SqsDeliveryRequests;
import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.EvaluateDueCustomers;
import dev.winback.core.evaluation.EvaluationMetrics;
import dev.winback.core.evaluation.EvaluationPolicies;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.evaluation.RunBudget;
import dev.winback.core.guardrail.CheckGuardrails;
import dev.winback.core.guardrail.GuardrailEvents;
import dev.winback.core.guardrail.GuardrailPolicy;
import dev.winback.core.guardrail.MeasuredUnit;
import dev.winback.core.guardrail.UnitPauses;
import dev.winback.core.journey.JourneyTransitions;
import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.OptOutCounters;
import dev.winback.core.outcome.OutcomeCounters;
import dev.winback.core.settings.CurrentPolicies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** What the evaluator function needs: the scheduled evaluation over the table, the guardrails' check, and its clock. */
public final class EvaluateCustomersComposition {

    private final EngagementTable table;
    private final EvaluateDueCustomers evaluate;
    private final CheckGuardrails guardrails;
    private final Clock clock;
    private final Observed observed = Observed.fromEnvironment(System.getenv());

    /**
     * For the local runtime and tests, which bring the table, their own publishers and the writer
     * threads the customers are evaluated on.
     */
    public EvaluateCustomersComposition(EngagementTable table, EvaluationPolicy policy,
                                        Map<Destination, ActionPublisher> publishers, Clock clock, Executor writers) {
        this(table, EvaluationPolicies.constant(policy), publishers, clock, writers);
    }

    /** @param policies the rules running, asked once per run (an operator's activation applies to the next) */
    public EvaluateCustomersComposition(EngagementTable table, EvaluationPolicies policies,
                                        Map<Destination, ActionPublisher> publishers, Clock clock, Executor writers) {
        this(table, policies, publishers, clock, writers, NO_GUARDRAILS);
    }

    /**
     * With the guardrails: after each evaluation run (at most once an hour) the units whose figures
     * say they harm are paused and announced to {@code guardrailEvents}.
     */
    public EvaluateCustomersComposition(EngagementTable table, CurrentPolicies policies,
                                        Map<Destination, ActionPublisher> publishers, GuardrailEvents guardrailEvents,
                                        Clock clock, Executor writers) {
        this(table, policies, publishers, clock, writers, new Guardrails(table, policies,
                new Journeys(table, policies, clock, Journeys.REFRESH, JourneyTransitions.NONE).current(), guardrailEvents,
                clock).check(CheckGuardrails.INTERVAL));
    }

    private EvaluateCustomersComposition(EngagementTable table, EvaluationPolicies policies,
                                         Map<Destination, ActionPublisher> publishers, Clock clock, Executor writers,
                                         CheckGuardrails guardrails) {
        this.evaluate = new EvaluateDueCustomers(table.evaluationStore(), table.evaluationStore(),
                EvaluationMetrics.countingActions(publishers, observed.metrics()), policies, table.purchaseModels(),
                writers, new JulWarnings(EvaluateDueCustomers.class), table.segments());
        this.table = table;
        this.guardrails = guardrails;
        this.clock = clock;
    }

    /**
     * Before a SnapStart snapshot: the table's priming read, a run's reads and rules over the priming
     * sample (the due entries of a shard that never exists; nothing saved or published), and the
     * guardrails' reads and judgement for a unit no one measures.
     */
    public void prime() {
        Instant now = clock.instant();
        table.prime();
        evaluate.prime(now, EngagementTable.PRIMING_CUSTOMER, PrimingSample.applied().record());
        guardrails.prime(now, new MeasuredUnit(EngagementTable.PRIMING_CUSTOMER, false));
    }

    /** Judges no unit: for callers that bring fixed rules, with nothing to pause. */
    private static final CheckGuardrails NO_GUARDRAILS = new CheckGuardrails(OutcomeCounters.NONE, OptOutCounters.NONE,
            UnitPauses.NONE, GuardrailEvents.NONE, GuardrailPolicy::defaults, List::of, CheckGuardrails.INTERVAL,
            Warnings.NONE);

    /**
     * As deployed: actions to the event bus and delivery requests to the delivery queue, the playbook
     * and settings an operator activated (else the shipped ones), the system clock and a writer pool of its own.
     */
    public static EvaluateCustomersComposition fromEnvironment() {
        EvaluatorConfig config = EvaluatorConfig.fromEnvironment(System.getenv());
        AwsClients clients = new AwsClients();
        Clock clock = Clock.systemUTC();
        EngagementTable table = new EngagementTable(config.winback(), clients, clock, ElapsedTime.SYSTEM);
        EvaluateCustomersComposition composition = new EvaluateCustomersComposition(table, new Policies(table).current(), Map.of(
                Destination.EVENT_BUS, new EventBridgeActionPublisher(clients.eventBridge(), config.winback().eventBusName()),
                Destination.DELIVERY_QUEUE, new SqsDeliveryRequests(clients.sqs(), config.deliveryQueueUrl())),
                new EventBridgeGuardrailEvents(clients.eventBridge(), config.winback().eventBusName()),
                clock, WriterThreads.newPool());
        SnapStartPriming.register("evaluate-customers", composition::prime);
        return composition;
    }

    /**
     * A run starts no chunk in the last {@link #RESERVE} of the invocation, or its last fifth when
     * the function's timeout is short: a chunk (a hundred evaluations, their publishing and settling)
     * takes seconds, so the run ends well before the timeout, having published everything it wrote;
     * the next run takes up what is left. A fixed reserve alone would let a function configured
     * with a timeout under a minute never start a chunk.
     */
    public static final Duration RESERVE = Duration.ofSeconds(60);

    public static RunBudget budget(Clock clock, Instant now, long remainingMillis) {
        Duration remaining = Duration.ofMillis(remainingMillis);
        Duration reserve = RESERVE.compareTo(remaining.dividedBy(5)) < 0 ? RESERVE : remaining.dividedBy(5);
        return RunBudget.until(clock, now.plus(remaining).minus(reserve));
    }

    public EvaluateDueCustomers evaluate() {
        return evaluate;
    }

    /** The guardrails' check, run after the evaluation (at most once an hour). */
    public CheckGuardrails guardrails() {
        return guardrails;
    }

    public Observed observed() {
        return observed;
    }

    /** The run's instant is the clock's, not the schedule's. */
    public Clock clock() {
        return clock;
    }
}
