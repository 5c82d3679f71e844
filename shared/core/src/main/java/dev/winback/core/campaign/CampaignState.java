package dev.winback.core.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign as stored: its definition and how far its run got. The cursor is the segment page
 * after the last one handed to delivery, stored with the count in the same conditional write, so a
 * run that crashes resumes from the page it had not finished (the ledger sends that page's
 * messages once however often they are handed over).
 *
 * @param version the stored version a conditional write must still find (0: not stored yet)
 */
public record CampaignState(Campaign campaign, CampaignStatus status, Optional<String> cursor, long handedOver,
                            Instant createdAt, Instant updatedAt, Optional<Instant> sendingSince, long version) {

    public CampaignState {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(sendingSince, "sendingSince");
    }

    public static CampaignState scheduled(Campaign campaign, Instant now) {
        return new CampaignState(campaign, CampaignStatus.SCHEDULED, Optional.empty(), 0, now, now, Optional.empty(), 0);
    }

    public String id() {
        return campaign.id();
    }

    CampaignState handedOver(int count, Optional<String> next, Instant now) {
        CampaignStatus after = next.isEmpty() ? CampaignStatus.DONE : CampaignStatus.SENDING;
        return new CampaignState(campaign, after, next, handedOver + count, createdAt, now,
                Optional.of(sendingSince.orElse(now)), version);
    }

    CampaignState cancelled(Instant now) {
        return new CampaignState(campaign, CampaignStatus.CANCELLED, cursor, handedOver, createdAt, now, sendingSince,
                version);
    }

    public CampaignState withVersion(long stored) {
        return new CampaignState(campaign, status, cursor, handedOver, createdAt, updatedAt, sendingSince, stored);
    }
}
