package dev.winback.local.schedule;

/** Invokes a scheduled function locally: typically builds the event and calls the handler. */
@FunctionalInterface
public interface ScheduleTarget {

    void run(ScheduledRun run) throws Exception;
}
