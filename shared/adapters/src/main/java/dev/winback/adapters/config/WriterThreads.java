package dev.winback.adapters.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that apply the customers of a batch concurrently: each customer is one
 * read-modify-write round trip, so a batch is bound by latency, not CPU. Each composition root
 * creates its own pool and keeps it for the life of the execution environment; the threads are
 * daemons, so a pool never holds the process open.
 */
public final class WriterThreads {

    /** Threads per pool. */
    public static final int COUNT = 8;

    private WriterThreads() {
    }

    public static ExecutorService newPool() {
        return newPool(COUNT, "winback-writer");
    }

    /** A pool of {@code count} daemon threads named {@code name}, for other fan-outs bound by round trips. */
    public static ExecutorService newPool(int count, String name) {
        return Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
