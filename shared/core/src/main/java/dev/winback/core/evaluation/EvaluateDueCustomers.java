package dev.winback.core.evaluation;

import dev.winback.core.concurrent.FanOut;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.model.PurchaseModels;
import dev.winback.core.observe.Warnings;
import dev.winback.core.playbook.ActionRequest;

import dev.winback.core.record.EngagementRecord;
import dev.winback.core.segment.CurrentSegments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
 * up), evaluates those customers and writes each with a condition on the record's version, holding
 * new actions in the record itself; then publishes them and settles the record. Each action is
 * requested exactly once however many runs meet the same customer at once: the loser of the
 * conditional write reads again and finds the signals already acted on, and a record whose actions
 * another run holds is left to it.
 *
 * <p>Publishing is at least once per destination, idempotent by key: an action whose publishing
 * failed, or whose run ended before publishing, stays in the record with its timer due, and a later
 * run publishes it to the destinations it has not reached (consumers deduplicate on the key; the
 * delivery ledger keeps every message key for good).
 *
 * <p>A run works in chunks: evaluate a chunk, publish its actions, settle it; it asks its
 * {@link RunBudget} before each chunk, so a backlog is worked off over several runs, earliest timers
 * first, and every run publishes what it wrote.
 */
public final class EvaluateDueCustomers {

    static final int ATTEMPTS = 4;
    /** How long a run holds the actions it took: well past a publish, well before the next run. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    static final int CHUNK = 100;
    private static final int PUBLISH_BATCH = 10;
    /** At most this many entries read per shard per run: a backlog is read a run's worth at a time. */
    static final int MAX_DUE_PER_SHARD = 1_000;

    /**
     * @param due       records whose timer fell due (index entries; some may be up to date already)
     * @param evaluated records evaluated and written
     * @param upToDate  records found evaluated or re-armed by someone else, or held by another run, left alone
     * @param conflicts conditional writes lost and retried
     * @param failed    records left due for the next run after an infrastructure failure
     * @param requested new actions written to their records
     * @param published actions published to every destination in this run (new and earlier ones)
     * @param pending   actions left in their records for a later run
     * @param deferred  records due but left for the next run because this run's budget ran out
     */
    public record Report(Instant at, int due, int evaluated, int upToDate, int conflicts, int failed, int requested,
                         int published, int pending, int deferred) {
    }

    /** A record written with actions to publish: what settling it needs. */
    private record Written(String customerId, long version, Optional<Instant> dueAt, List<PendingAction> actions) {
    }

    private final EvaluationStore store;
    private final ActionOutbox outbox;
    private final Map<Destination, ActionPublisher> publishers;
    private final EvaluationPolicies policies;
    private final PurchaseModels models;
    private final Executor executor;
    private final Warnings warnings;
    private final CurrentSegments segments;

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

    /**
     * @param outbox   action items of the former outbox ({@code DueItem.Action}) that are still due,
     *                 published as before until none is left
     * @param policies asked once per run, so an operator's activation applies from the next run
     */
    public EvaluateDueCustomers(EvaluationStore store, ActionOutbox outbox, Map<Destination, ActionPublisher> publishers,
                                EvaluationPolicies policies, PurchaseModels models, Executor executor, Warnings warnings) {
        this(store, outbox, publishers, policies, models, executor, warnings, CurrentSegments.NONE);
    }

    /**
     * @param segments the segments in force: a record's timer is armed for the earlier of its next
     *                 deadline and the instant its membership could change with time alone
     */
    public EvaluateDueCustomers(EvaluationStore store, ActionOutbox outbox, Map<Destination, ActionPublisher> publishers,
                                EvaluationPolicies policies, PurchaseModels models, Executor executor, Warnings warnings,
                                CurrentSegments segments) {
        this.segments = Objects.requireNonNull(segments, "segments");
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
        return run(now, RunBudget.UNLIMITED);
    }

