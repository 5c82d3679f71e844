package dev.winback.adapters.dynamodb;

import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.DueItem;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluator's store against DynamoDB Local: the due-time index, the conditional re-arm and the outbox. */
class DynamoDbEvaluationStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final DynamoDbEngagementStore records =
            new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter());
    private final DynamoDbEvaluationStore store =
            new DynamoDbEvaluationStore(table.client(), table.name(), new CapacityMeter(), records);

    @Test
    void due_returnsEachArmedRecordInOneShard_inTimeOrder_onlyOnceDue() {
        // 40 customers over 16 shards: some shard holds several, so the order within a shard is checked.
        Map<String, Instant> armed = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String id = "c-" + i;
            Instant at = NOW.minusSeconds(40L * 60 - i * 60L);
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
        StoredRecord read = store.load(List.of("c-1")).get("c-1");

        assertThat(store.save(read, read.record(), Optional.of(NOW.plusSeconds(3600)), List.of(), NOW, NOW))
                .isEqualTo(new SaveResult.Saved());
        assertThat(dueNow("c-1")).isEmpty();
        StoredRecord reArmed = store.load(List.of("c-1")).get("c-1");
        assertThat(reArmed.version()).isEqualTo(read.version() + 1);
        assertThat(reArmed.dueAt()).contains(NOW.plusSeconds(3600));

        assertThat(store.save(read, read.record(), Optional.empty(), List.of(), NOW, NOW))
                .isEqualTo(new SaveResult.VersionConflict());

        assertThat(store.save(reArmed, reArmed.record(), Optional.empty(), List.of(), NOW, NOW))
                .isEqualTo(new SaveResult.Saved());
        assertThat(store.loadEventually(List.of("c-1")).get("c-1").dueAt()).isEmpty();
    }

    @Test
    void anActionIsRequestedOnce_andIsDueWhenItsLeaseEnds() {
        arm("c-1", NOW.minusSeconds(60));
        StoredRecord read = store.load(List.of("c-1")).get("c-1");
        ActionRequest action = action("key-1", "c-1");
        Instant lease = NOW.plusSeconds(300);

        assertThat(store.save(read, read.record(), Optional.empty(), List.of(action), NOW, lease))
                .isEqualTo(new SaveResult.Saved());
        assertThat(dueNow("c-1")).isEmpty();
        assertThat(dueAt("c-1", lease)).containsExactly(new DueItem.Action("c-1", "key-1"));

        StoredRecord again = store.load(List.of("c-1")).get("c-1");
        assertThat(store.save(again, again.record(), Optional.empty(), List.of(action, action("key-2", "c-1")), NOW, lease))
                .isEqualTo(new SaveResult.ActionsExist(Set.of("key-1")));
        assertThat(store.load(List.of("c-1")).get("c-1").version()).isEqualTo(again.version());
    }

    @Test
    void claim_isExclusive_andReturnsTheRequestWithItsDestinations() {
        ActionRequest action = outboxed("c-1", "key-1", NOW);
        DueItem.Action due = new DueItem.Action("c-1", "key-1");
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

    private ActionRequest outboxed(String customerId, String key, Instant lease) {
        arm(customerId, NOW.minusSeconds(60));
        StoredRecord read = store.load(List.of(customerId)).get(customerId);
        ActionRequest action = action(key, customerId);
        assertThat(store.save(read, read.record(), Optional.empty(), List.of(action), NOW, lease))
                .isEqualTo(new SaveResult.Saved());
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
