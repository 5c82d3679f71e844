package dev.winback.local.demo;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.http.HttpRequestData;
import dev.winback.local.runtime.http.HttpResponseData;
import dev.winback.local.runtime.lambda.EventBridgeEnvelope;
import dev.winback.local.runtime.lambda.LocalLambdaContext;
import dev.winback.local.runtime.lambda.SqsEvents;
import dev.winback.local.runtime.log.JsonLog;
import dev.winback.local.runtime.schedule.TickReport;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Feeds time-ordered engagement events (contract v1 JSON) through the ingest handler as the SQS
 * poller would (batches of the template's SQS BatchSize, cut at each UTC day so that the schedules
 * run at least daily; each event in its EventBridge envelope), moving the
 * virtual clock to each batch's latest occurredAt and running the schedules that fall due, then
 * reads every customer back through the HTTP API (in-process, same routing and event shaping as over
 * the socket) to summarise what was stored.
 */
public final class DemoRun {

    /**
     * Each batch the demo feeds is about half a day of event time, and it ticks after each: a run of
     * the one-minute resumer at every minute in between would be most of the demo's work (500,000
     * index queries, measured). So a tick runs each schedule at most this often at its own time and
     * folds the rest into its last firing, which catches up with everything due.
     */
    public static final int RUNS_PER_TICK = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonLog LOG = JsonLog.of(DemoRun.class);
    private static final int PROGRESS_WIDTH = 100;
    /**
     * Batches in flight at once, like concurrent Lambda instances on one queue. One: neighbouring
     * batches hold neighbouring days of the same customers, so a second batch in flight mostly loses
     * conditional writes to the first (measured: 8% of writes lost and retried, and slower overall),
     * while each batch already writes its customers in parallel.
     */
    static final int CONCURRENT_BATCHES = 1;

    private final LocalRuntime runtime;
    private final PrintStream progressOut;
    private Consumer<Instant> afterEachTick = now -> { };

    /** @param progressOut where the progress bar draws (stderr, so stdout keeps only the summary) */
    public DemoRun(LocalRuntime runtime, PrintStream progressOut) {
        this.runtime = runtime;
        this.progressOut = progressOut;
    }

