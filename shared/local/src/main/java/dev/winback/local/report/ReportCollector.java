package dev.winback.local.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.EngagementRecord;
import dev.winback.local.demo.RuleOutcomes;
import dev.winback.local.runtime.LocalRuntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the {@link RetentionReport} of a local run from its runtime once the run is over. */
public final class ReportCollector {

    private final LocalRuntime runtime;
    private final StoredItems items;

    public ReportCollector(LocalRuntime runtime) {
        this.runtime = runtime;
        this.items = new StoredItems(runtime.clients().dynamoDb(), runtime.config().tableName());
    }

    /** A sampler of this runtime's lifecycle states, to call after each tick of a run. */
    public LifecycleSampler sampler() {
        return new LifecycleSampler(() -> StoredFigures.customersByState(items.records()),
                LifecycleSampler.DEFAULT_PERIOD);
    }

    /**
     * @param runStart when the run's virtual clock started: the lifts cover its exposure days up to now
     * @param sampler  the states sampled during the run; sampled once more now
     */
    public RetentionReport collect(Instant runStart, LifecycleSampler sampler) {
        Instant now = runtime.clock().instant();
        sampler.sample(now);
        List<EngagementRecord> records = items.records();
        List<LedgerEntry> ledger = items.ledger(records.stream().map(EngagementRecord::customerId).toList());
        LocalDate from = LocalDate.ofInstant(runStart, ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new RetentionReport(now, from, to, sampler.samples(),
                StoredFigures.weekly(requestedActions(), ledger), StoredFigures.messagesByChannel(ledger),
                StoredFigures.decisionsByReason(ledger), OutcomeFigures.lifts(outcomes(runStart, now)), List.of());
    }

    /**
     * Every action the evaluator requested, once each: the bus may carry a request twice (a publish
     * retried after a lost clear), and its idempotency key names it.
     */
    private List<ActionRequest> requestedActions() {
        Map<String, ActionRequest> byKey = new LinkedHashMap<>();
        runtime.actionEvents().published().forEach(request -> byKey.putIfAbsent(request.idempotencyKey(), request));
        return List.copyOf(byKey.values());
    }

    private JsonNode outcomes(Instant from, Instant to) {
        try {
            JsonNode report = RuleOutcomes.read(runtime, from, to);
            if (report == null) throw new IllegalStateException("GET /v1/reports/rules did not answer 200");
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("the outcome report could not be read", e);
        }
    }

    /** Customers by lifecycle state as stored now. */
    public Map<String, Long> statesNow() {
        return StoredFigures.customersByState(items.records());
    }
}
