package dev.winback.adapters.config;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WriterThreadsTest {

    @Test
    void eachPoolIsItsOwn_eightDaemonThreads() throws Exception {
        ExecutorService pool = WriterThreads.newPool();
        try {
            assertThat(pool).isNotSameAs(WriterThreads.newPool());
            assertThat(((ThreadPoolExecutor) pool).getMaximumPoolSize()).isEqualTo(8);
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            CountDownLatch all = new CountDownLatch(8);
            for (int i = 0; i < 8; i++) {
                pool.execute(() -> {
                    threads.add(Thread.currentThread());
                    all.countDown();
                    try {
                        all.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).hasSize(8).allSatisfy(thread -> {
                assertThat(thread.isDaemon()).isTrue();
                assertThat(thread.getName()).isEqualTo("winback-writer");
            });
        } finally {
            pool.shutdownNow();
        }
    }
}
