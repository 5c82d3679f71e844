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
        return Executors.newFixedThreadPool(COUNT, runnable -> {
            Thread thread = new Thread(runnable, "winback-writer");
            thread.setDaemon(true);
            return thread;
        });
    }
}
