package dev.winback.functions.api;

import dev.winback.core.journey.CatalogVersions;
import dev.winback.core.journey.JourneySummary;
import dev.winback.core.journey.JourneyVersions;
import dev.winback.core.journey.StoredVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Journey and catalog versions in memory, kept as the table keeps them: every text, and the list of
 * activations whose last is the active version ({@link #NONE} when switched off).
 */
final class InMemoryVersions implements JourneyVersions {

    static final int NONE = 0;

    private record Document(List<String> texts, List<Integer> activations) {
    }

    private final Map<String, Document> documents = new TreeMap<>();

    private Document document(String key) {
        return documents.computeIfAbsent(key, k -> new Document(new ArrayList<>(), new ArrayList<>()));
    }

    @Override
    public synchronized List<JourneySummary> list() {
        List<JourneySummary> out = new ArrayList<>();
        documents.forEach((id, d) -> {
            if (!id.equals(CATALOG)) out.add(new JourneySummary(id, d.texts().size(), active(d)));
        });
        return out;
    }

    @Override
    public synchronized StoredVersion put(String journeyId, String json) {
        return new StoredVersion(journeyId, putText(journeyId, json));
    }

    @Override
    public synchronized Optional<String> version(String journeyId, int version) {
        Document d = documents.get(journeyId);
        if (d == null || version < 1 || version > d.texts().size()) return Optional.empty();
        return Optional.of(d.texts().get(version - 1));
    }

    @Override
    public synchronized boolean activate(String journeyId, int version) {
        if (version(journeyId, version).isEmpty()) return false;
        List<Integer> activations = document(journeyId).activations();
        if (activations.isEmpty() || activations.getLast() != version) activations.add(version);
        return true;
    }

    @Override
    public synchronized Optional<Integer> active(String journeyId) {
        Document d = documents.get(journeyId);
        return d == null ? Optional.empty() : active(d);
    }

    @Override
    public synchronized boolean rollback(String journeyId) {
        List<Integer> activations = document(journeyId).activations();
        if (activations.size() < 2) return false;
        activations.removeLast();
        return true;
    }

    @Override
    public synchronized void deactivate(String journeyId) {
        List<Integer> activations = document(journeyId).activations();
        if (!activations.isEmpty() && activations.getLast() != NONE) activations.add(NONE);
    }

    private int putText(String key, String json) {
        List<String> texts = document(key).texts();
        texts.add(json);
        return texts.size();
    }

    private static Optional<Integer> active(Document d) {
        return d.activations().isEmpty() || d.activations().getLast() == NONE ? Optional.empty()
                : Optional.of(d.activations().getLast());
    }

    /** The catalog, as one more document. */
    private static final String CATALOG = "#catalog";

    CatalogVersions catalog() {
        return new CatalogVersions() {
            public int latest() {
                synchronized (InMemoryVersions.this) {
                    return documents.containsKey(CATALOG) ? documents.get(CATALOG).texts().size() : 0;
                }
            }

            public int put(String json) {
                synchronized (InMemoryVersions.this) {
                    return putText(CATALOG, json);
                }
            }

            public Optional<String> version(int version) {
                return InMemoryVersions.this.version(CATALOG, version);
            }

            public boolean activate(int version) {
                return InMemoryVersions.this.activate(CATALOG, version);
            }

            public Optional<Integer> active() {
                return InMemoryVersions.this.active(CATALOG);
            }

            public boolean rollback() {
                return InMemoryVersions.this.rollback(CATALOG);
            }

            public void deactivate() {
                InMemoryVersions.this.deactivate(CATALOG);
            }
        };
    }
}
