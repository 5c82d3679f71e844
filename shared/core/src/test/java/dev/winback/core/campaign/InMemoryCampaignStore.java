package dev.winback.core.campaign;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Campaigns in a map, with the stored version checked as the table's conditional writes do. */
final class InMemoryCampaignStore implements CampaignStore {

    private final Map<String, CampaignState> items = new TreeMap<>();

    @Override
    public synchronized Optional<CampaignState> find(String campaignId) {
        return Optional.ofNullable(items.get(campaignId));
    }

    @Override
    public synchronized Optional<CampaignState> create(CampaignState state) {
        if (items.containsKey(state.id())) return Optional.empty();
        CampaignState stored = state.withVersion(1);
        items.put(state.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized Optional<CampaignState> save(CampaignState state) {
        CampaignState current = items.get(state.id());
        if (current == null || current.version() != state.version()) return Optional.empty();
        CampaignState stored = state.withVersion(state.version() + 1);
        items.put(state.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized List<String> active() {
        return items.values().stream().filter(s -> s.status().active()).map(CampaignState::id).toList();
    }
}
