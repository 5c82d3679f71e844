package dev.winback.core.campaign;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.evaluation.RunBudget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.winback.core.campaign.CampaignsFixture.NOW;
import static dev.winback.core.campaign.CampaignsFixture.campaign;
import static org.assertj.core.api.Assertions.assertThat;

class SendCampaignsTest {

    final CampaignsFixture fixture = new CampaignsFixture().members("vips", 1_234);

    @Test
    void handsEveryMemberOverOnceAndFinishes() {
        fixture.manage().start(campaign("winter", 100, new CampaignSchedule.AtOnce()));

        SendCampaigns.Report report = fixture.sender().run(NOW, RunBudget.UNLIMITED);

        assertThat(report.handedOver()).isEqualTo(1_234);
        assertThat(report.finished()).isEqualTo(1);
        assertThat(fixture.distinctKeys()).isEqualTo(1_234);
        CampaignState state = fixture.store.find("winter").orElseThrow();
        assertThat(state.status()).isEqualTo(CampaignStatus.DONE);
        assertThat(state.handedOver()).isEqualTo(1_234);
        assertThat(fixture.store.active()).isEmpty();
        DeliveryRequest first = fixture.handedOver.getFirst();
        assertThat(first.key()).isEqualTo(CampaignMessages.runKey("winter", first.customerId()));
        assertThat(CampaignMessages.runOf(first)).contains("winter");
        assertThat(first.campaignId()).isEqualTo("winter-sale");
        assertThat(first.measuredBy()).isEqualTo("winter");
    }

    @Test
    void aRunHandsOverAtMostOneMinuteOfTheRateAndTheNextRunsGoOn() {
        fixture.manage().start(campaign("winter", 10, new CampaignSchedule.AtOnce()));

        fixture.sender().run(NOW, RunBudget.UNLIMITED);
        assertThat(fixture.handedOver).hasSize(600);
        fixture.sender().run(NOW.plusSeconds(30), RunBudget.UNLIMITED);
        assertThat(fixture.handedOver).as("half a minute later: half a minute's worth").hasSize(900);
        fixture.sender().run(NOW.plusSeconds(31), RunBudget.UNLIMITED);
        assertThat(fixture.handedOver).as("a second later: a second's worth").hasSize(910);
        fixture.sender().run(NOW.plusSeconds(60), RunBudget.UNLIMITED);
        assertThat(fixture.handedOver).hasSize(1_200);
        // An hour of missed runs does not add up to a burst: one minute's worth again.
        fixture.sender().run(NOW.plus(Duration.ofHours(1)), RunBudget.UNLIMITED);
        assertThat(fixture.handedOver).hasSize(1_234);
        assertThat(fixture.distinctKeys()).isEqualTo(1_234);
        assertThat(fixture.store.find("winter").orElseThrow().status()).isEqualTo(CampaignStatus.DONE);
    }

    @Test
    void aRunStopsWhenItsBudgetEndsAndTheNextResumesFromTheStoredCursor() {
        fixture.manage().start(campaign("winter", 1_000, new CampaignSchedule.AtOnce()));
        AtomicInteger chunks = new AtomicInteger();

        fixture.sender().run(NOW, () -> chunks.getAndIncrement() < 1);

        assertThat(fixture.handedOver).hasSize(SendCampaigns.PAGE);
        CampaignState midway = fixture.store.find("winter").orElseThrow();
        assertThat(midway.status()).isEqualTo(CampaignStatus.SENDING);
        assertThat(midway.cursor()).contains(fixture.handedOver.getLast().customerId());

        fixture.sender().run(NOW.plusSeconds(60), RunBudget.UNLIMITED);
        assertThat(fixture.handedOver).hasSize(1_234);
        assertThat(fixture.distinctKeys()).isEqualTo(1_234);
    }

    @Test
    void aPageTheQueueDidNotTakeIsHandedOverAgainAndTheLedgerKeyNamesEachMemberOnce() {
        fixture.manage().start(campaign("winter", 1_000, new CampaignSchedule.AtOnce()));
        fixture.refuseAfter = 700; // the queue fails inside the second page: its cursor is not stored

        SendCampaigns.Report failed = fixture.sender().run(NOW, RunBudget.UNLIMITED);
        assertThat(failed.failed()).isEqualTo(1);
        assertThat(fixture.store.find("winter").orElseThrow().handedOver()).isEqualTo(SendCampaigns.PAGE);

        fixture.refuseAfter = Integer.MAX_VALUE;
        fixture.sender().run(NOW.plusSeconds(60), RunBudget.UNLIMITED);
        assertThat(fixture.handedOver).hasSize(1_234 + 200); // the 200 of the failed page twice
        assertThat(fixture.distinctKeys()).as("one message key per member").isEqualTo(1_234);
    }

