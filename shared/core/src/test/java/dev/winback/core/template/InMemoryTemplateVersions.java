package dev.winback.core.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Template versions in memory, with the store's rules: numbered from 1, activations remembered for rollback. */
public final class InMemoryTemplateVersions implements TemplateVersions {

    private final Map<String, List<String>> texts = new TreeMap<>();
    private final Map<String, List<Integer>> activations = new TreeMap<>();
    public boolean failing;

    @Override
    public synchronized List<TemplateSetSummary> list() {
        if (failing) throw new IllegalStateException("the store is down");
        List<TemplateSetSummary> out = new ArrayList<>();
        texts.forEach((id, versions) -> out.add(new TemplateSetSummary(id, versions.size(), active(id))));
        return out;
    }

    @Override
    public synchronized int put(String campaignId, String text) {
        List<String> versions = texts.computeIfAbsent(campaignId, c -> new ArrayList<>());
        versions.add(text);
        return versions.size();
    }

    /** Replaces a stored version's text, as a hand edit of the item would. */
    public synchronized void overwrite(String campaignId, int version, String text) {
        texts.get(campaignId).set(version - 1, text);
    }

    @Override
    public synchronized Optional<String> version(String campaignId, int version) {
        List<String> versions = texts.getOrDefault(campaignId, List.of());
        return version < 1 || version > versions.size() ? Optional.empty() : Optional.of(versions.get(version - 1));
    }

    @Override
    public synchronized boolean activate(String campaignId, int version) {
        if (version(campaignId, version).isEmpty()) return false;
        List<Integer> history = activations.computeIfAbsent(campaignId, c -> new ArrayList<>());
        if (history.isEmpty() || history.getLast() != version) history.add(version);
        return true;
    }

    @Override
    public synchronized Optional<Integer> active(String campaignId) {
        List<Integer> history = activations.getOrDefault(campaignId, List.of());
        return history.isEmpty() || history.getLast() == 0 ? Optional.empty() : Optional.of(history.getLast());
    }

    @Override
    public synchronized boolean rollback(String campaignId) {
        List<Integer> history = activations.getOrDefault(campaignId, new ArrayList<>());
        if (history.size() < 2) return false;
        history.removeLast();
        return true;
    }

    @Override
    public synchronized void deactivate(String campaignId) {
        List<Integer> history = activations.get(campaignId);
        if (history != null && !history.isEmpty() && history.getLast() != 0) history.add(0);
    }
}
