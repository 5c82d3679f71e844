package dev.winback.core.evaluation;

import dev.winback.core.playbook.ActionRequest;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** An action in the outbox and the destinations it already reached. */
public record PendingAction(ActionRequest request, Set<Destination> done) {

    public PendingAction {
        Objects.requireNonNull(request, "request");
        done = done.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(done));
    }

    public static PendingAction fresh(ActionRequest request) {
        return new PendingAction(request, Set.of());
    }
}
