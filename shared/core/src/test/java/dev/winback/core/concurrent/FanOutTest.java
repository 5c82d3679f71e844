package dev.winback.core.concurrent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FanOutTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void keepsEachGroupsOrderOnOneThread() {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int c = 0; c < 8; c++) groups.put("c" + c, List.of(c * 100, c * 100 + 1, c * 100 + 2, c * 100 + 3));
        Map<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<Integer, String> threads = new ConcurrentHashMap<>();
        FanOut.inOrderPerGroup(groups.values(), pool, (Integer item) -> {
            seen.computeIfAbsent(item / 100, k -> Collections.synchronizedList(new ArrayList<>())).add(item);
            threads.merge(item / 100, Thread.currentThread().getName(),
                    (a, b) -> a.equals(b) ? a : "moved between threads");
        });
        groups.forEach((customer, items) -> assertThat(seen.get(items.getFirst() / 100)).isEqualTo(items));
        assertThat(threads.values()).doesNotContain("moved between threads");
    }

    @Test
    void runsGroupsConcurrently() {
        // Both groups must be running at once to pass the barrier; one at a time would time out.
        CountDownLatch both = new CountDownLatch(2);
        AtomicInteger met = new AtomicInteger();
        FanOut.forEachGroup(Map.of("a", 1, "b", 2), pool, (customer, value) -> {
            both.countDown();
            try {
                if (both.await(5, TimeUnit.SECONDS)) met.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(met).hasValue(2);
    }

    @Test
    void aFailureLetsTheOthersFinishThenThrowsTheFirstInOrder() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> FanOut.forEach(List.of("a", "b", "c", "d"), pool, unit -> {
            if (unit.equals("b") || unit.equals("d")) throw new IllegalStateException(unit);
            done.add(unit);
        })).isInstanceOf(CompletionException.class).cause().isInstanceOf(IllegalStateException.class).hasMessage("b");
        assertThat(done).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void onTheCallingThreadRunsInOrder() {
        List<String> done = new ArrayList<>();
        FanOut.forEachGroup(new LinkedHashMap<>(Map.of("a", 1)), Runnable::run, (k, v) -> done.add(k + v));
        FanOut.forEach(List.of("b", "c"), Runnable::run, done::add);
        assertThat(done).containsExactly("a1", "b", "c");
    }

    @Test
    void aRefusingExecutorThrowsToTheCaller() {
        assertThatThrownBy(() -> FanOut.forEach(List.of("a"), task -> {
            throw new RejectedExecutionException("full");
        }, unit -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void mapKeepsTheUnitsOrder() {
        assertThat(FanOut.map(List.of(3, 1, 2), pool, n -> "s" + n)).containsExactly("s3", "s1", "s2");
    }

    @Test
    void mapThrowsTheFirstFailureInOrder() {
        assertThatThrownBy(() -> FanOut.map(List.of(1, 2, 3), pool, n -> {
            if (n >= 2) throw new IllegalArgumentException("unit " + n);
            return n;
        })).isInstanceOf(CompletionException.class).cause().hasMessage("unit 2");
    }
}
