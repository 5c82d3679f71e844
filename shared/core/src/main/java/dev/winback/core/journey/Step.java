package dev.winback.core.journey;

import dev.winback.core.event.Channel;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a journey, named by an id unique within the definition. Steps other than
 * {@link Exit} name the step that follows; a journey runs until it waits or exits.
 */
public sealed interface Step {

    String id();

    /**
     * Sends the campaign on the plan (empty: the default plan for the journey's purpose) through the
     * normal delivery path. The step and the run's key and entry name the message, so it goes out at
     * most once per entry whatever the retries.
     *
     * @param variables template variables; a value {@code $context.<name>} is taken from the run
     */
    record Send(String id, String campaignId, List<Channel> channels, Map<String, String> variables, String next)
            implements Step {
        public Send {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(campaignId, "campaignId");
            Objects.requireNonNull(next, "next");
            channels = List.copyOf(channels);
            variables = Map.copyOf(variables);
        }
    }

    /**
     * Waits a fixed duration, or the duration a context entry holds in days ({@code durationFrom},
     * such as the customer's own repurchase interval), falling back to {@code duration}.
     */
    record Wait(String id, Duration duration, Optional<String> durationFrom, String next) implements Step {
        public Wait {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(durationFrom, "durationFrom");
            Objects.requireNonNull(next, "next");
        }
    }

    /** Waits until the next time the customer's clock shows {@code at}, at least {@code minimum} from now. */
    record WaitUntil(String id, LocalTime at, Duration minimum, String next) implements Step {
        public WaitUntil {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(minimum, "minimum");
            Objects.requireNonNull(next, "next");
        }
    }

    /** Waits for a matching event (dated after the wait began), going to {@code onEvent}, or to {@code onTimeout}. */
    record WaitForEvent(String id, EventMatch match, Duration timeout, String onEvent, String onTimeout)
            implements Step {
        public WaitForEvent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(onEvent, "onEvent");
            Objects.requireNonNull(onTimeout, "onTimeout");
        }
    }

    /** Goes to {@code then} when every condition holds, else to {@code otherwise}. */
    record Branch(String id, List<Condition> when, String then, String otherwise) implements Step {
        public Branch {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(otherwise, "otherwise");
            when = List.copyOf(when);
        }
    }

    /** Ends the run, with a reason that is counted. */
    record Exit(String id, String reason) implements Step {
        public Exit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
