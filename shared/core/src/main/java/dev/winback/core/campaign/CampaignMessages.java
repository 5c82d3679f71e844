package dev.winback.core.campaign;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * How a campaign's messages are named for the ledger: step {@code campaign/<id>}, slot {@code run}
 * for the real run, {@code test/<testId>} for a test send. The message key is a hash of customer,
 * step and slot, so each customer gets one message per campaign however often it is started,
 * resumed or handed over, and each test send once per test id.
 */
public final class CampaignMessages {

    static final String STEP_PREFIX = "campaign/";
    static final String RUN_SLOT = "run";
    static final String TEST_SLOT_PREFIX = "test/";

    private CampaignMessages() {
    }

    /** The ledger's key for the campaign's real message to a customer. */
    public static MessageKey runKey(String campaignId, String customerId) {
        return MessageKey.of(customerId, STEP_PREFIX + campaignId, RUN_SLOT);
    }

    /** The real run's message to one member. */
    static DeliveryRequest run(Campaign campaign, String customerId, Instant now, DeliveryPolicy policy) {
        CampaignSchedule schedule = campaign.schedule();
        return request(campaign, customerId, RUN_SLOT, now, schedule.lastDue(now).plus(policy.expiry()),
                schedule.localSendTime(), policy);
    }

    /**
     * A test send's message to one test recipient: its own slot, never counted as the run, and sent
     * now (not at the campaign's local time), so the operator sees it before the run starts.
     */
    static DeliveryRequest test(Campaign campaign, String customerId, String testId, Instant now, DeliveryPolicy policy) {
        return request(campaign, customerId, TEST_SLOT_PREFIX + testId, now, now.plus(policy.expiry()), Optional.empty(),
                policy);
    }

    /** The campaign whose real run a request belongs to; empty for every other message and for test sends. */
    public static Optional<String> runOf(DeliveryRequest request) {
        if (!request.step().startsWith(STEP_PREFIX) || !RUN_SLOT.equals(request.slot())) return Optional.empty();
        return Optional.of(request.step().substring(STEP_PREFIX.length()));
    }

    private static DeliveryRequest request(Campaign campaign, String customerId, String slot, Instant now,
                                           Instant expiresAt, Optional<LocalDateTime> localSendTime,
                                           DeliveryPolicy policy) {
        return new DeliveryRequest(customerId, campaign.templateId(), STEP_PREFIX + campaign.id(), slot,
                campaign.purpose(), campaign.category(), campaign.channels(), now, expiresAt, policy.receiptWait(),
                Map.of(), campaign.id(), localSendTime);
    }
}
