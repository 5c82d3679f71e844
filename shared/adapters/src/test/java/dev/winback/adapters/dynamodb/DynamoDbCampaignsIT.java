package dev.winback.adapters.dynamodb;

import dev.winback.core.campaign.Campaign;
import dev.winback.core.campaign.CampaignSchedule;
import dev.winback.core.campaign.CampaignState;
import dev.winback.core.campaign.CampaignStatus;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.segment.MemberPage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaigns, their counters and listed segments in DynamoDB Local. */
class DynamoDbCampaignsIT {

    private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final CapacityMeter meter = new CapacityMeter();
    private final DynamoDbCampaigns campaigns = new DynamoDbCampaigns(table.client(), table.name(), meter);

    private static Campaign campaign(String id) {
        return new Campaign(id, "vips", "holiday-offer", List.of(Channel.PUSH, Channel.EMAIL), Purpose.MARKETING,
                MessageCategory.PROMOTIONS, new CampaignSchedule.AtLocalTime(LocalDateTime.parse("2026-12-08T10:00")),
                25, List.of("c-staff"));
    }

    @Test
    void aCampaignIsCreatedOnce_savedOnlyOnTheVersionItWasRead_andLeavesTheActiveOnesWhenFinished() {
        CampaignState created = campaigns.create(CampaignState.scheduled(campaign("holiday"), AT)).orElseThrow();
        assertThat(campaigns.create(CampaignState.scheduled(campaign("holiday"), AT))).as("a second create").isEmpty();
        assertThat(campaigns.find("holiday")).contains(created);
        assertThat(campaigns.active()).containsExactly("holiday");

        CampaignState sending = new CampaignState(created.campaign(), CampaignStatus.SENDING, Optional.of("c-00499"), 500,
                AT, AT.plusSeconds(60), Optional.of(AT), created.version());
        CampaignState saved = campaigns.save(sending).orElseThrow();
        assertThat(campaigns.find("holiday")).contains(saved);
        assertThat(campaigns.save(sending)).as("a stale write").isEmpty();

        CampaignState done = new CampaignState(saved.campaign(), CampaignStatus.DONE, Optional.empty(), 700, AT,
                AT.plusSeconds(120), Optional.of(AT), saved.version());
        assertThat(campaigns.save(done)).isPresent();
        assertThat(campaigns.active()).isEmpty();
        assertThat(campaigns.find("holiday").orElseThrow().status()).isEqualTo(CampaignStatus.DONE);
        assertThat(campaigns.find("unknown")).isEmpty();
    }

    @Test
    void countersAddUpByKindAndReason() {
        DynamoDbCampaignCounters counters = new DynamoDbCampaignCounters(table.client(), table.name(), meter);
        counters.add("holiday", Map.of("sent:accepted", 3L, "skipped:no_consent", 1L));
        counters.add("holiday", Map.of("sent:accepted", 2L));

        assertThat(counters.read("holiday")).containsExactlyInAnyOrderEntriesOf(
                Map.of("sent:accepted", 5L, "skipped:no_consent", 1L));
        assertThat(counters.read("other")).isEmpty();
    }

    @Test
    void aListedSegmentIsReadPageByPageInOrder_eachMemberOnce() {
        DynamoDbListedSegments segments = new DynamoDbListedSegments(table.client(), table.name(), meter);
        List<String> members = IntStream.range(0, 1_234).mapToObj(i -> String.format("c-%05d", i)).toList();
        segments.add("vips", members);
        segments.add("vips", members.subList(0, 10)); // listed twice: still one member

        List<String> read = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            MemberPage page = segments.page("vips", cursor, 500);
            read.addAll(page.customerIds());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());

        assertThat(read).isEqualTo(members);
        assertThat(pages).isBetween(3, 4);
        assertThat(segments.page("nobody", Optional.empty(), 500)).isEqualTo(MemberPage.last(List.of()));
    }
}
