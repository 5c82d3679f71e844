package dev.winback.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.json.DeliveryJson;
import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.RetentionAction;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads a delivery queue message body. Two shapes are accepted:
 * <ul>
 *   <li>a RetentionActionRequested detail from the evaluator ({@code idempotencyKey} present): a
 *       message action becomes a delivery request (the campaign is the step, the key the slot);
 *       other actions (throttle, audiences, none) are not messages and are acknowledged;</li>
 *   <li>a delivery request of other features (journeys, reminders), {@code {"deliveryRequest": {...}}}
 *       in the shape {@link DeliveryJson#writeRequest} writes.</li>
 * </ul>
 */
public final class DeliveryQueueMessages {

    private static final ObjectMapper TREE = new ObjectMapper();

    public sealed interface Parsed {
        record Deliver(DeliveryRequest request) implements Parsed {
        }

        /** Not a message to send (a throttle, an audience, a deliberate nothing). */
        record NotAMessage(String action) implements Parsed {
        }

        /** Unreadable: it will never become readable, so it is dropped (and logged) rather than retried. */
        record Invalid(String reason) implements Parsed {
        }
    }

    private final DeliveryPolicies policies;

    public DeliveryQueueMessages(DeliveryPolicy policy) {
        this.policies = DeliveryPolicies.constant(policy);
    }

    private DeliveryQueueMessages(DeliveryPolicies policies) {
        this.policies = policies;
    }

    /** @param policies the expiry and receipt wait a request from the evaluator is given, as running */
    public static DeliveryQueueMessages following(DeliveryPolicies policies) {
        return new DeliveryQueueMessages(policies);
    }

    public Parsed parse(String body) {
        JsonNode n;
        try {
            n = TREE.readTree(body);
        } catch (IOException e) {
            return new Parsed.Invalid("not JSON");
        }
        if (n == null || !n.isObject()) return new Parsed.Invalid("not a JSON object");
        try {
            if (n.has("deliveryRequest")) {
                return new Parsed.Deliver(DeliveryJson.readRequest(n.get("deliveryRequest")));
            }
            if (n.has("idempotencyKey")) {
                ActionRequest action = RetentionActionRequestedJson.fromDetail(body);
                if (action.action().kind() != RetentionAction.Kind.MESSAGE) {
                    return new Parsed.NotAMessage(action.action().wireName());
                }
                return new Parsed.Deliver(DeliveryRequest.of(action, policies.delivery()));
            }
        } catch (RuntimeException e) {
            return new Parsed.Invalid(Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
        }
        return new Parsed.Invalid("neither a RetentionActionRequested detail nor a deliveryRequest");
    }

    /** The body other features send to the delivery queue. */
    public static String body(DeliveryRequest request) {
        java.io.StringWriter out = new java.io.StringWriter(512);
        try (var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("deliveryRequest");
            DeliveryJson.writeRequest(g, request);
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing a delivery request", e);
        }
        return out.toString();
    }
}
