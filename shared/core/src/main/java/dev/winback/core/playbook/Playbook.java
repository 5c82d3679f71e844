package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.signal.Signal;
import dev.winback.core.record.ChannelSunsets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The versioned mapping from signals to retention actions. Only a playbook that passes
 * {@link PlaybookCheck} can exist, so a running engine never meets an uncovered signal.
 */
public record Playbook(PlaybookVersion version, List<PlaybookRule> rules) {

    public Playbook {
        Objects.requireNonNull(version, "version");
        rules = List.copyOf(rules);
        List<PlaybookProblem> problems = PlaybookCheck.problems(rules);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("playbook " + version + " is invalid: " + problems.stream()
                    .map(PlaybookProblem::toString).collect(Collectors.joining("; ")));
        }
    }

    /**
     * This playbook with the marketing actions of paused campaigns taken out. A rule left with no
     * action does nothing on purpose ({@code none} under its first paused campaign) rather than
     * disappear, so its signal stays covered and no later rule answers it in its place.
     * Transactional actions are never paused.
     */
    public Playbook withPaused(java.util.Set<String> campaigns) {
        if (campaigns.isEmpty()) return this;
        List<PlaybookRule> kept = new ArrayList<>(rules.size());
        boolean changed = false;
        for (PlaybookRule rule : rules) {
            List<PlannedAction> actions = rule.actions().stream()
                    .filter(a -> a.purpose() != dev.winback.core.event.Purpose.MARKETING
                            || !campaigns.contains(a.campaignId()))
                    .toList();
            if (actions.size() == rule.actions().size()) {
                kept.add(rule);
                continue;
            }
            changed = true;
            if (actions.isEmpty()) {
                String paused = rule.actions().stream().map(PlannedAction::campaignId).filter(campaigns::contains)
                        .findFirst().orElseThrow();
                actions = List.of(new PlannedAction(RetentionAction.NONE, paused, List.of(),
                        dev.winback.core.event.Purpose.MARKETING));
            }
            kept.add(new PlaybookRule(rule.signal(), rule.when(), actions, rule.note()));
        }
        return changed ? new Playbook(version, kept) : this;
    }

    /** The first of the signal's rules whose conditions hold. */
    public Optional<PlaybookRule> ruleFor(Signal signal, EngagementRecord record, Instant now) {
        return rules.stream()
                .filter(rule -> rule.signal() == signal.type() && rule.when().matches(signal, record, now))
                .findFirst();
    }

    /**
     * The actions to request for a signal, in the rule's order. A message action whose every
     * planned channel is closed (sunset, consent, subscription, reachability, or the channel the
     * signal closed) is left out: there is nothing to deliver. Calling this again for the same
     * signal yields requests with the same idempotency keys.
     *
     * @param sunsets the customer's sunset state per channel, which takes channels out of marketing plans
     */
    public List<ActionRequest> actionsFor(String customerId, Signal signal, EngagementRecord record,
                                          ChannelSunsets sunsets, Instant now) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(sunsets, "sunsets");
        Objects.requireNonNull(now, "now");
        if (!record.customerId().equals(customerId)) {
            throw new IllegalArgumentException("the record belongs to another customer than the one asked for");
        }
        Optional<PlaybookRule> rule = ruleFor(signal, record, now);
        if (rule.isEmpty()) return List.of();
        List<ActionRequest> requests = new ArrayList<>();
        for (PlannedAction planned : rule.get().actions()) {
            List<Channel> plan = ChannelChoice.plan(planned, signal, record, sunsets);
            if (planned.action().needsChannels() && plan.isEmpty()) continue;
            requests.add(ActionRequest.of(customerId, signal, planned, plan, now, version));
        }
        return List.copyOf(requests);
    }
}