    public Report run(Instant now, RunBudget budget) {
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
        Instant leaseUntil = now.plus(LEASE);
        List<String> ids = List.copyOf(customers);
        int from = 0;
        for (; from < ids.size() && budget.allowsAnotherChunk(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<String, DueRecord> loaded;
            try {
                loaded = store.loadEventually(chunk);
            } catch (RuntimeException e) {
                warnings.warn("loading due records failed; they stay due for the next run", e);
                counters.failed.addAndGet(chunk.size());
                continue;
            }
            List<Written> written = Collections.synchronizedList(new ArrayList<>());
            FanOut.forEach(chunk, executor, id ->
                    evaluateOne(id, loaded.get(id), now, leaseUntil, policy, model, counters, written));
            publishAndSettle(List.copyOf(written), leaseUntil, counters);
        }
        int deferred = Math.max(0, ids.size() - from);
        if (budget.allowsAnotherChunk()) publishFormerOutbox(dueActions, now, leaseUntil, counters);
        return new Report(now, customers.size(), counters.evaluated.get(), counters.upToDate.get(),
                counters.conflicts.get(), counters.failed.get(), counters.requested.get(), counters.published.get(),
                counters.pending.get(), deferred);
    }

    /**
     * Before a snapshot of the function: a run's reads and rules without its writes. The due entries
     * of the shard one past the last (none is ever written there), read on the run's threads, the
     * record of {@code customerId} (no one's), and the rules over {@code sample} as a run evaluates a
     * record, to the timer it would arm. Nothing is saved or published.
     */
    public void prime(Instant now, String customerId, EngagementRecord sample) {
        FanOut.forEach(List.of(store.shards()), executor, shard -> store.due(shard, now, 1));
        store.loadEventually(List.of(customerId));
        judge(sample, now, policies.evaluation(), models.current()).outcome().newActions().forEach(PendingAction::fresh);
    }

    /** A record evaluated: the rules' outcome, the record with it, and the timer to arm. */
    private record Judged(Evaluator.Outcome outcome, EngagementRecord next, Optional<Instant> dueAt) {
    }

    private Judged judge(EngagementRecord record, Instant now, EvaluationPolicy policy, PurchaseModel model) {
        Evaluator.Outcome outcome = Evaluator.evaluate(record, now, policy, model);
        EngagementRecord next = record.withEvaluation(outcome.evaluation());
        return new Judged(outcome, next, DueTimes.earliest(outcome.evaluation().next().map(DueTimes::roundUp),
                segments.current().nextChange(next, now)));
    }

    /** Every shard's due entries, merged earliest first, so a run that stops early leaves the latest. */
    private List<DueItem> dueItems(Instant now) {
        List<List<DueItem>> shards = new ArrayList<>();
        for (int shard = 0; shard < store.shards(); shard++) shards.add(List.of());
        FanOut.forEach(IntStream.range(0, store.shards()).boxed().toList(), executor, shard -> {
            List<DueItem> items;
            try {
                items = store.due(shard, now, MAX_DUE_PER_SHARD);
            } catch (RuntimeException e) {
                warnings.warn("reading due shard " + shard + " failed; its timers stay due for the next run", e);
                return;
            }
            synchronized (shards) {
                shards.set(shard, items);
            }
        });
        // Round-robin over the shards, each earliest first: the order of the timers, near enough.
        List<DueItem> merged = new ArrayList<>();
        int longest = shards.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<DueItem> shard : shards) {
                if (i < shard.size()) merged.add(shard.get(i));
            }
        }
        return merged;
    }

    private void evaluateOne(String customerId, DueRecord first, Instant now, Instant leaseUntil, EvaluationPolicy policy,
                             PurchaseModel model, Counters counters, List<Written> written) {
        DueRecord due = first;
        boolean consistent = false; // the first read is eventually consistent
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (due == null) {
                    due = store.load(List.of(customerId)).get(customerId);
                    consistent = true;
                }
                StoredRecord stored = due.stored();
                boolean held = due.heldAt(now);
                boolean timerDue = stored.dueAt().isPresent() && !stored.dueAt().get().isAfter(now);
                if (stored.version() <= 0 || held || (!timerDue && due.pending().isEmpty())) {
                    if (!consistent) {
                        due = null; // the index says due: make sure it is not a stale read
                        continue;
                    }
                    counters.upToDate.incrementAndGet();
                    return;
                }
                Judged judged = judge(stored.record(), now, policy, model);
                Evaluator.Outcome outcome = judged.outcome();
                EngagementRecord next = judged.next();
                Optional<Instant> dueAt = judged.dueAt();
                // Actions a run before this one wrote and never published go out with the new ones.
                List<PendingAction> toPublish = new ArrayList<>(due.pending());
                Set<String> keys = new HashSet<>();
                toPublish.forEach(action -> keys.add(action.request().idempotencyKey()));
                List<ActionRequest> fresh = outcome.newActions().stream().filter(a -> keys.add(a.idempotencyKey())).toList();
                fresh.forEach(action -> toPublish.add(PendingAction.fresh(action)));
                SaveResult result = store.save(due, next, dueAt,
                        toPublish, leaseUntil);
                switch (result) {
                    case SaveResult.Saved saved -> {
                        counters.evaluated.incrementAndGet();
                        counters.requested.addAndGet(fresh.size());
                        if (!toPublish.isEmpty()) {
                            written.add(new Written(customerId, stored.version() + 1, dueAt, List.copyOf(toPublish)));
                        }
                        return;
                    }
                    case SaveResult.VersionConflict conflict -> {
                        counters.conflicts.incrementAndGet();
                        due = null; // lost a race: read again
                    }
                }
            }
            warnings.warn("record kept changing under " + ATTEMPTS + " attempts; it stays due");
        } catch (RuntimeException e) {
            warnings.warn("evaluating a record failed; it stays due for the next run", e);
        }
        counters.failed.incrementAndGet();
    }

    /** Publishes a chunk's actions, then clears them from their records (or keeps what is left). */
    private void publishAndSettle(List<Written> written, Instant leaseUntil, Counters counters) {
        if (written.isEmpty()) return;
        List<PendingAction> actions = written.stream().flatMap(w -> w.actions().stream()).toList();
        Map<String, Set<Destination>> reached = publish(actions);
        FanOut.forEach(written, executor, w -> {
            List<PendingAction> left = new ArrayList<>();
            for (PendingAction action : w.actions()) {
                Set<Destination> done = reached.get(action.request().idempotencyKey());
                if (done.size() == Destination.values().length) {
                    counters.published.incrementAndGet();
                } else {
                    left.add(new PendingAction(action.request(), done));
                    counters.pending.incrementAndGet();
                }
            }
            try {
                store.settle(w.customerId(), w.version(), leaseUntil, w.dueAt(), left);
            } catch (RuntimeException e) {
                warnings.warn("settling published actions failed; a later run may publish them again", e);
            }
        });
    }

    /** Publishes to each destination what it has not had yet; returns each key's destinations reached. */
    private Map<String, Set<Destination>> publish(List<PendingAction> actions) {
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
        return done;
    }

    /** Action items written by the former outbox and still due: claimed, published and marked as before. */
    private void publishFormerOutbox(List<DueItem.Action> dueActions, Instant now, Instant leaseUntil, Counters counters) {
        if (dueActions.isEmpty()) return;
        List<PendingAction> claimed = new ArrayList<>();
        for (DueItem.Action due : dueActions) {
            try {
                outbox.claim(due, now, leaseUntil).ifPresent(claimed::add);
            } catch (RuntimeException e) {
                warnings.warn("claiming a pending action failed; it stays due", e);
            }
        }
        if (claimed.isEmpty()) return;
        Map<String, Set<Destination>> reached = publish(claimed);
        for (PendingAction action : claimed) {
            Set<Destination> done = reached.get(action.request().idempotencyKey());
            try {
                if (done.size() == Destination.values().length) {
                    outbox.published(action, now);
                    counters.published.incrementAndGet();
                } else {
                    outbox.retryLater(action, done);
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
