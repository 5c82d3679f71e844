package dev.winback.local.backtest.replay;

import dev.winback.adapters.config.HoldoutConfig;
import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbMessageLedger;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.local.demo.DemoRun;
import dev.winback.local.demo.DemoSummary;
import dev.winback.local.runtime.EvaluationSummary;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.schedule.LocalSchedules;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays a history through the local runtime: the real ingest handler, the scheduled evaluator,
 * journeys and delivery, on the virtual clock, one week at a time. Delivery is a dry run: the
 * runtime is given no provider endpoint (no SNS emulator, no webhook receiver), so every message
 * the rules allow ends in the runtime's outbox (or the in-app inbox in its own table) and the ledger
 * records every decision; nothing leaves the machine. At each week's end the clock moves to the
 * next Monday, the due schedules run at their own times, and the stored records are read to count
 * customers by lifecycle state.
 */
final class PlaybookReplay {

    /**
     * Every firing that finds work runs at its own time (a tick skips the idle ones): the replay
     * times messages exactly, where the demo folds them for speed.
     */
    static final int RUNS_PER_TICK = LocalSchedules.DEFAULT_RUNS_PER_SCHEDULE;

    /**
     * What the replay observed; the report makes figures of it.
     *
     * @param failed events the ingest handler failed on (batch item failures: to be retried in AWS);
     *               an event the contract refuses is not one of them, ingestion keeps it as rejected
     */
    record Run(List<WeekSnapshot> weeks, Map<LocalDate, Long> knownByWeek, long fed, long failed,
               List<ActionRequest> actions, List<DecidedMessage> messages, Duration elapsed,
               Instant clockStart, Instant clockEnd) {
    }

    private final Path template;
    private final Map<String, String> holdoutEnvironment;
    private final PrintStream progress;

    /**
     * @param holdoutEnvironment the holdout variables delivery reads ({@link HoldoutConfig}); any other
     *                           variable is ignored, so no provider endpoint can reach delivery
     * @param progress           where a line per replayed week goes
     */
    PlaybookReplay(Path template, Map<String, String> holdoutEnvironment, PrintStream progress) {
        this.template = template;
        this.holdoutEnvironment = onlyHoldouts(holdoutEnvironment);
        this.progress = progress;
    }

    static Map<String, String> onlyHoldouts(Map<String, String> env) {
        Map<String, String> holdouts = new TreeMap<>();
        for (String name : List.of(HoldoutConfig.GLOBAL_SHARE, HoldoutConfig.UNIT_SHARE, HoldoutConfig.UNIT_SHARES)) {
            if (env.containsKey(name)) holdouts.put(name, env.get(name));
        }
        return holdouts;
    }

    Run run(ReplayInput input) {
        Instant firstEvent = input.first().orElseThrow(() -> new IllegalArgumentException("no dated event to replay"));
        LocalDate firstWeek = Weeks.weekOf(firstEvent);
        LocalDate lastWeek = Weeks.weekOf(input.last().orElseThrow());
        long started = System.nanoTime();
        try (LocalRuntime runtime = LocalRuntime.start(template, 0, Weeks.start(firstWeek),
                LocalRuntime.DynamoDbAccess.EMBEDDED, RUNS_PER_TICK, holdoutEnvironment)) {
            DemoRun feeder = new DemoRun(runtime, new PrintStream(OutputStream.nullOutputStream()));
            List<WeekSnapshot> weeks = new ArrayList<>();
            Map<LocalDate, Long> knownByWeek = new TreeMap<>();
            long fed = 0;
            long failed = 0;
            int next = 0;
            List<ReplayInput.Dated> events = input.events();
            for (LocalDate week = firstWeek; !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
                Instant end = Weeks.end(week);
                List<String> batch = new ArrayList<>();
                while (next < events.size() && events.get(next).at().map(at -> at.isBefore(end)).orElse(true)) {
                    batch.add(events.get(next++).line());
                }
                if (!batch.isEmpty()) {
                    DemoSummary fedThisWeek = feeder.run(batch, batch.size());
                    fed += fedThisWeek.fed();
                    failed += fedThisWeek.rejected();
                }
                runtime.clock().advanceTo(end);
                runtime.schedules().tick();
                EvaluationSummary summary = runtime.evaluationSummary();
                weeks.add(new WeekSnapshot(week, summary.customers(), summary.byState()));
                knownByWeek.put(week, summary.customers());
                progress.printf("replayed week of %s: %,d events so far, %,d customers, %,d actions, %,d messages%n",
                        week, fed, summary.customers(), runtime.actionEvents().count(),
                        runtime.delivery().tally().sent());
            }
            DynamoDbMessageLedger ledger = new DynamoDbMessageLedger(runtime.clients().dynamoDb(),
                    runtime.config().tableName(), new CapacityMeter());
            List<DecidedMessage> messages = new ArrayList<>();
            for (String customerId : input.customers()) {
                ledger.recent(customerId, Integer.MAX_VALUE).forEach(entry -> messages.add(DecidedMessage.of(entry)));
            }
            return new Run(weeks, knownByWeek, fed, failed, runtime.actionEvents().published(), messages,
                    Duration.ofNanos(System.nanoTime() - started), Weeks.start(firstWeek), runtime.clock().instant());
        }
    }
}
