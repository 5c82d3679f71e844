package dev.winback.core.evaluation;

import dev.winback.core.playbook.ActionRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Records what it publishes; can be told to refuse everything for a while. */
final class RecordingPublisher implements ActionPublisher {

    private final List<ActionRequest> published = new ArrayList<>();
    private boolean failing;

    synchronized void failing(boolean fail) {
        this.failing = fail;
    }

    @Override
    public synchronized Set<String> publish(List<ActionRequest> requests) {
        if (failing) return Set.of();
        published.addAll(requests);
        return requests.stream().map(ActionRequest::idempotencyKey).collect(Collectors.toSet());
    }

    synchronized List<ActionRequest> published() {
        return List.copyOf(published);
    }

    /** How many times each key was published. */
    synchronized Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        for (ActionRequest request : published) counts.merge(request.idempotencyKey(), 1, Integer::sum);
        return counts;
    }
}
