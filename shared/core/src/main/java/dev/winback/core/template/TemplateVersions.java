package dev.winback.core.template;

import java.util.List;
import java.util.Optional;

/**
 * Where operators keep template sets: every version of each campaign's set as it was written (its
 * text; reading it is {@link TemplateSetFormat}'s), and which one is active. Versions are never
 * changed or deleted, so a message can always be traced to the set it was rendered from.
 * Implementations throw only for infrastructure failures.
 */
public interface TemplateVersions {

    /** Every campaign with a stored set, in id order, without reading any set. */
    List<TemplateSetSummary> list();

    /** Stores the text as the campaign's next version (1 for the first); concurrent puts get distinct versions. */
    int put(String campaignId, String text);

    Optional<String> version(String campaignId, int version);

    /** @return false when the campaign has no such version */
    boolean activate(String campaignId, int version);

    /** Empty while the shipped templates serve the campaign. */
    Optional<Integer> active(String campaignId);

    /**
     * Undoes the latest activation or deactivation.
     *
     * @return false when there is nothing earlier to return to
     */
    boolean rollback(String campaignId);

    /** Back to the shipped templates; a later {@link #rollback} undoes this. */
    void deactivate(String campaignId);
}
