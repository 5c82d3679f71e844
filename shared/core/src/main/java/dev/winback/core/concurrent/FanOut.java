package dev.winback.core.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Independent units of work (customers of a batch, index shards, scan segments) run concurrently on
 * an executor, and the caller waits for them. A unit runs on one thread, so whatever it does in order
 * (one customer's events, one customer's messages) stays in order. Units are submitted in iteration
 * order on the calling thread: an executor that refuses one throws to the caller at once.
 */
public final class FanOut {

    private FanOut() {
    }

    /**
     * Runs {@code work} on every unit and returns when all have ended. A unit that throws does not
     * stop the others; once all have ended, the first failure in iteration order is thrown, wrapped in
     * a {@link CompletionException}.
     */
    public static <T> void forEach(Collection<? extends T> units, Executor executor, Consumer<? super T> work) {
        List<CompletableFuture<Void>> running = new ArrayList<>(units.size());
        for (T unit : units) running.add(CompletableFuture.runAsync(() -> work.accept(unit), executor));
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    /** {@link #forEach(Collection, Executor, Consumer)} over groups: each group's key and its items. */
    public static <K, V> void forEachGroup(Map<K, V> groups, Executor executor, BiConsumer<? super K, ? super V> work) {
        forEach(groups.entrySet(), executor, group -> work.accept(group.getKey(), group.getValue()));
    }

    /**
     * {@link #forEach(Collection, Executor, Consumer)} where each group's items are handed to
     * {@code work} one after another, in list order, on the group's thread.
     */
    public static <T> void inOrderPerGroup(Collection<? extends List<? extends T>> groups, Executor executor,
                                           Consumer<? super T> work) {
        forEach(groups, executor, items -> items.forEach(work));
    }

    /**
     * Every unit's result, in the order of the units. Results are collected in that order: the first
     * unit (in order) that failed throws, wrapped in a {@link CompletionException}, as soon as the
     * units before it have ended; units still running are not waited for then.
     */
    public static <T, R> List<R> map(List<? extends T> units, Executor executor, Function<? super T, ? extends R> work) {
        List<CompletableFuture<R>> running = new ArrayList<>(units.size());
        for (T unit : units) running.add(CompletableFuture.supplyAsync(() -> work.apply(unit), executor));
        List<R> results = new ArrayList<>(running.size());
        for (CompletableFuture<R> result : running) results.add(result.join());
        return results;
    }
}
