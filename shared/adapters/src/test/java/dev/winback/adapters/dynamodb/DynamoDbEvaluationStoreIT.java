package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.DueItem;
import dev.winback.core.evaluation.DueRecord;
import dev.winback.core.evaluation.PendingAction;
import dev.winback.core.evaluation.SaveResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluator's store against DynamoDB Local: the due-time index, the conditional re-arm, actions held in the record. */
class DynamoDbEvaluationStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final DynamoDbEngagementStore records =
            new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter());
    private final DynamoDbEvaluationStore store =
            new DynamoDbEvaluationStore(table.client(), table.name(), new CapacityMeter(), records);

    @Test
    void due_returnsEachArmedRecordInOneShard_inTimeOrder_onlyOnceDue() {
        // 200 customers over 64 shards: some shard holds several, so the order within a shard is checked.
        Map<String, Instant> armed = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            String id = "c-" + i;
            Instant at = NOW.minusSeconds(200L * 60 - i * 60L);
            armed.put(id, at);
            arm(id, at);
        }
        arm("c-later", NOW.plusSeconds(1));
        saveUnarmed("c-unarmed");

        List<String> all = new ArrayList<>();
        int fullestShard = 0;
        for (int shard = 0; shard < store.shards(); shard++) {
            List<DueItem> due = store.due(shard, NOW);
            assertThat(due).allSatisfy(item -> assertThat(item).isInstanceOf(DueItem.Record.class));
            List<String> ids = due.stream().map(DueItem::customerId).toList();
            assertThat(ids).isSortedAccordingTo(Comparator.comparing(armed::get));
            all.addAll(ids);
            fullestShard = Math.max(fullestShard, ids.size());
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(armed.keySet());
        assertThat(fullestShard).isGreaterThan(1);

        List<String> dueASecondLater = new ArrayList<>();
        for (int shard = 0; shard < store.shards(); shard++) {
            store.due(shard, NOW.plusSeconds(1)).forEach(item -> dueASecondLater.add(item.customerId()));
        }
        assertThat(dueASecondLater).contains("c-later").doesNotContain("c-unarmed");
    }

    @Test
    void save_reArmsOrDisarms_theTimer_andRefusesAStaleVersion() {
        arm("c-1", NOW.minusSeconds(60));
        DueRecord read = store.load(List.of("c-1")).get("c-1");

        assertThat(store.save(read, read.stored().record(), Optional.of(NOW.plusSeconds(3600)), List.of(), NOW))
                .isEqualTo(new SaveResult.Saved());
        assertThat(dueNow("c-1")).isEmpty();
        DueRecord reArmed = store.load(List.of("c-1")).get("c-1");
        assertThat(reArmed.stored().version()).isEqualTo(read.stored().version() + 1);
        assertThat(reArmed.stored().dueAt()).contains(NOW.plusSeconds(3600));

        assertThat(store.save(read, read.stored().record(), Optional.empty(), List.of(), NOW))
                .isEqualTo(new SaveResult.VersionConflict());

        assertThat(store.save(reArmed, reArmed.stored().record(), Optional.empty(), List.of(), NOW))
                .isEqualTo(new SaveResult.Saved());
        assertThat(store.loadEventually(List.of("c-1")).get("c-1").stored().dueAt()).isEmpty();
    }

    @Test
    void actionsAreHeldInTheRecord_withTheTimerDue_inOneUpdateItem_thenSettled() {
        arm("c-1", NOW.minusSeconds(60));
        DueRecord read = store.load(List.of("c-1")).get("c-1");
        ActionRequest action = action("key-1", "c-1");
        Instant lease = NOW.plusSeconds(120);
        CapacityMeter writes = new CapacityMeter();
        DynamoDbEvaluationStore metered = new DynamoDbEvaluationStore(table.client(), table.name(), writes, records);

        assertThat(metered.save(read, read.stored().record(), Optional.of(NOW.plusSeconds(86_400)),
                List.of(PendingAction.fresh(action)), lease)).isEqualTo(new SaveResult.Saved());
        assertThat(writes.writeUnits()).as("one item, no transaction, no index write").isEqualTo(1.0);

        DueRecord held = store.load(List.of("c-1")).get("c-1");
        assertThat(held.pending()).containsExactly(PendingAction.fresh(action));
        assertThat(held.pendingUntil()).contains(lease);
        assertThat(held.heldAt(NOW)).isTrue();
        assertThat(held.heldAt(lease)).isFalse();
        assertThat(dueNow("c-1")).as("the timer stays due until the actions are published")
                .containsExactly(new DueItem.Record("c-1"));

        store.settle("c-1", read.stored().version() + 1, lease, Optional.of(NOW.plusSeconds(86_400)), List.of());

        DueRecord settled = store.load(List.of("c-1")).get("c-1");
        assertThat(settled.pending()).isEmpty();
        assertThat(settled.pendingUntil()).isEmpty();
        assertThat(settled.stored().dueAt()).contains(NOW.plusSeconds(86_400));
        assertThat(settled.stored().version()).isEqualTo(read.stored().version() + 2);
        assertThat(dueNow("c-1")).isEmpty();
    }

    @Test
    void whileActionsAreHeld_ingestionCanMoveTheTimerOnlyToTheHoldsEnd() {
        arm("c-1", NOW.minusSeconds(60));
        DueRecord read = store.load(List.of("c-1")).get("c-1");
        Instant lease = NOW.plusSeconds(120);
        store.save(read, read.stored().record(), Optional.of(NOW.plusSeconds(86_400)),
                List.of(PendingAction.fresh(action("key-1", "c-1"))), lease);

        // The run died: an event arrives, and ingestion would postpone the timer by a month.
        StoredRecord current = records.load(List.of("c-1")).get("c-1");
        assertThat(records.save(current, update("c-1"), Optional.of(NOW.plusSeconds(30 * 86_400)))).isTrue();

        assertThat(records.load(List.of("c-1")).get("c-1").dueAt()).contains(lease);
        assertThat(dueAt("c-1", lease)).containsExactly(new DueItem.Record("c-1"));
        assertThat(store.load(List.of("c-1")).get("c-1").pending()).as("kept by the record write").hasSize(1);

        // The run settles late: the record changed, so the timer stays due for another look.
        store.settle("c-1", read.stored().version() + 1, lease, Optional.of(NOW.plusSeconds(86_400)), List.of());
        DueRecord settled = store.load(List.of("c-1")).get("c-1");
        assertThat(settled.pending()).isEmpty();
        assertThat(settled.stored().dueAt()).contains(lease);
    }

    @Test
    void settle_keepsWhatIsLeftWithTheDestinationsItReached_andIgnoresALeaseTakenOver() {
        arm("c-1", NOW.minusSeconds(60));
        DueRecord read = store.load(List.of("c-1")).get("c-1");
        ActionRequest action = action("key-1", "c-1");
        Instant lease = NOW.plusSeconds(120);
        store.save(read, read.stored().record(), Optional.empty(), List.of(PendingAction.fresh(action)), lease);

        PendingAction busOnly = new PendingAction(action, Set.of(Destination.EVENT_BUS));
        store.settle("c-1", read.stored().version() + 1, lease, Optional.empty(), List.of(busOnly));
        assertThat(store.load(List.of("c-1")).get("c-1").pending()).containsExactly(busOnly);

        store.settle("c-1", read.stored().version() + 1, NOW.plusSeconds(999), Optional.empty(), List.of());
        assertThat(store.load(List.of("c-1")).get("c-1").pending()).as("another run's lease").containsExactly(busOnly);
    }

    @Test
    void formerOutboxItems_areStillFoundClaimedExclusivelyAndPublished() {
        ActionRequest action = outboxed("c-1", "key-1", NOW);
        DueItem.Action due = new DueItem.Action("c-1", "key-1");
        assertThat(dueAt("c-1", NOW)).contains(due);
        Instant later = NOW.plusSeconds(60);

        Optional<PendingAction> first = store.claim(due, later, later.plusSeconds(300));
        assertThat(first).contains(PendingAction.fresh(action));
        // Another run that read the index before the first claim: the lease now holds it.
        assertThat(store.claim(due, later, later.plusSeconds(300))).isEmpty();

        store.retryLater(first.orElseThrow(), Set.of(Destination.EVENT_BUS));
        Optional<PendingAction> afterLease = store.claim(due, later.plusSeconds(300), later.plusSeconds(600));
        assertThat(afterLease.orElseThrow().done()).containsExactly(Destination.EVENT_BUS);

        store.published(afterLease.orElseThrow(), later.plusSeconds(301));
        assertThat(dueAt("c-1", later.plusSeconds(3600))).isEmpty();
        assertThat(store.claim(due, later.plusSeconds(3600), later.plusSeconds(4000))).isEmpty();
    }

    /** An action item as the former outbox wrote it, in the record's transaction, due at {@code lease}. */
    private ActionRequest outboxed(String customerId, String key, Instant lease) {
        ActionRequest action = action(key, customerId);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.customer(customerId)));
        item.put(Keys.SK, AttributeValue.fromS(Keys.action(key)));
        item.put(DynamoDbEvaluationStore.DETAIL, AttributeValue.fromS(RetentionActionRequestedJson.toDetail(action)));
        item.put(Keys.DUE_SHARD, AttributeValue.fromS(Keys.dueShard(customerId)));
        item.put(Keys.DUE_AT, AttributeValue.fromS(Keys.dueAt(lease)));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
        return action;
    }

    private List<DueItem> dueNow(String customerId) {
        return dueAt(customerId, NOW);
    }

    private List<DueItem> dueAt(String customerId, Instant at) {
        List<DueItem> out = new ArrayList<>();
        for (int shard = 0; shard < store.shards(); shard++) {
            store.due(shard, at).stream().filter(item -> item.customerId().equals(customerId)).forEach(out::add);
        }
        return out;
    }

    private void arm(String customerId, Instant at) {
        assertThat(records.save(StoredRecord.absent(customerId), update(customerId), Optional.of(at))).isTrue();
    }

    private void saveUnarmed(String customerId) {
        assertThat(records.save(StoredRecord.absent(customerId), update(customerId))).isTrue();
    }

    private static RecordUpdate.Result update(String customerId) {
        return RecordUpdate.apply(EngagementRecord.empty(customerId), List.of(new EngagementEvent("e-" + customerId,
                customerId, NOW.minusSeconds(86_400), Optional.of(Platform.APP), new EventPayload.SessionStarted(Platform.APP),
                NOW.minusSeconds(86_400))), Map.of());
    }

    private static ActionRequest action(String key, String customerId) {
        return new ActionRequest(key, customerId, SignalType.LAPSED, NOW.minusSeconds(86_400),
                "no app, web or store activity for 25 days", RetentionAction.LAPSED_CAMPAIGN, "lapsed-any-channel",
                List.of(Channel.EMAIL, Channel.PUSH), Purpose.MARKETING, NOW, new PlaybookVersion(2026, 11, 1));
    }
}
