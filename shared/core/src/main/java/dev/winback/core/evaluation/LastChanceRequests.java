package dev.winback.core.evaluation;

import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;
import dev.winback.core.sunset.SunsetAction;
import dev.winback.core.sunset.SunsetPolicy;
import dev.winback.core.record.SunsetState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last-chance (re-permission) message a sunset asks for, as an action request like any other:
 * published, kept in the outbox and delivered once. It asks for permission back on the channel that
 * is being ignored, so it is a permission renewal for the messages-ignored situation; its key names
 * the instant the last chance was requested, so each request is one message.
 */
final class LastChanceRequests {

    private LastChanceRequests() {
    }

    static List<ActionRequest> of(String customerId, List<SunsetChange> changes, EvaluationPolicy policy,
                                  Instant now) {
        List<ActionRequest> requests = new ArrayList<>();
        for (SunsetChange change : changes) {
            if (change.action() != SunsetAction.SEND_LAST_CHANCE
                    || !(change.next() instanceof SunsetState.LastChance lastChance)) continue;
            Optional<String> campaign = policy.sunsets().forChannel(change.channel())
                    .flatMap(SunsetPolicy::lastChanceCampaign);
            if (campaign.isEmpty()) continue;
            requests.add(new ActionRequest(
                    ActionRequest.idempotencyKey(customerId, SignalType.MESSAGES_IGNORED, lastChance.sentAt(),
                            RetentionAction.PERMISSION_RENEWAL, campaign.get()),
                    customerId, SignalType.MESSAGES_IGNORED, lastChance.sentAt(), change.explanation(),
                    RetentionAction.PERMISSION_RENEWAL, campaign.get(), List.of(change.channel()), Purpose.MARKETING,
                    now, policy.playbook().version()));
        }
        return requests;
    }
}
