package dev.winback.core.campaign;

import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.journey.MessageRequests;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an operator does with a campaign: start it (idempotent on its id), read its progress and
 * counts, cancel it, and send it to its test recipients first. The members are handed to delivery
 * by {@link SendCampaigns}, on its schedule.
 */
public final class ManageCampaigns {

    /** Writes that lose a race (a run moved the campaign on) are tried again this often. */
    static final int CANCEL_ATTEMPTS = 5;

    private final CampaignStore store;
    private final CampaignCounters counters;
    private final MessageRequests delivery;
    private final DeliveryPolicies policies;
    private final Clock clock;

    public ManageCampaigns(CampaignStore store, CampaignCounters counters, MessageRequests delivery,
                           DeliveryPolicies policies, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.delivery = delivery;
        this.policies = policies;
        this.clock = clock;
    }

    public sealed interface Started {
        CampaignState state();

        /** Stored now. */
        record Created(CampaignState state) implements Started {
        }

        /** The same campaign was started before: nothing changes (a retried request). */
        record Existing(CampaignState state) implements Started {
        }

        /** Another campaign has this id: nothing changes. */
        record Conflict(CampaignState state) implements Started {
        }
    }

    public Started start(Campaign campaign) {
        Optional<CampaignState> existing = store.find(campaign.id());
        if (existing.isEmpty()) {
            Optional<CampaignState> created = store.create(CampaignState.scheduled(campaign, clock.instant()));
            if (created.isPresent()) return new Started.Created(created.get());
            existing = store.find(campaign.id()); // started at the same moment by another request
        }
        CampaignState found = existing.orElseThrow(() -> new IllegalStateException("campaign vanished: " + campaign.id()));
        return found.campaign().equals(campaign) ? new Started.Existing(found) : new Started.Conflict(found);
    }

    /** A campaign with its counts of delivery decisions ({@link CampaignCounters}). */
    public record Progress(CampaignState state, Map<String, Long> decisions) {
        public Progress {
            decisions = Map.copyOf(decisions);
        }
    }

    public Optional<Progress> show(String campaignId) {
        return store.find(campaignId).map(state -> new Progress(state, counters.read(campaignId)));
    }

    public sealed interface Cancelled {
        record NotFound() implements Cancelled {
        }

        /** Done or cancelled already: nothing changes. */
        record Finished(CampaignState state) implements Cancelled {
        }

        record Stopped(CampaignState state) implements Cancelled {
        }
    }

    /** No member is handed to delivery after this; messages already handed over go their way. */
    public Cancelled cancel(String campaignId) {
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Optional<CampaignState> found = store.find(campaignId);
            if (found.isEmpty()) return new Cancelled.NotFound();
            if (!found.get().status().active()) return new Cancelled.Finished(found.get());
            Optional<CampaignState> saved = store.save(found.get().cancelled(clock.instant()));
            if (saved.isPresent()) return new Cancelled.Stopped(saved.get());
        }
        throw new IllegalStateException("the campaign kept changing while being cancelled; retry");
    }

    public sealed interface Tested {
        record NotFound() implements Tested {
        }

        record NoRecipients() implements Tested {
        }

        /** @param notHandedOver recipients delivery did not take now; the same test id sends them once when retried */
        record HandedOver(List<String> recipients, List<String> notHandedOver) implements Tested {
        }
    }

    /**
     * The campaign's message to its test recipients through the same delivery path, named by
     * {@code testId}: a retried test send goes out once, a new test id again. Never counted as the run.
     */
    public Tested test(String campaignId, String testId) {
        Optional<CampaignState> found = store.find(campaignId);
        if (found.isEmpty()) return new Tested.NotFound();
        Campaign campaign = found.get().campaign();
        if (campaign.testRecipients().isEmpty()) return new Tested.NoRecipients();
        Instant now = clock.instant();
        List<DeliveryRequest> requests = campaign.testRecipients().stream()
                .map(customerId -> CampaignMessages.test(campaign, customerId, testId, now, policies.delivery()))
                .toList();
        Set<MessageKey> accepted = delivery.publish(requests);
        return new Tested.HandedOver(campaign.testRecipients(), requests.stream()
                .filter(r -> !accepted.contains(r.key())).map(DeliveryRequest::customerId).toList());
    }
}
