package dev.winback.core.evaluation;

import dev.winback.core.concurrent.FanOut;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.model.PurchaseModels;
import dev.winback.core.observe.Warnings;
import dev.winback.core.playbook.ActionRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The scheduled evaluation: reads only the timers that fell due (so a run after missed runs catches
 * up), evaluates those customers and writes each with a condition on the record's version, putting
 * new actions in the outbox in the same transaction; then publishes them. Each action is requested
 * exactly once however many runs meet the same customer at once: the loser of the conditional write
 * reads again and finds the timer re-armed, the signals already acted on, or both.
 *
 * <p>Publishing is at least once per destination, idempotent by key: an action whose publishing
 * failed, or whose run ended before publishing, stays due in the outbox and a later run publishes
 * it to the destinations it has not reached.
 */
public final class EvaluateDueCustomers {

    static final int ATTEMPTS = 4;
    /** How long a run holds the actions it took: well past a publish, well before the next run. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    private static final int LOAD_BATCH = 100;
    private static final int PUBLISH_BATCH = 10;

    /**
     * @param due       records whose timer fell due (index entries; some may be up to date already)
     * @param evaluated records evaluated and written
     * @param upToDate  records found evaluated or re-armed by someone else, left alone
     * @param conflicts conditional writes lost and retried
     * @param failed    records left due for the next run after an infrastructure failure
     * @param requested new actions put in the outbox
     * @param published actions published to every destination in this run (new and earlier ones)
     * @param pending   actions left in the outbox for a later run
     */
    public record Report(Instant at, int due, int evaluated, int upToDate, int conflicts, int failed, int requested,
                         int published, int pending) {
    }

    private final EvaluationStore store;
    private final ActionOutbox outbox;
    private final Map<Destination, ActionPublisher> publishers;
    private final EvaluationPolicies policies;
    private final PurchaseModels models;
    private final Executor executor;
    private final Warnings warnings;

    /** Drops its warnings: for tests that assert on the report. */
    public EvaluateDueCustomers(EvaluationStore store, ActionOutbox outbox, Map<Destination, ActionPublisher> publishers,
                                EvaluationPolicy policy, PurchaseModels models, Executor executor) {
        this(store, outbox, publishers, policy, models, executor, Warnings.NONE);
    }

    /** @param warnings hears of failures left for the next run (ids only) */
    public EvaluateDueCustomers(EvaluationStore store, ActionOutbox outbox, Map<Destination, ActionPublisher> publishers,
                                EvaluationPolicy policy, PurchaseModels models, Executor executor, Warnings warnings) {
        this(store, outbox, publishers, EvaluationPolicies.constant(policy), models, executor, warnings);
    }

