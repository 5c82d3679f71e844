package dev.winback.core.feedback;

import dev.winback.core.event.EngagementEvent;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one provider notification means for Winback, as the adapters read it from the provider's
 * own format: the input of {@link ProcessFeedback}.
 */
public sealed interface FeedbackNotice {

    /** Events for known customers, to ingest. */
    record Events(String kind, List<EngagementEvent> events) implements FeedbackNotice { }

    /**
     * An SES event for a Winback message: the customer is the {@code winback-customer-id} tag when
     * the sender set one, else whoever gave the recipient address (found by keyed hash).
     */
    record EmailEvents(String kind, Optional<String> customerId, List<String> recipients,
                       Function<String, List<EngagementEvent>> eventsFor) implements FeedbackNotice { }

    /** A notification about a message Winback cannot attribute (no Winback tags): nothing to do. */
    record UnknownMessage(String kind) implements FeedbackNotice { }

    /**
     * A push endpoint event: the customer comes from the endpoint's owner (its CustomUserData);
     * {@code eventsFor} makes the events once the customer is known.
     */
    record PushEndpoint(String kind, String endpointArn, boolean disabled,
                        Function<String, List<EngagementEvent>> eventsFor) implements FeedbackNotice { }

    /** An inbound text message; the customer comes from the sender's number. */
    record InboundSms(String inboundMessageId, String from, String to, String body, java.time.Instant at)
            implements FeedbackNotice { }

    /** A CloudWatch alarm of the account-health guard changed state. */
    record HealthAlarm(String alarmName, boolean inAlarm, java.time.Instant at) implements FeedbackNotice { }

    /** A notification type Winback does not act on (sends, delivery delays, subscriptions). */
    record Ignored(String kind) implements FeedbackNotice { }

    /** Not a notification Winback understands. */
    record Unreadable(String reason) implements FeedbackNotice { }
}
