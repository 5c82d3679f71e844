package dev.winback.core.journey;

import dev.winback.core.delivery.MessageKey;

import java.util.Objects;

/** What happened to a customer's journeys in one engine call: counted in reports, never personal. */
public sealed interface JourneyTransition {

    String journeyId();

    record Entered(String journeyId, String key, int entry) implements JourneyTransition {
        public Entered {
            Objects.requireNonNull(journeyId, "journeyId");
        }
    }

    /**
     * A trigger matched but the customer was not entered: {@code already_in}, {@code once},
     * {@code cooldown}, {@code outranked} (a run of higher priority in the group), {@code conditions}.
     */
    record NotEntered(String journeyId, String key, String reason) implements JourneyTransition {
        public NotEntered {
            Objects.requireNonNull(journeyId, "journeyId");
        }
    }

    /** A step decided a message. */
    record Sent(String journeyId, String key, String stepId, MessageKey message) implements JourneyTransition {
        public Sent {
            Objects.requireNonNull(journeyId, "journeyId");
        }
    }

    /**
     * A run ended: at an exit step (its reason), on an exit event ({@code exit_event}), an opt-out
     * ({@code opted_out}), priority ({@code outranked}), a restart ({@code restarted}) or a change of
     * definition ({@code journey_retired}, {@code step_removed}).
     */
    record Exited(String journeyId, String key, String reason) implements JourneyTransition {
        public Exited {
            Objects.requireNonNull(journeyId, "journeyId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
