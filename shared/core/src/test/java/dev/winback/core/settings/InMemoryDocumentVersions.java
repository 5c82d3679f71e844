package dev.winback.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One document's versions in memory, as the table keeps them; {@link #failing} makes every read throw. */
final class InMemoryDocumentVersions implements DocumentVersions {

    private final List<String> texts = new ArrayList<>();
    private final List<Integer> activations = new ArrayList<>();
    boolean failing;
    int reads;

    @Override
    public int latest() {
        read();
        return texts.size();
    }

    @Override
    public int put(String text) {
        texts.add(text);
        return texts.size();
    }

    @Override
    public Optional<String> version(int version) {
        read();
        return version >= 1 && version <= texts.size() ? Optional.of(texts.get(version - 1)) : Optional.empty();
    }

    @Override
    public boolean activate(int version) {
        if (version < 1 || version > texts.size()) return false;
        activations.add(version);
        return true;
    }

    @Override
    public Optional<Integer> active() {
        read();
        return activations.isEmpty() || activations.getLast() == 0 ? Optional.empty() : Optional.of(activations.getLast());
    }

    @Override
    public boolean rollback() {
        if (activations.size() < 2) return false;
        activations.removeLast();
        return true;
    }

    @Override
    public void deactivate() {
        activations.add(0);
    }

    /** Stores a text as a hand-edited item would, bypassing every check. */
    int putUnchecked(String text) {
        return put(text);
    }

    private void read() {
        reads++;
        if (failing) throw new IllegalStateException("the table is unavailable");
    }
}
