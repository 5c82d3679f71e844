package dev.winback.local.runtime.publish;

import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.playbook.ActionRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stands in locally for the event bus or the delivery queue: keeps every request published to it,
 * in order, so the demo and tests can count and show them.
 */
public final class InMemoryActionPublisher implements ActionPublisher {

    private final List<ActionRequest> published = new ArrayList<>();

    @Override
    public synchronized Set<String> publish(List<ActionRequest> requests) {
        published.addAll(requests);
        return requests.stream().map(ActionRequest::idempotencyKey).collect(Collectors.toSet());
    }

    public synchronized List<ActionRequest> published() {
        return List.copyOf(published);
    }

    public synchronized int count() {
        return published.size();
    }
}
