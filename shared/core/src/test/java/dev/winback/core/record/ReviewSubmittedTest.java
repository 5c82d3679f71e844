package dev.winback.core.record;

import dev.winback.core.RandomEvents;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A review is noted in the recent list and seen for duplicates; nothing else in the record changes. */
class ReviewSubmittedTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aReview_changesOnlyTheRecentListAndTheSeenIds() {
        EngagementRecord before = RecordUpdate.apply(EngagementRecord.empty("c-1"),
                new RandomEvents(8, T.minus(Duration.ofDays(30)), Duration.ofDays(29)).forCustomer("c-1", 60),
                Map.of()).record();
        EngagementEvent review = new EngagementEvent("r-1", "c-1", T, Optional.empty(),
                new EventPayload.ReviewSubmitted(Optional.of("o-1"), Optional.of("sku-1"), 4));

        EngagementRecord after = RecordUpdate.apply(before, List.of(review), Map.of()).record();

        List<RecentEvent> expectedRecent = new ArrayList<>(before.recent());
        expectedRecent.add(0, new RecentEvent("review_submitted", T, "4"));
        assertThat(after.recent()).isEqualTo(expectedRecent.subList(0, EngagementRecord.RECENT_EVENTS));
        assertThat(after.seen().contains(EventIds.hash("r-1"))).isTrue();
        EngagementRecord unchanged = new EngagementRecord(after.customerId(), after.platforms(), after.purchases(),
                after.channels(), after.pushPermission(), after.membership(), after.install(), after.profile(),
                before.recent(), before.seen(), after.evaluation(), after.preferences(), after.sendLog());
        assertThat(unchanged).isEqualTo(before);
    }

    @Test
    void aReviewDeliveredTwice_isADuplicate() {
        EngagementEvent review = new EngagementEvent("r-1", "c-1", T, Optional.empty(),
                new EventPayload.ReviewSubmitted(Optional.empty(), Optional.empty(), 5));

        RecordUpdate.Result once = RecordUpdate.apply(EngagementRecord.empty("c-1"), List.of(review), Map.of());
        RecordUpdate.Result twice = RecordUpdate.apply(once.record(), List.of(review), Map.of());

        assertThat(once.outcomes()).containsExactly(RecordUpdate.Outcome.APPLIED);
        assertThat(twice.outcomes()).containsExactly(RecordUpdate.Outcome.DUPLICATE);
        assertThat(twice.record()).isEqualTo(once.record());
    }
}
