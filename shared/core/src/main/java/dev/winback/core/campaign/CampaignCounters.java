package dev.winback.core.campaign;

import java.util.Map;

/**
 * A campaign's delivery decisions counted by kind and reason ({@code sent:accepted},
 * {@code skipped:no_consent}, {@code held:quiet_hours}), kept by adding increments: writers never
 * read first and never conflict. Added once a decision is stored on its message, so a retried
 * delivery never counts twice (a crash between the two under-counts).
 */
public interface CampaignCounters {

    CampaignCounters NONE = new CampaignCounters() {
        @Override
        public void add(String campaignId, Map<String, Long> increments) {
        }

        @Override
        public Map<String, Long> read(String campaignId) {
            return Map.of();
        }
    };

    /** Adds to the campaign's counters in one write. Throws on failure. */
    void add(String campaignId, Map<String, Long> increments);

    Map<String, Long> read(String campaignId);
}
