package dev.winback.local.e2e;

import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent property on DynamoDB Local and the SNS emulator: random grants (dated in the past, now,
 * a little ahead within the allowed skew, and far beyond it), in random arrival orders, then a
 * withdrawal, then stale grants; customers interleaved on concurrent ingest threads while concurrent
 * delivery workers send marketing push. No marketing send may start after a withdrawal was stored.
 */
class ConsentPropertyIT {

    static final Instant AFTERNOON = Instant.parse("2026-11-23T19:00:00Z");
    private static final int CUSTOMERS = 120;
    /** Claimed times relative to receipt, in seconds: past, present, within the 5-minute skew, beyond it. */
    private static final long[] SKEWS = {-172_800, -3_600, -1, 0, 30, 120, 240, 299, 600, 31_536_000};

    static SnsClient sns;
    static String application;

    @BeforeAll
    static void emulator() {
        String endpoint = MotoEndpoint.require();
        sns = MotoSns.client(endpoint, new ProviderLog());
        application = MotoSns.platformApplication(sns);
    }

    @AfterAll
    static void close() {
        if (sns != null) sns.close();
    }

    @Test
    void noMarketingSendStartsAfterAWithdrawalWasStored() throws Exception {
        DeliveryFixture f = new DeliveryFixture(AFTERNOON, sns);
        Random random = new Random(20261206);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String id = "cprop-" + i;
            f.customer(id, MotoSns.pushEndpoint(sns, application, true), "America/New_York");
            customers.add(id);
        }
        AtomicLong order = new AtomicLong();
        Map<String, Long> withdrawnAt = new ConcurrentHashMap<>();
        Map<String, Long> sentAfterStart = new ConcurrentHashMap<>();
        List<Long> sendsBeforeWithdrawal = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        // Two ingest threads, each owning half the customers: one customer's events arrive in order, the
        // customers interleave at random.
        for (int t = 0; t < 2; t++) {
            List<String> own = customers.subList(t * CUSTOMERS / 2, (t + 1) * CUSTOMERS / 2);
            long seed = random.nextLong();
            running.add(pool.submit(() -> ingestHistories(f, own, new Random(seed), order, withdrawnAt)));
        }
        // Four delivery workers: each customer gets one marketing push, at a random moment around its withdrawal.
        List<String> shuffled = new ArrayList<>(customers);
        Collections.shuffle(shuffled, random);
        for (int w = 0; w < 4; w++) {
            List<String> own = shuffled.subList(w * CUSTOMERS / 4, (w + 1) * CUSTOMERS / 4);
            long seed = random.nextLong();
            running.add(pool.submit(() -> {
                Random r = new Random(seed);
                for (String customer : own) {
                    sleep(r.nextInt(40));
                    long start = order.incrementAndGet();
                    DeliveryRequest request = f.request(customer, "prop-" + customer, Purpose.MARKETING,
                            List.of(Channel.PUSH));
                    assertThat(f.deliver(List.of(request))).isEmpty();
                    if (f.entry(request).status() == LedgerStatus.SENT) {
                        Long withdrawn = withdrawnAt.get(customer);
                        if (withdrawn != null && withdrawn < start) sentAfterStart.put(customer, start);
                        else sendsBeforeWithdrawal.add(start);
                    }
                }
                return null;
            }));
        }
        for (Future<?> task : running) task.get();
        pool.shutdown();

