package dev.winback.adapters.dynamodb;

import dev.winback.core.journey.JourneySummary;
import dev.winback.core.journey.StoredVersion;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Versioned journey definitions and the product catalog against DynamoDB Local. */
class DynamoDbJourneyDefinitionStoreIT {

    private final LocalTable table = LocalTable.create();
    private final DynamoDbJourneyDefinitionStore store =
            new DynamoDbJourneyDefinitionStore(table.client(), table.name(), new CapacityMeter());
    private final DynamoDbCatalogStore catalog = new DynamoDbCatalogStore(table.client(), table.name(), new CapacityMeter());

    @Test
    void put_assignsOneTwoThree_andEachVersionReadsBackAsWritten() {
        assertThat(store.put("review", "{\"v\":1}")).isEqualTo(new StoredVersion("review", 1));
        assertThat(store.put("review", "{\"v\":2}")).isEqualTo(new StoredVersion("review", 2));
        assertThat(store.put("review", "{\"v\":3}")).isEqualTo(new StoredVersion("review", 3));
        assertThat(store.put("refill", "{\"r\":1}")).as("each journey counts its own").isEqualTo(new StoredVersion("refill", 1));

        assertThat(store.version("review", 2)).contains("{\"v\":2}");
        assertThat(store.version("refill", 1)).contains("{\"r\":1}");
        assertThat(store.version("review", 4)).isEmpty();
        assertThat(store.version("unknown", 1)).isEmpty();
        assertThat(store.active("review")).as("stored is not active").isEmpty();

        Map<String, AttributeValue> item = table.client().getItem(b -> b.tableName(table.name()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS("JOURNEY#review"), Keys.SK, AttributeValue.fromS("V#000002")))).item();
        assertThat(item.get("json").s()).isEqualTo("{\"v\":2}");
    }

    @Test
    void activate_pointsAtAStoredVersion_andRefusesOneNeverStored() {
        store.put("review", "{\"v\":1}");
        store.put("review", "{\"v\":2}");

        assertThat(store.activate("review", 2)).isTrue();
        assertThat(store.active("review")).contains(2);
        assertThat(store.activate("review", 3)).isFalse();
        assertThat(store.activate("unknown", 1)).isFalse();
        assertThat(store.active("review")).contains(2);
        assertThat(store.active("unknown")).isEmpty();

        assertThat(store.activate("review", 1)).isTrue();
        assertThat(store.active("review")).contains(1);
    }

    @Test
    void rollback_returnsToTheVersionActiveBefore_stepByStep_untilNothingIsEarlier() {
        for (int i = 1; i <= 3; i++) store.put("review", "{\"v\":" + i + "}");
        assertThat(store.rollback("review")).as("never activated").isFalse();
        store.activate("review", 1);
        store.activate("review", 3);
        store.activate("review", 3); // already active: not a second activation to roll back
        store.activate("review", 2);

        assertThat(store.rollback("review")).isTrue();
        assertThat(store.active("review")).contains(3);
        assertThat(store.rollback("review")).isTrue();
        assertThat(store.active("review")).contains(1);
        assertThat(store.rollback("review")).as("nothing before the first activation").isFalse();
        assertThat(store.active("review")).contains(1);
    }

    @Test
    void deactivate_stopsTheJourney_andRollbackUndoesIt() {
        store.put("review", "{\"v\":1}");
        store.activate("review", 1);

        store.deactivate("review");
        store.deactivate("review");
        assertThat(store.active("review")).isEmpty();

        assertThat(store.rollback("review")).isTrue();
        assertThat(store.active("review")).contains(1);
    }

    @Test
    void activations_areRemembered_onlyUpToTheBound() {
        store.put("review", "{\"v\":1}");
        store.put("review", "{\"v\":2}");
        for (int i = 0; i < VersionedDocuments.KEPT_ACTIVATIONS + 10; i++) store.activate("review", 1 + i % 2);

        int rollbacks = 0;
        while (store.rollback("review")) rollbacks++;

        assertThat(rollbacks).isEqualTo(VersionedDocuments.KEPT_ACTIVATIONS - 1);
    }

    @Test
    void list_namesEveryJourneyStored_withItsLatestAndActiveVersion() {
        assertThat(store.list()).isEmpty();
        store.put("review", "{}");
        store.put("review", "{}");
        store.put("birthday", "{}");
        store.activate("review", 1);

        assertThat(store.list()).containsExactly(
                new JourneySummary("birthday", 1, Optional.empty()),
                new JourneySummary("review", 2, Optional.of(1)));
        Map<String, AttributeValue> index = table.client().getItem(b -> b.tableName(table.name()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS("JOURNEYS"), Keys.SK, AttributeValue.fromS("INDEX")))).item();
        assertThat(index.get("ids").ss()).containsExactlyInAnyOrder("review", "birthday");
    }

    @Test
    void concurrentPuts_getDistinctVersions_andEveryOneIsStored() throws Exception {
        int puts = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<StoredVersion>> tasks = IntStream.range(0, puts)
                    .<Callable<StoredVersion>>mapToObj(i -> () -> store.put("review", "{\"n\":" + i + "}")).toList();
            List<Integer> versions = new ArrayList<>();
            for (Future<StoredVersion> f : pool.invokeAll(tasks)) versions.add(f.get().version());

            assertThat(versions).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, puts).boxed().toList());
            List<String> texts = IntStream.rangeClosed(1, puts).mapToObj(v -> store.version("review", v).orElseThrow()).toList();
            assertThat(texts).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, puts).mapToObj(i -> "{\"n\":" + i + "}").toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentActivations_eachLandInTheHistory() throws Exception {
        for (int i = 1; i <= 8; i++) store.put("review", "{}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = IntStream.rangeClosed(1, 8)
                    .<Callable<Boolean>>mapToObj(v -> () -> store.activate("review", v)).toList();
            for (Future<Boolean> f : pool.invokeAll(tasks)) assertThat(f.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }

        int rollbacks = 0;
        while (store.rollback("review")) rollbacks++;
        assertThat(rollbacks).as("no activation lost to another").isEqualTo(7);
    }

    @Test
    void theCatalog_isVersionedTheSameWay_inItsOwnPartition() {
        assertThat(catalog.latest()).isZero();
        assertThat(catalog.put("{\"products\":[]}")).isEqualTo(1);
        assertThat(catalog.put("{\"products\":[1]}")).isEqualTo(2);
        store.put("CATALOG", "{}");

        assertThat(catalog.latest()).isEqualTo(2);
        assertThat(catalog.version(2)).contains("{\"products\":[1]}");
        assertThat(catalog.activate(3)).isFalse();
        assertThat(catalog.activate(1)).isTrue();
        assertThat(catalog.activate(2)).isTrue();
        assertThat(catalog.active()).contains(2);
        assertThat(catalog.rollback()).isTrue();
        assertThat(catalog.active()).contains(1);
        catalog.deactivate();
        assertThat(catalog.active()).isEmpty();
        assertThat(store.list()).extracting(JourneySummary::journeyId).containsExactly("CATALOG");
        assertThat(store.active("CATALOG")).as("a journey named CATALOG is not the catalog").isEmpty();
    }
}
