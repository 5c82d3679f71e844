package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;

import java.util.List;
import java.util.Objects;

/**
 * One action of a rule as configured: what to do, under which campaign (the unit outcomes are
 * measured by), on which channels in order of preference, and for which purpose.
 */
public record PlannedAction(RetentionAction action, String campaignId, List<Channel> channels, Purpose purpose) {

    public PlannedAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(purpose, "purpose");
        Purpose.requireOfMessages(purpose);
        channels = List.copyOf(channels);
    }
}