        assertThat(withdrawnAt).hasSize(CUSTOMERS);
        assertThat(sentAfterStart).as("marketing sends that started after the customer's withdrawal was stored")
                .isEmpty();
        // The property must be able to fail: some deliveries did race ahead of their withdrawal and send.
        assertThat(sendsBeforeWithdrawal).isNotEmpty();
    }

    /**
     * The same on SMS with a STOP texted from the phone: afterwards only other withdrawals (a CRM echoing
     * the STOP, dated later) and grants that cannot lift a STOP (a forwarded preference link with its
     * IP, an operator, a form without evidence), dated after the STOP and received after it, arrive.
     * None may reopen SMS marketing.
     */
    @Test
    void noMarketingSmsStartsAfterAStopWasStored_whateverArrivesAfterIt() throws Exception {
        DeliveryFixture f = new DeliveryFixture(AFTERNOON, sns);
        Random random = new Random(7_770_001);
        int customers = 60;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String id = "cstop-" + i;
            f.customer(id, MotoSns.pushEndpoint(sns, application, true), "America/New_York");
            ids.add(id);
        }
        AtomicLong order = new AtomicLong();
        Map<String, Long> stoppedAt = new ConcurrentHashMap<>();
        Map<String, Long> sentAfterStop = new ConcurrentHashMap<>();
        List<Long> sentBefore = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        long ingestSeed = random.nextLong();
        running.add(pool.submit(() -> {
            Random r = new Random(ingestSeed);
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, r);
            for (String customer : shuffled) {
                Instant now = f.clock.instant();
                f.ingest(List.of(
                        consent(f, customer, Channel.SMS, false, dev.winback.core.record.SmsStop.KEYWORD_SOURCE, now,
                                Optional.of("inbound-" + customer), Optional.empty()),
                        f.event(customer, new EventPayload.SmsSubscriptionChanged(
                                dev.winback.core.event.SmsStatus.UNSUBSCRIBED))));
                stoppedAt.put(customer, order.incrementAndGet());
                f.clock.advance(Duration.ofSeconds(1));
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    Instant later = f.clock.instant().plusSeconds(r.nextInt(240));
                    EngagementEvent after = switch (r.nextInt(4)) {
                        case 0 -> consent(f, customer, Channel.SMS, false, "crm", later, Optional.empty(), Optional.empty());
                        case 1 -> consent(f, customer, Channel.SMS, true, "preference-centre", later, Optional.empty(),
                                Optional.of("198.51.100.7"));
                        case 2 -> consent(f, customer, Channel.SMS, true, "admin-api", later, Optional.empty(),
                                Optional.empty());
                        default -> consent(f, customer, Channel.SMS, true, "signup_form", later, Optional.empty(),
                                Optional.empty());
                    };
                    f.ingest(List.of(after, f.event(customer, new EventPayload.SmsSubscriptionChanged(after.payload()
                            instanceof EventPayload.ConsentChanged c && c.granted()
                            ? dev.winback.core.event.SmsStatus.SUBSCRIBED : dev.winback.core.event.SmsStatus.UNSUBSCRIBED))));
                    f.clock.advance(Duration.ofSeconds(1));
                }
            }
            return null;
        }));
        for (int w = 0; w < 3; w++) {
            List<String> own = ids.subList(w * customers / 3, (w + 1) * customers / 3);
            long seed = random.nextLong();
            running.add(pool.submit(() -> {
                Random r = new Random(seed);
                for (String customer : own) {
                    sleep(r.nextInt(60));
                    long start = order.incrementAndGet();
                    DeliveryRequest request = f.request(customer, "stop-" + customer, Purpose.MARKETING,
                            List.of(Channel.SMS));
                    assertThat(f.deliver(List.of(request))).isEmpty();
                    if (f.entry(request).status() == LedgerStatus.SENT) {
                        Long stopped = stoppedAt.get(customer);
                        if (stopped != null && stopped < start) sentAfterStop.put(customer, start);
                        else sentBefore.add(start);
                    }
                }
                return null;
            }));
        }
        for (Future<?> task : running) task.get();
        pool.shutdown();

        assertThat(stoppedAt).hasSize(customers);
        assertThat(sentAfterStop).as("marketing texts that started after the customer's STOP was stored").isEmpty();
        for (String customer : ids) {
            assertThat(dev.winback.core.record.SmsStop.isStop(f.table.store().find(customer).record()
                    .channel(Channel.SMS).consent().get(Purpose.MARKETING))).as(customer).isTrue();
        }
        assertThat(sentBefore).as("some texts raced ahead of their STOP, so the property can fail").isNotEmpty();
    }

    private static EngagementEvent consent(DeliveryFixture f, String customer, Channel channel, boolean granted,
                                           String source, Instant at, Optional<String> messageId,
                                           Optional<String> ipAddress) {
        EngagementEvent e = f.event(customer, new EventPayload.ConsentChanged(channel, Purpose.MARKETING, granted,
                source, "v1", messageId, ipAddress));
        return new EngagementEvent(e.eventId(), customer, at, Optional.empty(), e.payload());
    }

    private static Void ingestHistories(DeliveryFixture f, List<String> customers, Random random, AtomicLong order,
                                        Map<String, Long> withdrawnAt) {
        // Refused grants (dated beyond the skew) are kept as rejected events, not retried: ingest() accepts them.
        Instant[] withdrawalClaims = new Instant[customers.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) pending.add(random.nextInt(4));
        // Round-robin over customers in random order; each step is one arrival.
        List<Integer> stage = new ArrayList<>(Collections.nCopies(customers.size(), 0));
        boolean more = true;
        while (more) {
            more = false;
            List<Integer> turn = new ArrayList<>();
            for (int i = 0; i < customers.size(); i++) if (stage.get(i) < 2) turn.add(i);
            Collections.shuffle(turn, random);
            for (int i : turn) {
                more = true;
                String customer = customers.get(i);
                Instant now = f.clock.instant();
                if (stage.get(i) == 0 && pending.get(i) > 0) {
                    // A grant with a random claim, before the withdrawal.
                    f.ingest(List.of(grant(f, customer, now.plusSeconds(SKEWS[random.nextInt(SKEWS.length)]))));
                    pending.set(i, pending.get(i) - 1);
                } else if (stage.get(i) == 0) {
                    boolean ownOptOut = random.nextBoolean();
                    Instant at = ownOptOut ? now : now.minusSeconds(random.nextInt(7_200));
                    f.ingest(List.of(withdrawal(f, customer, at, ownOptOut ? "one-click" : "app")));
                    withdrawalClaims[i] = at;
                    withdrawnAt.put(customer, order.incrementAndGet());
                    stage.set(i, 1);
                    pending.set(i, random.nextInt(3));
                } else if (pending.get(i) > 0) {
                    // A stale grant after it: dated before the withdrawal's claim, or beyond the skew.
                    Instant at = random.nextBoolean() ? withdrawalClaims[i].minusSeconds(1 + random.nextInt(3_600))
                            : now.plusSeconds(3_600);
                    f.ingest(List.of(grant(f, customer, at)));
                    pending.set(i, pending.get(i) - 1);
                } else {
                    stage.set(i, 2);
                }
                f.clock.advance(Duration.ofSeconds(1));
            }
        }
        return null;
    }

    private static EngagementEvent grant(DeliveryFixture f, String customer, Instant at) {
        EngagementEvent e = f.event(customer, new EventPayload.ConsentChanged(Channel.PUSH, Purpose.MARKETING, true,
                "app", "v1"));
        return new EngagementEvent(e.eventId(), customer, at, Optional.empty(), e.payload());
    }

    private static EngagementEvent withdrawal(DeliveryFixture f, String customer, Instant at, String source) {
        EngagementEvent e = f.event(customer, new EventPayload.ConsentChanged(Channel.PUSH, Purpose.MARKETING, false,
                source, "v1"));
        return new EngagementEvent(e.eventId(), customer, at, Optional.empty(), e.payload());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