    @Test
    void startingTwiceIsOneCampaignAndTwoRunsAtOnceHandOverEachPageUnderOneKey() {
        Campaign campaign = campaign("winter", 1_000, new CampaignSchedule.AtOnce());
        assertThat(fixture.manage().start(campaign)).isInstanceOf(ManageCampaigns.Started.Created.class);
        assertThat(fixture.manage().start(campaign)).isInstanceOf(ManageCampaigns.Started.Existing.class);
        assertThat(fixture.manage().start(campaign("winter", 5, new CampaignSchedule.AtOnce())))
                .isInstanceOf(ManageCampaigns.Started.Conflict.class);

        // Two runs read the same state; the second loses the cursor write and stops.
        CampaignState before = fixture.store.find("winter").orElseThrow();
        fixture.sender().run(NOW, RunBudget.UNLIMITED);
        fixture.store.save(before); // a stale writer: refused
        fixture.sender().run(NOW.plusSeconds(60), RunBudget.UNLIMITED);

        assertThat(fixture.handedOver).hasSize(1_234);
        assertThat(fixture.distinctKeys()).isEqualTo(1_234);
    }

    @Test
    void aLocalTimeCampaignWaitsForTheEarliestZoneAndCarriesTheLocalTime() {
        LocalDateTime tenAm = LocalDateTime.parse("2026-12-08T10:00");
        fixture.manage().start(campaign("winter", 1_000, new CampaignSchedule.AtLocalTime(tenAm)));

        fixture.sender().run(Instant.parse("2026-12-07T19:59:00Z"), RunBudget.UNLIMITED);
        assertThat(fixture.handedOver).as("10:00 has come nowhere yet").isEmpty();
        assertThat(fixture.store.find("winter").orElseThrow().status()).isEqualTo(CampaignStatus.SCHEDULED);

        fixture.sender().run(Instant.parse("2026-12-07T20:00:00Z"), RunBudget.UNLIMITED);
        assertThat(fixture.handedOver).hasSize(1_234);
        DeliveryRequest request = fixture.handedOver.getFirst();
        assertThat(request.localSendTime()).contains(tenAm);
        // It may still go out when 10:00 comes in the last zone, for the usual expiry after that.
        assertThat(request.expiresAt()).isEqualTo(Instant.parse("2026-12-08T22:00:00Z").plus(Duration.ofDays(2)));
    }

    @Test
    void aCancelledCampaignHandsNothingMoreOver() {
        fixture.manage().start(campaign("winter", 10, new CampaignSchedule.AtOnce()));
        fixture.sender().run(NOW, RunBudget.UNLIMITED);

        assertThat(fixture.manage().cancel("winter")).isInstanceOf(ManageCampaigns.Cancelled.Stopped.class);
        fixture.sender().run(NOW.plusSeconds(60), RunBudget.UNLIMITED);

        assertThat(fixture.handedOver).hasSize(600);
        assertThat(fixture.store.find("winter").orElseThrow().status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(fixture.manage().cancel("winter")).isInstanceOf(ManageCampaigns.Cancelled.Finished.class);
        assertThat(fixture.manage().cancel("nope")).isInstanceOf(ManageCampaigns.Cancelled.NotFound.class);
    }

    @Test
    void aTestSendGoesToTheTestRecipientsUnderItsOwnKeysAndIsNotTheRun() {
        fixture.manage().start(campaign("winter", 10, new CampaignSchedule.AtLocalTime(LocalDateTime.parse("2026-12-20T10:00"))));

        ManageCampaigns.Tested tested = fixture.manage().test("winter", "t1");

        assertThat(tested).isEqualTo(new ManageCampaigns.Tested.HandedOver(
                java.util.List.of("c-test-1", "c-test-2"), java.util.List.of()));
        assertThat(fixture.handedOver).extracting(DeliveryRequest::customerId).containsExactly("c-test-1", "c-test-2");
        assertThat(fixture.handedOver).allSatisfy(r -> {
            assertThat(CampaignMessages.runOf(r)).isEmpty();
            assertThat(r.localSendTime()).as("a test goes now, not at the campaign's local time").isEmpty();
        });
        assertThat(fixture.handedOver.getFirst().key()).isNotEqualTo(CampaignMessages.runKey("winter", "c-test-1"));
        assertThat(fixture.store.find("winter").orElseThrow().status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(fixture.manage().test("nope", "t1")).isInstanceOf(ManageCampaigns.Tested.NotFound.class);
    }
}
