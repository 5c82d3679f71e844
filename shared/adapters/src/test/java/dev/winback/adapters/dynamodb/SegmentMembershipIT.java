package dev.winback.adapters.dynamodb;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentCondition;
import dev.winback.core.segment.SegmentDefinition;
import dev.winback.core.segment.Segments;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Segment members and counts against DynamoDB Local, kept by the record store's writes and by erasure. */
class SegmentMembershipIT {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(AT, ZoneOffset.UTC);
    private static final Segments CANCELLED = new Segments(List.of(new SegmentDefinition("cancelled", "Cancelled",
            SegmentDefinition.Match.ALL, List.of(new SegmentCondition.Membership(Set.of(),
            Set.of(MembershipStatus.CANCELLED), Optional.empty())))));

    private final LocalTable table = LocalTable.create();
    private final CapacityMeter meter = new CapacityMeter();
    private final DynamoDbEngagementStore store = new DynamoDbEngagementStore(table.client(), table.name(), meter, null,
            new SegmentMembership(table.name(), () -> CANCELLED, Clock.fixed(AT, ZoneOffset.UTC)));
    private final DynamoDbSegmentMembers members = new DynamoDbSegmentMembers(table.client(), table.name(), meter);
    private final DynamoDbCustomerData data = new DynamoDbCustomerData(table.client(), table.name(),
            new ContactIndex(table.client(), table.name(), new ContactHashes(KeyMaterial.of("1", Map.of("1", new byte[32])))),
            store.segments());

    @Test
    void aWriteThatEntersOrLeavesASegmentMovesItsMembersAndCounts_othersWriteNothingMore() {
        for (int i = 0; i < 30; i++) change("c-" + i, "cancel-" + i, MembershipStatus.CANCELLED);
        assertThat(all("cancelled")).hasSize(30);
        change("c-3", "restart-3", MembershipStatus.STARTED);
        change("c-4", "again-4", MembershipStatus.CANCELLED); // stays in: no transaction, no member write
        assertThat(all("cancelled")).hasSize(29).doesNotContain("c-3");
        assertThat(store.load(List.of("c-4")).get("c-4").segments()).containsExactly("cancelled");
        assertThat(store.load(List.of("c-3")).get("c-3").segments()).isEmpty();
        var count = members.count("cancelled", TODAY.minusDays(2), TODAY);
        assertThat(count.members()).isEqualTo(29);
        assertThat(count.byDay()).containsEntry(TODAY, 29L).containsEntry(TODAY.minusDays(1), 0L);
        assertThat(all("nobody")).isEmpty();
    }

    @Test
    void erasureTakesTheCustomerOutOfEverySegment() {
        change("c-1", "cancel-1", MembershipStatus.CANCELLED);
        change("c-2", "cancel-2", MembershipStatus.CANCELLED);

        data.markErased("c-1", AT);
        data.markErased("c-1", AT.plusSeconds(5));

        assertThat(all("cancelled")).containsExactly("c-2");
        assertThat(members.count("cancelled", TODAY, TODAY).members()).isEqualTo(1);
        assertThat(store.load(List.of("c-1")).get("c-1").erased()).isTrue();
    }

    @Test
    void aCursorThisApiDidNotReturnIsRefused() {
        assertThatThrownBy(() -> members.page("cancelled", Optional.of("not-a-cursor"), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> all(String segmentId) {
        List<String> ids = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            MemberPage page = members.page(segmentId, after, 4);
            ids.addAll(page.customerIds());
            after = page.next();
        } while (after.isPresent());
        return ids;
    }

    private void change(String customerId, String eventId, MembershipStatus status) {
        StoredRecord stored = store.load(List.of(customerId)).get(customerId);
        EngagementEvent event = new EngagementEvent(eventId, customerId, AT.plusSeconds(stored.version()), Optional.empty(),
                new EventPayload.MembershipChanged("premium", status), AT);
        RecordUpdate.Result update = RecordUpdate.apply(stored.record(), List.of(event), Map.of());
        assertThat(store.save(stored, update)).isTrue();
    }
}