    /** Called with the virtual clock's instant after each tick of the schedules, e.g. to sample states for a report. */
    public DemoRun afterEachTick(Consumer<Instant> hook) {
        this.afterEachTick = java.util.Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** @param total how many events {@code events} yields, for the progress bar */
    public DemoSummary run(Iterable<String> events, long total) {
        return run(events, total, Feedback.NONE);
    }

    /**
     * The same, with the events the engine's decisions cause merged into the stream at their time. With
     * feedback, each batch is ingested before the next is cut, so that what it causes can join the next.
     *
     * @param total how many events {@code events} yields, for the progress bar (feedback adds to it)
     */
    public DemoSummary run(Iterable<String> events, long total, Feedback feedback) {
        runtime.server().accessLog(false);
        Counters counters = new Counters();
        Set<String> customers = new LinkedHashSet<>();
        Instant clockStart = runtime.clock().instant();
        long started = System.nanoTime();
        try (ProgressBar progress = new ProgressBarBuilder()
                .setTaskName("ingest")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(progressOut, PROGRESS_WIDTH))
                .setUpdateIntervalMillis(250)
                .setUnit(" events", 1)
                .showSpeed()
                .build()) {
            try (InFlight inFlight = new InFlight(CONCURRENT_BATCHES)) {
                Batches batches = new Batches(inFlight, counters, customers, progress, feedback);
                for (String event : events) {
                    Instant occurredAt = read(event, customers, counters);
                    if (occurredAt != null) {
                        for (String caused : feedback.takeUntil(occurredAt)) batches.addCaused(caused);
                    }
                    batches.add(event, occurredAt);
                }
                // What the last batches caused, until nothing more is caused.
                while (true) {
                    var next = feedback.next();
                    if (next.isPresent()) {
                        for (String caused : feedback.takeUntil(next.get())) batches.addCaused(caused);
                    } else if (!batches.flush()) {
                        break;
                    }
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return readBack(customers, counters, elapsed, clockStart);
    }

    /** Cuts the stream into batches: at the ingest batch size, and at each new UTC day. */
    private final class Batches {
        private final InFlight inFlight;
        private final Counters counters;
        private final Set<String> customers;
        private final ProgressBar progress;
        private final Feedback feedback;
        private final int batchSize = runtime.ingestBatchSize();
        private List<String> batch = new ArrayList<>();
        private Instant latest;

        Batches(InFlight inFlight, Counters counters, Set<String> customers, ProgressBar progress, Feedback feedback) {
            this.inFlight = inFlight;
            this.counters = counters;
            this.customers = customers;
            this.progress = progress;
            this.feedback = feedback;
        }

        void addCaused(String caused) {
            progress.maxHint(progress.getMax() + 1);
            add(caused, read(caused, customers, counters));
        }

        void add(String event, Instant occurredAt) {
            // A new day closes the batch, so the schedules tick at least once a virtual day.
            if (occurredAt != null && latest != null && !batch.isEmpty() && !sameUtcDay(occurredAt, latest)) {
                flush();
            }
            if (occurredAt != null && (latest == null || occurredAt.isAfter(latest))) {
                latest = occurredAt;
            }
            batch.add(event);
            if (batch.size() == batchSize) {
                flush();
            }
        }

        /** Submits the batch being cut; false when it was empty. */
        boolean flush() {
            if (batch.isEmpty()) return false;
            List<String> full = batch;
            Instant upTo = latest;
            batch = new ArrayList<>(batchSize);
            if (feedback == Feedback.NONE) {
                submit(inFlight, full, upTo, counters, progress);
            } else {
                feed(full, upTo, counters);
                progress.stepBy(full.size());
                feedback.fed(runtime.clock().instant());
            }
            return true;
        }
    }

    private static boolean sameUtcDay(Instant a, Instant b) {
        return a.getEpochSecond() / 86_400 == b.getEpochSecond() / 86_400;
    }

    private void submit(InFlight inFlight, List<String> batch, Instant latest, Counters counters, ProgressBar progress) {
        inFlight.run(() -> {
            feed(batch, latest, counters);
            progress.stepBy(batch.size());
        });
    }

    /**
     * Runs at most {@code limit} batches at once, as that many Lambda instances polling one queue
     * would; closing waits for all of them.
     */
    private static final class InFlight implements AutoCloseable {
        private final java.util.concurrent.ExecutorService pool;
        private final java.util.concurrent.Semaphore slots;

        InFlight(int limit) {
            pool = java.util.concurrent.Executors.newFixedThreadPool(limit);
            slots = new java.util.concurrent.Semaphore(limit);
        }

        void run(Runnable work) {
            slots.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    work.run();
                } finally {
                    slots.release();
                }
            });
        }

        @Override
        public void close() {
            pool.shutdown();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Updated from the batch threads: every access holds the lock of this object. */
    private static final class Counters {
        long fed;
        long itemFailures;
        long failedInvocations;
        long rejected;
        long unreadable;
        long scheduledRuns;
    }

    /** The event's occurredAt, noting its customer; null (and counted) when the demo cannot read them. */
    private static Instant read(String event, Set<String> customers, Counters counters) {
        try {
            JsonNode node = JSON.readTree(event);
            JsonNode customerId = node.path("customerId");
            JsonNode occurredAt = node.path("occurredAt");
            if (!customerId.isTextual() || !occurredAt.isTextual()) {
                counters.unreadable++;
                return null;
            }
            customers.add(customerId.textValue());
            return Instant.parse(occurredAt.textValue());
        } catch (IOException | DateTimeParseException e) {
            counters.unreadable++;
            return null;
        }
    }

    private void feed(List<String> events, Instant latest, Counters counters) {
        Instant now = latest == null ? runtime.clock().instant() : runtime.clock().advanceTo(latest);
        List<String> bodies = new ArrayList<>(events.size());
        for (String event : events) {
            bodies.add(EventBridgeEnvelope.wrap(event, now));
        }
        SQSEvent batch = SqsEvents.batch(bodies, now);
        int failures;
        boolean invoked = true;
        try {
            SQSBatchResponse response = runtime.ingest().handleRequest(batch,
                    LocalLambdaContext.invoking(runtime.ingestFunctionId()));
            failures = response == null || response.getBatchItemFailures() == null
                    ? 0 : response.getBatchItemFailures().size();
        } catch (RuntimeException e) {
            LOG.error("ingest.invocation.failed", e, "messages", bodies.size());
            invoked = false;
            failures = bodies.size();
        }
        long ticked = runtime.schedules().tick().outcomes().stream().mapToLong(TickReport.Outcome::runs).sum();
        afterEachTick.accept(runtime.clock().instant());
        synchronized (counters) {
            counters.fed += bodies.size();
            if (invoked) counters.itemFailures += failures; else counters.failedInvocations++;
            counters.rejected += failures;
            counters.scheduledRuns += ticked;
        }
    }

    private DemoSummary readBack(Set<String> customers, Counters counters, Duration elapsed, Instant clockStart) {
        Map<String, Long> platformMix = new TreeMap<>();
        Map<String, Long> purchaseBuckets = new LinkedHashMap<>();
        Map<String, Map<String, Long>> subscriptions = new TreeMap<>();
        Map<Integer, Long> errors = new TreeMap<>();
        // Independent GETs: read them a few at a time, then count on this thread.
        List<HttpResponseData> responses = customers.parallelStream().map(customerId ->
                runtime.server().dispatch(new HttpRequestData("GET",
                        URI.create("/v1/customers/" + pathSegment(customerId)),
                        Map.of("host", List.of("localhost:" + runtime.server().port())),
                        new byte[0], "127.0.0.1", "HTTP/1.1"))).toList();
        for (HttpResponseData response : responses) {
            if (response.status() != 200) {
                errors.merge(response.status(), 1L, Long::sum);
                continue;
            }
            StoredCustomer stored;
            try {
                stored = StoredCustomer.from(JSON.readTree(response.body()));
            } catch (IOException e) {
                errors.merge(response.status(), 1L, Long::sum);
                continue;
            }
            platformMix.merge(stored.platformMix(), 1L, Long::sum);
            purchaseBuckets.merge(stored.purchaseBucket(), 1L, Long::sum);
            stored.subscriptions().forEach((channel, state) ->
                    subscriptions.computeIfAbsent(channel, c -> new TreeMap<>()).merge(state, 1L, Long::sum));
        }
        return new DemoSummary(counters.fed, counters.itemFailures, counters.failedInvocations, counters.rejected,
                counters.unreadable, elapsed, clockStart, runtime.clock().instant(), counters.scheduledRuns,
                customers.size(), platformMix, purchaseBuckets, subscriptions, errors);
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
