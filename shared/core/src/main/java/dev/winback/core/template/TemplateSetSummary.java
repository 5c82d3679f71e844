package dev.winback.core.template;

import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's stored template sets at a glance.
 *
 * @param latest the highest version stored (0 while the first is being written)
 * @param active the version that serves the campaign, empty while the shipped templates do
 */
public record TemplateSetSummary(String campaignId, int latest, Optional<Integer> active) {

    public TemplateSetSummary {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(active, "active");
    }
}
