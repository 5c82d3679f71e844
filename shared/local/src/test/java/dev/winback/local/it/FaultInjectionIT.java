package dev.winback.local.it;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * 10,000 delivery requests (one in six sent twice) through the real deliver handler while SNS
 * throttles, times out and loses responses after taking messages. The queue is played by hand:
 * what the handler asks to retry comes back in a later batch, as SQS would redeliver it. Afterwards
 * no message was taken twice by the provider, and every request's message is in a final state.
 */
class FaultInjectionIT {

    static final int REQUESTS = 10_000;
    static final int CUSTOMERS = 2_000;
    static final Instant AFTERNOON = Instant.parse("2026-11-23T19:00:00Z");

    @Test
    void zeroDuplicateSendsAndEveryRequestRecordedFinal() {
        assumeTrue(MotoSns.endpoint().isPresent(), "WINBACK_MOTO_ENDPOINT is not set");
        ProviderLog provider = new ProviderLog();
        FaultInjector faults = new FaultInjector(42, 0.10, 0.03, 0.03);
        try (SnsClient sns = MotoSns.client(MotoSns.endpoint().get(), provider, faults)) {
            run(sns, provider, faults);
        }
    }

    private void run(SnsClient sns, ProviderLog provider, FaultInjector faults) {
        Random random = new Random(7);
        DeliveryFixture f = new DeliveryFixture(AFTERNOON, sns);
        String application = MotoSns.platformApplication(sns);
        List<String> enabled = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (int i = 0; i < 20; i++) enabled.add(MotoSns.pushEndpoint(sns, application, true));
        for (int i = 0; i < 5; i++) disabled.add(MotoSns.pushEndpoint(sns, application, false));
        List<EngagementEvent> setup = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String customer = "fi-" + c;
            String endpoint = random.nextInt(5) == 0 ? disabled.get(c % disabled.size()) : enabled.get(c % enabled.size());
            setup.add(f.event(customer, new EventPayload.ProfileUpdated(Optional.empty(),
                    Optional.of("+1555" + String.format("%07d", c)), Optional.of("America/New_York"),
                    Optional.empty(), Optional.empty(), Optional.of(endpoint))));
            setup.add(f.event(customer, new EventPayload.PushPermissionChanged(true)));
        }
        for (int from = 0; from < setup.size(); from += 500) f.ingest(setup.subList(from, Math.min(setup.size(), from + 500)));

        // Transactional: no caps or quiet hours, so every request is meant to reach someone.
        List<DeliveryRequest> requests = new ArrayList<>();
        for (int r = 0; requests.size() < REQUESTS; r++) {
            String customer = "fi-" + random.nextInt(CUSTOMERS);
            List<Channel> plan = random.nextBoolean() ? List.of(Channel.PUSH, Channel.SMS) : List.of(Channel.SMS);
            // A receipt wait beyond the expiry arms no fallback timers: they would outlive this test in
            // the shared table and fire in the next test's ticks.
            DeliveryRequest base = f.request(customer, "order-" + r, Purpose.TRANSACTIONAL, plan);
            DeliveryRequest request = new DeliveryRequest(base.customerId(), base.campaignId(), base.step(),
                    base.slot(), base.purpose(), base.category(), base.channels(), base.requestedAt(),
                    base.expiresAt(), Duration.ofDays(3), base.variables());
            requests.add(request);
            if (random.nextInt(6) == 0 && requests.size() < REQUESTS) requests.add(request);
        }
        Collections.shuffle(requests, random);

        List<DeliveryRequest> pending = requests;
        int rounds = 0;
        while (!pending.isEmpty()) {
            assertThat(++rounds).as("requests still retried after many redeliveries").isLessThan(30);
            List<DeliveryRequest> again = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += 10) {
                List<DeliveryRequest> batch = pending.subList(from, Math.min(pending.size(), from + 10));
                Set<Integer> retried = retriedPositions(f, batch);
                for (int i : retried) again.add(batch.get(i));
            }
            pending = again;
            f.clock.advance(Duration.ofSeconds(5));
        }

        Map<String, Long> takenPerMessage = provider.taken().stream()
                .collect(Collectors.groupingBy(t -> t.messageId().substring(0, 35), Collectors.counting()));
        assertThat(takenPerMessage.values()).as("messages the provider took more than once").allMatch(n -> n == 1);
        Map<LedgerStatus, Integer> byStatus = new EnumMap<>(LedgerStatus.class);
        Set<MessageKey> keys = new HashSet<>();
        for (DeliveryRequest request : requests) {
            if (!keys.add(request.key())) continue;
            LedgerEntry entry = f.entry(request);
            assertThat(entry.status().isFinal()).as("final state of %s", entry.key()).isTrue();
            byStatus.merge(entry.status(), 1, Integer::sum);
        }
        // Every send the provider took is accounted for in the ledger, as sent or unknown.
        assertThat(takenPerMessage.size()).isLessThanOrEqualTo(byStatus.getOrDefault(LedgerStatus.SENT, 0)
                + byStatus.getOrDefault(LedgerStatus.UNKNOWN, 0));
        assertThat(faults.throttled.get()).isPositive();
        assertThat(faults.timedOut.get()).isPositive();
        assertThat(faults.lost.get()).isPositive();
        assertThat(byStatus.get(LedgerStatus.UNKNOWN)).isPositive();
        System.out.printf("fault injection: %d requests, %d messages %s, %d rounds; faults throttled=%d timedOut=%d lost=%d%n",
                requests.size(), keys.size(), byStatus, rounds, faults.throttled.get(), faults.timedOut.get(), faults.lost.get());
    }

    /** Positions in the batch whose queue messages the handler asked to get again. */
    private static Set<Integer> retriedPositions(DeliveryFixture f, List<DeliveryRequest> batch) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> failed = f.deliverWithIds(batch, positions);
        Set<Integer> retried = new HashSet<>();
        for (String id : failed) retried.add(positions.get(id));
        return retried;
    }
}