    /** @param policies asked once per run, so an operator's activation applies from the next run */
    public EvaluateDueCustomers(EvaluationStore store, ActionOutbox outbox, Map<Destination, ActionPublisher> publishers,
                                EvaluationPolicies policies, PurchaseModels models, Executor executor, Warnings warnings) {
        this.store = Objects.requireNonNull(store, "store");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.publishers = new EnumMap<>(publishers);
        if (!this.publishers.keySet().equals(EnumSet.allOf(Destination.class))) {
            throw new IllegalArgumentException("need a publisher for every destination, got " + publishers.keySet());
        }
        this.policies = Objects.requireNonNull(policies, "policies");
        this.models = Objects.requireNonNull(models, "models");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    public Report run(Instant now) {
        EvaluationPolicy policy = policies.evaluation();
        PurchaseModel model = models.current();
        Set<String> customers = new LinkedHashSet<>();
        List<DueItem.Action> dueActions = new ArrayList<>();
        for (DueItem item : dueItems(now)) {
            switch (item) {
                case DueItem.Record r -> customers.add(r.customerId());
                case DueItem.Action a -> dueActions.add(a);
            }
        }
        Counters counters = new Counters();
        List<PendingAction> toPublish = Collections.synchronizedList(new ArrayList<>());
        List<String> ids = List.copyOf(customers);
        for (int from = 0; from < ids.size(); from += LOAD_BATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOAD_BATCH));
            Map<String, StoredRecord> loaded;
            try {
                loaded = store.loadEventually(chunk);
            } catch (RuntimeException e) {
                warnings.warn("loading due records failed; they stay due for the next run", e);
                counters.failed.addAndGet(chunk.size());
                continue;
            }
            FanOut.forEach(chunk, executor, id -> evaluateOne(id, loaded.get(id), now, policy, model, counters, toPublish));
        }
        Instant leaseUntil = now.plus(LEASE);
        for (DueItem.Action due : dueActions) {
            try {
                outbox.claim(due, now, leaseUntil).ifPresent(toPublish::add);
            } catch (RuntimeException e) {
                warnings.warn("claiming a pending action failed; it stays due", e);
            }
        }
        publish(List.copyOf(toPublish), now, counters);
        return new Report(now, customers.size(), counters.evaluated.get(), counters.upToDate.get(),
                counters.conflicts.get(), counters.failed.get(), counters.requested.get(), counters.published.get(),
                counters.pending.get());
    }

    private List<DueItem> dueItems(Instant now) {
        List<List<DueItem>> shards = new ArrayList<>();
        for (int shard = 0; shard < store.shards(); shard++) shards.add(List.of());
        FanOut.forEach(IntStream.range(0, store.shards()).boxed().toList(), executor, shard -> {
            List<DueItem> items;
            try {
                items = store.due(shard, now);
            } catch (RuntimeException e) {
                warnings.warn("reading due shard " + shard + " failed; its timers stay due for the next run", e);
                return;
            }
            synchronized (shards) {
                shards.set(shard, items);
            }
        });
        return shards.stream().flatMap(List::stream).toList();
    }

    private void evaluateOne(String customerId, StoredRecord first, Instant now, EvaluationPolicy policy,
                             PurchaseModel model, Counters counters,
                             List<PendingAction> toPublish) {
        StoredRecord stored = first;
        boolean consistent = false; // the first read is eventually consistent
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (stored == null) {
                    stored = store.load(List.of(customerId)).get(customerId);
                    consistent = true;
                }
                if (stored.version() == 0 || stored.dueAt().isEmpty() || stored.dueAt().get().isAfter(now)) {
                    if (!consistent) {
                        stored = null; // the index says due: make sure it is not a stale read
                        continue;
                    }
                    counters.upToDate.incrementAndGet();
                    return;
                }
                Evaluator.Outcome outcome = Evaluator.evaluate(stored.record(), now, policy, model);
                Optional<Instant> dueAt = outcome.evaluation().next().map(DueTimes::roundUp);
                List<ActionRequest> actions = outcome.newActions();
                SaveResult result = store.save(stored, stored.record().withEvaluation(outcome.evaluation()), dueAt,
                        actions, now, now.plus(LEASE));
                if (result instanceof SaveResult.ActionsExist exist) {
                    // Requested before (the outbox remembers longer than the record): never again.
                    actions = actions.stream().filter(a -> !exist.idempotencyKeys().contains(a.idempotencyKey())).toList();
                    result = store.save(stored, stored.record().withEvaluation(outcome.evaluation()), dueAt, actions,
                            now, now.plus(LEASE));
                }
                switch (result) {
                    case SaveResult.Saved saved -> {
                        counters.evaluated.incrementAndGet();
                        counters.requested.addAndGet(actions.size());
                        actions.forEach(action -> toPublish.add(PendingAction.fresh(action)));
                        return;
                    }
                    case SaveResult.VersionConflict conflict -> {
                        counters.conflicts.incrementAndGet();
                        stored = null; // lost a race: read again
                    }
                    case SaveResult.ActionsExist exist -> throw new IllegalStateException(
                            "the outbox refused actions it did not name the first time: " + exist.idempotencyKeys());
                }
            }
            warnings.warn("record kept changing under " + ATTEMPTS + " attempts; it stays due");
        } catch (RuntimeException e) {
            warnings.warn("evaluating a record failed; it stays due for the next run", e);
        }
        counters.failed.incrementAndGet();
    }

    private void publish(List<PendingAction> actions, Instant now, Counters counters) {
        if (actions.isEmpty()) return;
        Map<String, Set<Destination>> done = new HashMap<>();
        for (PendingAction action : actions) {
            Set<Destination> reached = EnumSet.noneOf(Destination.class);
            reached.addAll(action.done());
            done.put(action.request().idempotencyKey(), reached);
        }
        publishers.forEach((destination, publisher) -> {
            List<ActionRequest> todo = actions.stream().map(PendingAction::request)
                    .filter(request -> !done.get(request.idempotencyKey()).contains(destination)).toList();
            for (int from = 0; from < todo.size(); from += PUBLISH_BATCH) {
                List<ActionRequest> batch = todo.subList(from, Math.min(todo.size(), from + PUBLISH_BATCH));
                Set<String> accepted;
                try {
                    accepted = publisher.publish(batch);
                } catch (RuntimeException e) {
                    warnings.warn("publishing to " + destination + " failed; the actions stay pending", e);
                    accepted = Set.of();
                }
                for (String key : accepted) {
                    Set<Destination> reached = done.get(key);
                    if (reached != null) reached.add(destination);
                }
            }
        });
        for (PendingAction action : actions) {
            Set<Destination> reached = done.get(action.request().idempotencyKey());
            try {
                if (reached.size() == Destination.values().length) {
                    outbox.published(action, now);
                    counters.published.incrementAndGet();
                } else {
                    outbox.retryLater(action, reached);
                    counters.pending.incrementAndGet();
                }
            } catch (RuntimeException e) {
                warnings.warn("recording a publication failed; the action may be published again", e);
                counters.pending.incrementAndGet();
            }
        }
    }

    private static final class Counters {
        final AtomicInteger evaluated = new AtomicInteger();
        final AtomicInteger upToDate = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger requested = new AtomicInteger();
        final AtomicInteger published = new AtomicInteger();
        final AtomicInteger pending = new AtomicInteger();
    }
}
