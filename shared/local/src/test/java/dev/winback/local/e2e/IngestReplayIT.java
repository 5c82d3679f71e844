package dev.winback.local.e2e;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.record.EngagementRecord;
import dev.winback.local.demo.SyntheticConfig;
import dev.winback.local.demo.SyntheticCustomerBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Exactly once and in any order, through the real SQS handler and DynamoDB Local. */
class IngestReplayIT {

    private final IngestFixture fixture = IngestFixture.get();

    @Test
    void replayingTenThousandEventsTwiceWithDuplicates_leavesIdenticalRecords() {
        List<EngagementEvent> events = SyntheticCustomerBase.generate(SyntheticConfig.defaults()
                .withCustomers(300).withSeed(1)).events().limit(10_000).map(e -> renamed(e, "r1-")).toList();
        assertThat(events).hasSize(10_000);
        Set<String> customers = new TreeSet<>();
        events.forEach(e -> customers.add(e.customerId()));

        feed(events, new Random(1), 100);
        Map<String, StoredRecord> first = fixture.records(customers);
        assertCountsMatch(events, first);

        List<EngagementEvent> again = new ArrayList<>(events);
        Collections.shuffle(again, new Random(2));
        feed(again, new Random(3), 100);
        Map<String, StoredRecord> second = fixture.records(customers);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anyPermutationOfOneCustomersEvents_buildsTheSameRecord() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticConfig.defaults().withCustomers(50).withSeed(7));
        String busiest = base.customers().stream().map(c -> c.customerId())
                .max((a, b) -> Integer.compare(base.eventsOf(a).size(), base.eventsOf(b).size())).orElseThrow();
        List<EngagementEvent> events = base.eventsOf(busiest);
        assertThat(events.size()).isGreaterThan(40);

        Random random = new Random(11);
        EngagementRecord expected = null;
        for (int permutation = 0; permutation < 200; permutation++) {
            String customer = "perm-" + permutation;
            List<EngagementEvent> shuffled = new ArrayList<>(events.stream().map(e -> withCustomer(e, customer)).toList());
            Collections.shuffle(shuffled, random);
            feed(shuffled, random, 12);
            EngagementRecord record = fixture.records(List.of(customer)).get(customer).record();
            EngagementRecord normalised = withCustomerId(record.engagementView(), "perm");
            if (expected == null) expected = normalised;
            assertThat(normalised).as("permutation %d", permutation).isEqualTo(expected);
        }
    }

    private void feed(List<EngagementEvent> events, Random random, int maxBatch) {
        int from = 0;
        while (from < events.size()) {
            int size = 1 + random.nextInt(maxBatch);
            List<String> bodies = new ArrayList<>();
            for (EngagementEvent e : events.subList(from, Math.min(events.size(), from + size))) {
                bodies.add(fixture.json(e));
                if (random.nextInt(20) == 0) bodies.add(fixture.json(e)); // the queue delivered it twice
            }
            assertThat(fixture.sendBodies(bodies)).as("batch item failures").isEmpty();
            from += size;
        }
    }

    /** Independent of the merge code: counts straight from the events. */
    private static void assertCountsMatch(List<EngagementEvent> events, Map<String, StoredRecord> records) {
        Map<String, Map<Platform, Long>> activity = new HashMap<>();
        Map<String, Long> orders = new HashMap<>();
        for (EngagementEvent e : events) {
            Platform platform = switch (e.payload()) {
                case EventPayload.SessionStarted s -> s.platform();
                case EventPayload.StoreVisited v -> Platform.STORE;
                case EventPayload.PurchaseCompleted p -> e.platform().orElse(null);
                default -> null;
            };
            if (platform != null) activity.computeIfAbsent(e.customerId(), c -> new HashMap<>()).merge(platform, 1L, Long::sum);
            if (e.payload() instanceof EventPayload.PurchaseCompleted) orders.merge(e.customerId(), 1L, Long::sum);
        }
        records.forEach((customer, stored) -> {
            for (Platform p : Platform.values()) {
                assertThat(stored.record().platform(p).count()).as("%s %s", customer, p)
                        .isEqualTo(activity.getOrDefault(customer, Map.of()).getOrDefault(p, 0L));
            }
            assertThat(stored.record().purchases().orders()).as("%s orders", customer)
                    .isEqualTo(orders.getOrDefault(customer, 0L));
        });
    }

    private static EngagementEvent renamed(EngagementEvent e, String prefix) {
        return withCustomer(e, prefix + e.customerId());
    }

    private static EngagementEvent withCustomer(EngagementEvent e, String customerId) {
        return new EngagementEvent(e.eventId(), customerId, e.occurredAt(), e.platform(), e.payload());
    }

    private static EngagementRecord withCustomerId(EngagementRecord r, String id) {
        return new EngagementRecord(id, r.platforms(), r.purchases(), r.channels(), r.pushPermission(), r.membership(),
                r.install(), r.profile(), r.recent(), r.seen());
    }
}
