package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.CustomerJourneysJson;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.evaluation.DueItem;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.CustomerJourneys;
import dev.winback.core.journey.JourneyHistory;
import dev.winback.core.journey.JourneyRun;
import dev.winback.core.journey.StoredJourneys;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.privacy.HeldItem;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers' journeys against DynamoDB Local: the item, its version, and its timer in the due index. */
class DynamoDbJourneyStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final DynamoDbJourneyStore store = new DynamoDbJourneyStore(table.client(), table.name(), new CapacityMeter());

    @Test
    void load_ofACustomerWithNoJourneys_isAbsentAtVersionZero() {
        assertThat(store.load("c-1")).isEqualTo(StoredJourneys.absent("c-1"));
    }

    @Test
    void save_thenLoad_returnsTheJourneysAtTheNextVersion_withTheTimerArmed() {
        CustomerJourneys journeys = journeys("c-1", NOW.plusSeconds(3600));

        assertThat(store.save(StoredJourneys.absent("c-1"), journeys, Optional.of(NOW.plusSeconds(3600)))).isTrue();
        StoredJourneys read = store.load("c-1");

        assertThat(read.journeys()).isEqualTo(journeys);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.armed()).contains(NOW.plusSeconds(3600));

        CustomerJourneys next = CustomerJourneys.empty("c-1");
        assertThat(store.save(read, next, Optional.empty())).isTrue();
        StoredJourneys again = store.load("c-1");
        assertThat(again.journeys()).isEqualTo(next);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.armed()).isEmpty();
    }

    @Test
    void theStateIsStoredCompressed_asTheRecordIs() {
        CustomerJourneys journeys = journeys("c-1", NOW);
        store.save(StoredJourneys.absent("c-1"), journeys, Optional.of(NOW));

        Map<String, AttributeValue> item = rawItem("c-1");
        byte[] doc = item.get("doc").b().asByteArray();
        assertThat(CustomerJourneysJson.fromBytes(Compression.inflate(doc))).isEqualTo(journeys);
        assertThat(doc.length).isLessThan(CustomerJourneysJson.toBytes(journeys).length);
        assertThat(item.get(Keys.DUE_SHARD).s()).isEqualTo(Keys.journeyDueShard("c-1")).startsWith("JDUE#");
        assertThat(item.get(Keys.DUE_AT).s()).isEqualTo(Keys.dueAt(NOW));
    }

    @Test
    void aBulkLoadedItem_isTheItemASaveLeaves_andLoadsAndFallsDueAlike() {
        CustomerJourneys journeys = journeys("c-1", NOW);
        store.save(StoredJourneys.absent("c-1"), journeys, Optional.of(NOW));
        Map<String, AttributeValue> saved = rawItem("c-1");

        table.client().putItem(b -> b.tableName(table.name()).item(store.item(journeys("c-2", NOW), 1, Optional.of(NOW))));

        Map<String, AttributeValue> loaded = rawItem("c-2");
        assertThat(loaded.keySet()).isEqualTo(saved.keySet());
        assertThat(store.load("c-2")).isEqualTo(new StoredJourneys(journeys("c-2", NOW), 1, Optional.of(NOW)));
        List<String> due = new ArrayList<>();
        for (int shard = 0; shard < store.shards(); shard++) due.addAll(store.due(shard, NOW));
        assertThat(due).contains("c-1", "c-2");
        assertThat(store.item(journeys("c-3", NOW), 4, Optional.empty())).doesNotContainKeys(Keys.DUE_SHARD, Keys.DUE_AT);
    }

    @Test
    void loadOfMany_readsEachCustomerAsLoadDoes_pastOneRequestsHundredKeys_andAnswersAbsentForTheRest() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            String id = "c-" + i;
            ids.add(id);
            if (i % 3 == 0) continue;
            Optional<Instant> due = i % 2 == 0 ? Optional.of(NOW.plusSeconds(i)) : Optional.empty();
            assertThat(store.save(StoredJourneys.absent(id), journeys(id, NOW.plusSeconds(i)), due)).isTrue();
        }
        StoredJourneys saved = store.load("c-1");
        assertThat(store.save(saved, journeys("c-1", NOW), Optional.of(NOW))).isTrue();

        Map<String, StoredJourneys> loaded = store.load(ids);

        assertThat(loaded).hasSize(130);
        for (String id : ids) assertThat(loaded.get(id)).as(id).isEqualTo(store.load(id));
        assertThat(loaded.get("c-0")).isEqualTo(StoredJourneys.absent("c-0"));
        assertThat(loaded.get("c-1").version()).isEqualTo(2);
        assertThat(loaded.get("c-2").armed()).contains(NOW.plusSeconds(2));
    }

    @Test
    void aStaleVersion_isRefused_andTheFirstWriteStays() {
        StoredJourneys absent = StoredJourneys.absent("c-1");
        assertThat(store.save(absent, journeys("c-1", NOW), Optional.of(NOW))).isTrue();

        assertThat(store.save(absent, CustomerJourneys.empty("c-1"), Optional.empty()))
                .as("a second first write").isFalse();
        StoredJourneys read = store.load("c-1");
        assertThat(store.save(read, CustomerJourneys.empty("c-1"), Optional.empty())).isTrue();
        assertThat(store.save(read, journeys("c-1", NOW), Optional.of(NOW))).as("a write from version 1 after 2").isFalse();

        assertThat(store.load("c-1").journeys()).isEqualTo(CustomerJourneys.empty("c-1"));
        assertThat(store.load("c-1").version()).isEqualTo(2);
    }

    @Test
    void due_returnsOnlyTheJourneyTimersOfThatShard_thatFellDue_earliestFirst() {
        Map<String, Instant> armed = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String id = "c-" + i;
            Instant at = NOW.minusSeconds(40L * 60 - i * 60L);
            armed.put(id, at);
            assertThat(store.save(StoredJourneys.absent(id), journeys(id, at), Optional.of(at))).isTrue();
        }
        assertThat(store.save(StoredJourneys.absent("c-later"), journeys("c-later", NOW), Optional.of(NOW.plusSeconds(1))))
                .isTrue();
        // Timers of the evaluator (a record, an outbox entry) and of delivery, all due, in the same index.
        for (String id : List.of("c-1", "c-2", "c-evaluated")) {
            putTimed(id, Keys.RECORD_SK, Keys.dueShard(id), NOW.minusSeconds(7200));
            putTimed(id, Keys.action("a-" + id), Keys.dueShard(id), NOW.minusSeconds(7200));
            putTimed(id, Keys.message("k-" + id), Keys.messageDueShard(id), NOW.minusSeconds(7200));
        }

        List<String> all = new ArrayList<>();
        int fullestShard = 0;
        for (int shard = 0; shard < store.shards(); shard++) {
            List<String> due = store.due(shard, NOW);
            String shardKey = Keys.journeyDueShard(shard);
            assertThat(due).isSortedAccordingTo(Comparator.comparing(armed::get));
            assertThat(due).allSatisfy(id -> assertThat(Keys.journeyDueShard(id)).isEqualTo(shardKey));
            all.addAll(due);
            fullestShard = Math.max(fullestShard, due.size());
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(armed.keySet());
        assertThat(fullestShard).isGreaterThan(1);

        // The evaluator's shards see none of the journeys.
        DynamoDbEvaluationStore evaluation = new DynamoDbEvaluationStore(table.client(), table.name(), new CapacityMeter(),
                new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter()));
        List<String> evaluated = new ArrayList<>();
        for (int shard = 0; shard < evaluation.shards(); shard++) {
            evaluation.due(shard, NOW).stream().map(DueItem::customerId).forEach(evaluated::add);
        }
        assertThat(evaluated).containsOnly("c-1", "c-2", "c-evaluated").hasSize(6);
    }

    @Test
    void aStoreOfOneShard_keepsEveryTimerInIt_inTimeOrder() {
        DynamoDbJourneyStore oneShard = new DynamoDbJourneyStore(table.client(), table.name(), new CapacityMeter(), 1);
        // Written latest first, so the order read back is the index's, not the order of the writes.
        List<String> ids = new ArrayList<>();
        for (int i = 119; i >= 0; i--) {
            String id = String.format("c-%03d", i);
            ids.addFirst(id);
            Instant at = NOW.minusSeconds(1000 - i);
            assertThat(oneShard.save(StoredJourneys.absent(id), journeys(id, at), Optional.of(at))).isTrue();
        }

        assertThat(oneShard.shards()).isEqualTo(1);
        assertThat(oneShard.due(0, NOW)).containsExactlyElementsOf(ids);
    }

    @Test
    void disarming_takesTheCustomerOutOfTheIndex() {
        store.save(StoredJourneys.absent("c-1"), journeys("c-1", NOW), Optional.of(NOW.minusSeconds(60)));
        int shard = shardOf("c-1");
        assertThat(store.due(shard, NOW)).containsExactly("c-1");

        StoredJourneys read = store.load("c-1");
        assertThat(store.save(read, read.journeys(), Optional.empty())).isTrue();

        assertThat(store.due(shard, NOW.plus(Duration.ofDays(3650)))).isEmpty();
        assertThat(rawItem("c-1")).doesNotContainKeys(Keys.DUE_SHARD, Keys.DUE_AT);
    }

    @Test
    void rearming_movesTheTimer() {
        store.save(StoredJourneys.absent("c-1"), journeys("c-1", NOW), Optional.of(NOW.minusSeconds(60)));
        StoredJourneys read = store.load("c-1");
        store.save(read, read.journeys(), Optional.of(NOW.plusSeconds(3600)));
        int shard = shardOf("c-1");

        assertThat(store.due(shard, NOW)).isEmpty();
        assertThat(store.due(shard, NOW.plusSeconds(3600))).containsExactly("c-1");
    }

    @Test
    void erasure_deletesTheJourneys_andExportShowsThemBeforehand() {
        DynamoDbEngagementStore records = new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter());
        EngagementEvent session = new EngagementEvent("e-1", "c-1", NOW, Optional.of(Platform.APP),
                new EventPayload.SessionStarted(Platform.APP), NOW);
        assertThat(records.save(StoredRecord.absent("c-1"),
                RecordUpdate.apply(EngagementRecord.empty("c-1"), List.of(session), Map.of()))).isTrue();
        CustomerJourneys journeys = journeys("c-1", NOW);
        store.save(StoredJourneys.absent("c-1"), journeys, Optional.of(NOW.minusSeconds(60)));
        DynamoDbCustomerData data = new DynamoDbCustomerData(table.client(), table.name(), new ContactIndex(
                table.client(), table.name(), new ContactHashes(KeyMaterial.of("1", Map.of("1", new byte[32])))));

        HeldItem held = data.held("c-1").stream().filter(item -> item.key().equals(Keys.JOURNEYS_SK)).findFirst().orElseThrow();
        assertThat(held.journeys()).contains(new String(CustomerJourneysJson.toBytes(journeys), StandardCharsets.UTF_8));
        assertThat(held.attributes()).containsKeys("v", Keys.DUE_AT).doesNotContainKey("doc");

        data.markErased("c-1", NOW);
        data.deleteAllButMarker("c-1");

        assertThat(store.load("c-1")).isEqualTo(StoredJourneys.absent("c-1"));
        assertThat(store.due(shardOf("c-1"), NOW)).isEmpty();
        assertThat(data.held("c-1")).isEmpty();
    }

    private static int shardOf(String customerId) {
        return Integer.parseInt(Keys.journeyDueShard(customerId).substring(Keys.JOURNEY_DUE_PREFIX.length()));
    }

    private static CustomerJourneys journeys(String customerId, Instant due) {
        JourneyRun run = new JourneyRun("review", "o-1", 1, 2, due.minusSeconds(86_400), due.minusSeconds(86_000),
                "ask", due.minusSeconds(86_000), Optional.of(due), Map.of("orderId", "o-1"));
        DeliveryRequest request = new DeliveryRequest(customerId, "review", "ask", "o-1", Purpose.TRANSACTIONAL,
                MessageCategory.ORDER_UPDATES, List.of(Channel.EMAIL), due, due.plus(Duration.ofDays(1)),
                Duration.ofHours(2), Map.of("orderId", "o-1"));
        return new CustomerJourneys(customerId, List.of(run),
                Map.of(JourneyHistory.runKey("review", "o-1"),
                        new JourneyHistory(1, due.minusSeconds(86_400), due.minusSeconds(86_000), Optional.empty(), Optional.empty())),
                Map.of(), List.of("e-" + customerId), List.of(request));
    }

    private void putTimed(String customerId, String sk, String shardKey, Instant at) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.customer(customerId)), Keys.SK, AttributeValue.fromS(sk),
                Keys.DUE_SHARD, AttributeValue.fromS(shardKey), Keys.DUE_AT, AttributeValue.fromS(Keys.dueAt(at)))));
    }

    private Map<String, AttributeValue> rawItem(String customerId) {
        return table.client().getItem(b -> b.tableName(table.name()).consistentRead(true)
                .key(DynamoDbJourneyStore.key(customerId))).item();
    }
}
