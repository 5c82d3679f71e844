package dev.winback.core.journey;

import dev.winback.core.concurrent.FanOut;
import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.StoredRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The journeys' timer run: reads only the journey timers that fell due (O(due), never all
 * customers), reads their journeys and records a hundred customers a request, moves each
 * customer's runs on with the engine, stores the result with a condition on its version and hands
 * the messages to delivery. A customer met by two runs at once is advanced
 * once: the loser of the write reads again and finds nothing due.
 */
public final class AdvanceDueJourneys {

    static final int ATTEMPTS = 4;
    /** Customers whose journeys and records are read in one request per store (DynamoDB's BatchGetItem takes 100 keys). */
    static final int READ_TOGETHER = 100;

    /**
     * @param due       customers whose journey timer fell due
     * @param advanced  customers whose journeys moved (a step, an entry, an exit, a hand-over)
     * @param upToDate  customers found already advanced by someone else
     * @param failed    customers left due for the next run
     * @param sent      messages decided in this run
     */
    public record Report(Instant at, int due, int advanced, int upToDate, int failed, int sent,
                         List<JourneyTransition> transitions) {
        public Report {
            transitions = List.copyOf(transitions);
        }
    }

    private final JourneyStore store;
    private final EngagementStore records;
    private final JourneyDefinitions definitions;
    private final DeliveryPolicies policies;
    private final JourneyCommit commit;
    private final Executor executor;
    private final Warnings warnings;
    private final JourneyTransitions heard;

    public AdvanceDueJourneys(JourneyStore store, EngagementStore records, JourneyDefinitions definitions,
                              DeliveryPolicy policy, MessageRequests requests, Executor executor, Warnings warnings) {
        this(store, records, definitions, policy, requests, executor, warnings, JourneyTransitions.NONE);
    }

    public AdvanceDueJourneys(JourneyStore store, EngagementStore records, JourneyDefinitions definitions,
                              DeliveryPolicy policy, MessageRequests requests, Executor executor, Warnings warnings,
                              JourneyTransitions heard) {
        this(store, records, definitions, DeliveryPolicies.constant(policy), requests, executor, warnings, heard);
    }

    /** @param policies asked once per run, so the settings an operator activates apply from the next run */
    public AdvanceDueJourneys(JourneyStore store, EngagementStore records, JourneyDefinitions definitions,
                              DeliveryPolicies policies, MessageRequests requests, Executor executor, Warnings warnings,
                              JourneyTransitions heard) {
        this.heard = Objects.requireNonNull(heard, "heard");
        this.store = Objects.requireNonNull(store, "store");
        this.records = Objects.requireNonNull(records, "records");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.commit = new JourneyCommit(store, requests, warnings);
        this.executor = Objects.requireNonNull(executor, "executor");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    public Report run(Instant now) {
        JourneyEngine engine = new JourneyEngine(definitions.active(), policies.delivery());
        List<String> due = dueCustomers(now);
        AtomicInteger advanced = new AtomicInteger();
        AtomicInteger upToDate = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        List<JourneyTransition> transitions = Collections.synchronizedList(new ArrayList<>());
        Map<String, Read> read = readTogether(due);
        FanOut.forEach(due, executor, customerId -> {
            try {
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    // The first attempt starts from the run's batch reads; a lost race reads again.
                    Read first = attempt == 1 ? read.get(customerId) : null;
                    StoredJourneys stored = first != null ? first.journeys() : store.load(customerId);
                    if (stored.armed().isEmpty() || stored.armed().get().isAfter(now)) {
                        upToDate.incrementAndGet();
                        return;
                    }
                    Optional<StoredRecord> record = first != null ? first.record() : records.read(customerId);
                    if (record.isEmpty()) {
                        // Erased (or never stored): nothing more is sent; the item leaves the index.
                        if (store.save(stored, CustomerJourneys.empty(customerId), Optional.empty())) {
                            advanced.incrementAndGet();
                            return;
                        }
                        continue;
                    }
                    JourneyEngine.Outcome outcome = engine.advance(stored.journeys(), record.get().record(), now);
                    if (commit.commit(stored, outcome.next(), now)) {
                        advanced.incrementAndGet();
                        sent.addAndGet(outcome.sends().size());
                        transitions.addAll(outcome.transitions());
                        heard.stored(outcome.transitions());
                        return;
                    }
                }
                warnings.warn("a customer's journeys kept changing; they stay due");
            } catch (RuntimeException e) {
                warnings.warn("advancing a customer's journeys failed; they stay due", e);
            }
            failed.incrementAndGet();
        });
        return new Report(now, due.size(), advanced.get(), upToDate.get(), failed.get(), sent.get(), transitions);
    }

    /**
     * Before a snapshot of the function: a run's reads and step planning without its writes. The due
     * entries of the shard one past the last (none is ever written there), read on the run's threads,
     * the journeys and the record of {@code customerId} (no one's), and the engine's plan for
     * {@code sample}. Nothing is committed or sent.
     */
    public void prime(Instant now, String customerId, EngagementRecord sample) {
        JourneyEngine engine = new JourneyEngine(definitions.active(), policies.delivery());
        FanOut.forEach(List.of(store.shards()), executor, shard -> store.due(shard, now));
        readTogether(List.of(customerId));
        engine.advance(CustomerJourneys.empty(customerId), sample, now);
    }

    /** A due customer's journeys and record, as a run's first attempt starts from them. */
    private record Read(StoredJourneys journeys, Optional<StoredRecord> record) {
    }

    /**
     * The journeys and records of the due customers, strongly consistent, {@value #READ_TOGETHER} customers
     * a request per store rather than two reads per customer; both are read before any of them is
     * advanced, as one customer's were. A group that cannot be read now is left out: its customers are
     * read one by one.
     */
    private Map<String, Read> readTogether(List<String> due) {
        Map<String, Read> read = new ConcurrentHashMap<>();
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < due.size(); from += READ_TOGETHER) {
            groups.add(due.subList(from, Math.min(due.size(), from + READ_TOGETHER)));
        }
        FanOut.forEach(groups, executor, group -> {
            try {
                Map<String, StoredJourneys> journeys = store.load(group);
                Map<String, StoredRecord> stored = records.load(group);
                for (String customerId : group) {
                    StoredJourneys own = journeys.get(customerId);
                    StoredRecord record = stored.get(customerId);
                    if (own == null || record == null) continue; // read on its own
                    // As EngagementStore.read: a customer never stored or erased has no record to advance on.
                    read.put(customerId, new Read(own, record.ifStored()));
                }
            } catch (RuntimeException e) {
                warnings.warn("reading " + group.size() + " due customers together failed; they are read one by one", e);
            }
        });
        return read;
    }

    private List<String> dueCustomers(Instant now) {
        List<List<String>> shards = new ArrayList<>();
        for (int shard = 0; shard < store.shards(); shard++) shards.add(List.of());
        FanOut.forEach(IntStream.range(0, store.shards()).boxed().toList(), executor, shard -> {
            try {
                List<String> ids = store.due(shard, now);
                synchronized (shards) {
                    shards.set(shard, ids);
                }
            } catch (RuntimeException e) {
                warnings.warn("reading journey shard " + shard + " failed; its timers stay due", e);
            }
        });
        return shards.stream().flatMap(List::stream).distinct().toList();
    }
}
