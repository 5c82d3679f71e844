package dev.winback.core.cdp;

import dev.winback.core.event.EngagementEvent;

import java.util.List;
import java.util.Objects;

/** One message from a CDP (a track, identify, page or screen call) mapped onto contract events. */
public sealed interface CdpMessage {

    /** The contract events of the message (none when it carried nothing Winback keeps). */
    List<EngagementEvent> events();

    /**
     * A message about a known customer, or about an anonymous one (its events under
     * {@link AnonymousIds#customerIdOf}): those go to the linked customer once there is one.
     */
    record Events(List<EngagementEvent> events) implements CdpMessage {
        public Events {
            events = List.copyOf(events);
        }
    }

    /**
     * An {@code identify} naming both the customer and the anonymous id they were: links the two,
     * folds the anonymous record into the customer, then applies its own events (for the customer).
     */
    record Link(String anonymousCustomerId, String customerId, List<EngagementEvent> events) implements CdpMessage {
        public Link {
            Objects.requireNonNull(anonymousCustomerId, "anonymousCustomerId");
            Objects.requireNonNull(customerId, "customerId");
            events = List.copyOf(events);
        }
    }
}
