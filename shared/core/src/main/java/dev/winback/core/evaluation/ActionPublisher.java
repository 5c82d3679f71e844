package dev.winback.core.evaluation;

import dev.winback.core.playbook.ActionRequest;

import java.util.List;
import java.util.Set;

/** Publishes requested actions to one destination. */
public interface ActionPublisher {

    /**
     * @return the idempotency keys of the requests accepted; the others failed (throttled, the
     *         destination unavailable) and are retried later. Throws only for a bug.
     */
    Set<String> publish(List<ActionRequest> requests);
}
