package dev.winback.adapters.config;

import dev.winback.core.ingest.NextDue;
import dev.winback.adapters.dynamodb.RejectedEvents;
import dev.winback.adapters.dynamodb.DynamoDbOptOutCounters;
import dev.winback.adapters.json.JsonEventFormat;
import dev.winback.adapters.json.PlaybookLoader;
import dev.winback.adapters.json.StoredRecordJson;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.MessageReceipts;
import dev.winback.core.evaluation.EvaluationPolicies;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.evaluation.Evaluator;
import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.ingest.StoredEventsListener;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.record.RecordUpdate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The ingestion pipeline every function that applies events needs: raw events checked and parsed
 * ({@link EventIntake}, keeping the rejected ones), then applied to the records ({@link IngestEvents}).
 * Applying an event arms the record's evaluation timer with the evaluator's own rule and the current
 * purchase model, and a receipt marks the Winback message it answers (ending the wait for a fallback).
 */
public final class Ingestion {

    /** A valid contract event of no real customer, parsed (never applied) when priming. */
    private final EngagementTable table;
    private final JsonEventFormat format = new JsonEventFormat();
    private final EvaluationPolicies evaluationPolicies;
    private final IngestEvents events;
    private final EventIntake intake;
    private final Clock clock;
    /** The timer every applied event arms: the evaluator's rules over the record. */
    private final NextDue nextDue;

    /** Over the shipped playbook; the arrival window from the environment. */
    public Ingestion(EngagementTable table, Clock clock, Executor writers) {
        this(table, EvaluationPolicy.defaults(new PlaybookLoader().shipped()), clock, writers);
    }

    /** With the evaluation policy the caller already holds (one playbook per composition). */
    public Ingestion(EngagementTable table, EvaluationPolicy evaluationPolicy, Clock clock, Executor writers) {
        this(table, evaluationPolicy, clock, writers, StoredEventsListener.NONE);
    }

    /** @param listener hears of each customer's stored events (journeys), after the record write */
    public Ingestion(EngagementTable table, EvaluationPolicy evaluationPolicy, Clock clock, Executor writers,
                     StoredEventsListener listener) {
        this(table, EvaluationPolicies.constant(evaluationPolicy), clock, writers, listener);
    }

    /** @param policies the rules running (an operator's activation applies to the next timer armed) */
    public Ingestion(EngagementTable table, EvaluationPolicies policies, Clock clock, Executor writers,
                     StoredEventsListener listener) {
        this.table = table;
        this.evaluationPolicies = policies;
        this.clock = clock;
        this.nextDue = ((NextDue) (record, now) -> Evaluator.dueAt(record, now, policies.evaluation(),
                table.purchaseModels().current())).withSegments(table.segments());
        this.events = new IngestEvents(table.store(), writers, clock, nextDue,
                new MessageReceipts(table.messageLedger(), DecisionPublisher.NONE, clock),
                IngestConfig.arrivalWindow(System.getenv()), new JulWarnings(IngestEvents.class), listener,
                table.outcomeCounters(),
                new DynamoDbOptOutCounters(table.clients().dynamoDb(), table.tableName(), table.meter()));
        this.intake = new EventIntake(events, format,
                new RejectedEvents(table.clients().dynamoDb(), table.tableName()), new JulWarnings(EventIntake.class),
                clock, table.contacts()::withoutErasedContacts);
    }

    /**
     * Before a SnapStart snapshot: the table's priming read, and a sample event parsed, applied to an
     * empty record, given its evaluation timer, encoded and offered to the store under a version
     * condition that cannot hold: nothing is written.
     */
    public void prime() {
        table.prime();
        // The merge rules and the record codec, under the id no customer can have.
        RecordUpdate.Result applied = PrimingSample.applied();
        StoredRecordJson.toBytes(applied.record());
        // The timer the record would arm: the evaluator's rules, the running policies, the purchase
        // model and the segments, each read as a warm function reads them (refreshed by age).
        nextDue.of(applied.record(), clock.instant());
        // The conditional write every real call ends with, on a version that record never has: the
        // condition refuses it and nothing is written (DynamoDB bills one refused write). Without the
        // applied events: their consent-log entries and contact items would be put before the record.
        EngagementRecord empty = EngagementRecord.empty(EngagementTable.PRIMING_CUSTOMER);
        table.store().save(new StoredRecord(empty, 1),
                new RecordUpdate.Result(applied.record(), applied.outcomes(), Map.of(), List.of()), Optional.empty());
    }

    /** The playbook's evaluation rules the timers are armed with. */
    public EvaluationPolicy evaluationPolicy() {
        return evaluationPolicies.evaluation();
    }

    public EvaluationPolicies evaluationPolicies() {
        return evaluationPolicies;
    }

    /** Applies parsed events (message sends recorded by delivery, the use cases' own events). */
    public IngestEvents events() {
        return events;
    }

    /** Raw events from the queue or the API. */
    public EventIntake intake() {
        return intake;
    }
}
