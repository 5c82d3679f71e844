package dev.winback.adapters.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.json.ContractRules;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.FailureReason;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Purpose;
import dev.winback.core.feedback.FeedbackEvents;
import dev.winback.core.feedback.FeedbackNotice;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the raw notifications providers publish to SNS and maps them to contract events:
 *
 * <ul>
 *   <li>SES configuration-set events: the message tag {@value #MESSAGE_TAG} (set by Winback's email
 *       sender) names the message; the customer is the {@value #CUSTOMER_TAG} tag where a sender sets
 *       it, else whoever gave the recipient address (the contact index, by keyed hash). An event
 *       without Winback's message tag is another sender's: ignored.
 *       Bounce (Permanent) → {@code message_failed} bounced: the address is unreachable;
 *       Bounce (Transient, Undetermined) → soft_bounced, counted, degraded after repeats;
 *       Complaint → {@code email_subscription_changed} complained and {@code consent_changed}
 *       marketing withdrawn (source "complaint"); Delivery, Open, Click → receipts;
 *       Reject, Rendering Failure → {@code message_failed}.</li>
 *   <li>SNS platform-application events (EndpointUpdated, DeliveryFailure) for push.</li>
 *   <li>Inbound SMS (two-way SMS to an SNS topic).</li>
 * </ul>
 *
 * Event ids derive from the notification's own identity (the provider's message id, the event
 * type and its feedback id or time), so a replayed notification is a duplicate and changes nothing.
 */
public final class FeedbackNotifications {

    public static final String MESSAGE_TAG = "winback-message-id";
    public static final String CUSTOMER_TAG = "winback-customer-id";
    public static final String COMPLAINT_SOURCE = "complaint";
    public static final String COMPLAINT_WORDING = "feedback-loop";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.time.format.DateTimeFormatter CLOUDWATCH_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private FeedbackNotifications() {
    }

    /** @param message the SNS message body (the provider's JSON) */
    public static FeedbackNotice read(String message) {
        JsonNode n;
        try {
            n = JSON.readTree(message);
        } catch (IOException e) {
            return new FeedbackNotice.Unreadable("not JSON");
        }
        if (n == null || !n.isObject()) return new FeedbackNotice.Unreadable("not a JSON object");
        if (n.has("eventType") && n.has("mail")) return ses(n);
        if (n.has("notificationType") && n.has("mail")) return ses(n); // identity notifications, same shape
        if (n.has("EventType") && n.has("EndpointArn")) return push(n);
        if (n.has("originationNumber") && n.has("messageBody")) return sms(n);
        if (n.has("AlarmName") && n.has("NewStateValue")) {
            return new FeedbackNotice.HealthAlarm(n.path("AlarmName").asText(),
                    "ALARM".equals(n.path("NewStateValue").asText()),
                    instant(n.path("StateChangeTime")).orElse(Instant.EPOCH));
        }
        return new FeedbackNotice.Unreadable("unknown notification shape");
    }

    private static FeedbackNotice ses(JsonNode n) {
        String type = n.has("eventType") ? n.path("eventType").asText() : n.path("notificationType").asText();
        JsonNode mail = n.path("mail");
        Optional<String> messageId = tag(mail, MESSAGE_TAG).filter(v -> ContractRules.NAME.problemWith(v).isEmpty());
        Optional<String> customerId = tag(mail, CUSTOMER_TAG)
                .filter(v -> ContractRules.CUSTOMER_ID.problemWith(v).isEmpty());
        String kind = "ses." + type.toLowerCase(Locale.ROOT).replace(' ', '_');
        String sesId = mail.path("messageId").asText("");
        return switch (type) {
            case "Bounce", "Complaint", "Delivery", "Open", "Click", "Reject", "Rendering Failure" -> {
                if (messageId.isEmpty()) yield new FeedbackNotice.UnknownMessage(kind);
                yield new FeedbackNotice.EmailEvents(kind, customerId, recipients(type, n),
                        customer -> sesEvents(type, n, sesId, messageId.get(), customer));
            }
            default -> new FeedbackNotice.Ignored(kind);
        };
    }

    /** The addresses the event is about: the bounced or complaining ones, else every destination. */
    private static List<String> recipients(String type, JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        JsonNode specific = switch (type) {
            case "Bounce" -> n.path("bounce").path("bouncedRecipients");
            case "Complaint" -> n.path("complaint").path("complainedRecipients");
            default -> com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        };
        specific.forEach(r -> {
            if (r.path("emailAddress").isTextual()) out.add(r.path("emailAddress").asText());
        });
        if (out.isEmpty()) n.path("mail").path("destination").forEach(d -> out.add(d.asText()));
        return List.copyOf(out);
    }

    private static List<EngagementEvent> sesEvents(String type, JsonNode n, String sesId, String messageId,
                                                   String customerId) {
        Instant mailAt = instant(n.path("mail").path("timestamp")).orElse(Instant.EPOCH);
        return switch (type) {
            case "Bounce" -> {
                JsonNode bounce = n.path("bounce");
                Instant at = instant(bounce.path("timestamp")).orElse(mailAt);
                FailureReason reason = "Permanent".equals(bounce.path("bounceType").asText())
                        ? FailureReason.BOUNCED : FailureReason.SOFT_BOUNCED;
                String id = id("ses", sesId, type, bounce.path("feedbackId").asText(at.toString()));
                yield List.of(event(id, customerId, at, new EventPayload.MessageFailed(messageId, Channel.EMAIL, reason)));
            }
            case "Complaint" -> {
                JsonNode complaint = n.path("complaint");
                Instant at = instant(complaint.path("timestamp")).orElse(mailAt);
                String id = id("ses", sesId, type, complaint.path("feedbackId").asText(at.toString()));
                yield List.of(
                        event(id + "-sub", customerId, at, new EventPayload.EmailSubscriptionChanged(EmailStatus.COMPLAINED)),
                        event(id + "-consent", customerId, at, new EventPayload.ConsentChanged(Channel.EMAIL,
                                Purpose.MARKETING, false, COMPLAINT_SOURCE, COMPLAINT_WORDING, Optional.of(messageId),
                                Optional.empty())));
            }
            case "Delivery" -> receipt(MessageFeedbackKind.DELIVERED, n.path("delivery"), type, sesId, messageId,
                    customerId, mailAt);
            case "Open" -> receipt(MessageFeedbackKind.OPENED, n.path("open"), type, sesId, messageId, customerId, mailAt);
            case "Click" -> receipt(MessageFeedbackKind.CLICKED, n.path("click"), type, sesId, messageId, customerId,
                    mailAt);
            case "Reject" -> List.of(event(id("ses", sesId, type, ""), customerId, mailAt,
                    new EventPayload.MessageFailed(messageId, Channel.EMAIL, FailureReason.REJECTED)));
            case "Rendering Failure" -> List.of(event(id("ses", sesId, type, ""), customerId, mailAt,
                    new EventPayload.MessageFailed(messageId, Channel.EMAIL, FailureReason.RENDERING_FAILED)));
            default -> List.of();
        };
    }

    private static List<EngagementEvent> receipt(MessageFeedbackKind kind, JsonNode detail, String type, String sesId,
                                                 String messageId, String customerId, Instant mailAt) {
        Instant at = instant(detail.path("timestamp")).orElse(mailAt);
        // Every open and click is its own notification; its time tells them apart.
        String id = id("ses", sesId, type, at.toString() + "|" + detail.path("link").asText(""));
        return List.of(event(id, customerId, at, new EventPayload.MessageFeedback(kind, messageId, Channel.EMAIL)));
    }

    private static FeedbackNotice push(JsonNode n) {
        String type = n.path("EventType").asText();
        String kind = "push." + type.toLowerCase(Locale.ROOT);
        Instant at = instant(n.path("Time")).orElse(Instant.EPOCH);
        String endpoint = n.path("EndpointArn").asText();
        String notificationId = n.path("MessageId").asText(id("sns", endpoint, type, at.toString()));
        return switch (type) {
            case "EndpointUpdated" -> {
                Optional<Boolean> enabled = enabled(n);
                yield enabled.isPresent() && !enabled.get()
                        ? pushEndpoint(kind, endpoint, notificationId, at, true)
                        : new FeedbackNotice.Ignored(kind);
            }
            case "DeliveryFailure" -> {
                String failure = n.path("FailureType").asText("") + " " + n.path("FailureMessage").asText("");
                boolean disabled = failure.toLowerCase(Locale.ROOT).contains("disabled")
                        || failure.contains("InvalidPlatformToken") || failure.contains("Unregistered");
                yield pushEndpoint(kind, endpoint, notificationId, at, disabled);
            }
            default -> new FeedbackNotice.Ignored(kind);
        };
    }

    /** Enabled as the event states it: at the top level or among the endpoint's attributes. */
    private static Optional<Boolean> enabled(JsonNode n) {
        for (JsonNode holder : List.of(n, n.path("Attributes"), n.path("attributes"))) {
            JsonNode v = holder.get("Enabled");
            if (v != null && !v.isNull()) return Optional.of(v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
        }
        return Optional.empty();
    }

    private static FeedbackNotice sms(JsonNode n) {
        String id = n.path("inboundMessageId").asText("");
        if (id.isEmpty()) return new FeedbackNotice.Unreadable("inbound SMS without inboundMessageId");
        return new FeedbackNotice.InboundSms(id, n.path("originationNumber").asText(),
                n.path("destinationNumber").asText(""), n.path("messageBody").asText(""),
                instant(n.path("timestamp")).orElse(null));
    }

    private static FeedbackNotice pushEndpoint(String kind, String endpointArn, String notificationId, Instant at,
                                               boolean disabled) {
        return new FeedbackNotice.PushEndpoint(kind, endpointArn, disabled,
                customerId -> pushEvents(kind, endpointArn, notificationId, at, disabled, customerId));
    }

    /** Events made for push feedback, once the customer is known. */
    private static List<EngagementEvent> pushEvents(String kind, String endpointArn, String notificationId, Instant at,
                                                    boolean disabled, String customerId) {
        String id = id("sns", notificationId, kind, endpointArn);
        FailureReason reason = disabled ? FailureReason.ENDPOINT_DISABLED : FailureReason.DELIVERY_FAILED;
        String messageId = ContractRules.NAME.problemWith(notificationId).isEmpty() ? notificationId : id;
        EngagementEvent failed = event(id, customerId, at, new EventPayload.MessageFailed(messageId, Channel.PUSH, reason));
        if (!disabled) return List.of(failed);
        // A disabled token is how the platforms report an uninstall: probable, so it holds only
        // until the app reports an install again (a later app_installed wins).
        return List.of(failed, event(id + "-uninstall", customerId, at, new EventPayload.AppUninstalled()));
    }

    private static String id(String provider, String a, String b, String c) {
        return FeedbackEvents.id(provider, a, b, c);
    }

    private static EngagementEvent event(String id, String customerId, Instant at, EventPayload payload) {
        return FeedbackEvents.event(id, customerId, at, payload);
    }

    private static Optional<String> tag(JsonNode mail, String name) {
        JsonNode values = mail.path("tags").get(name);
        if (values == null) return Optional.empty();
        JsonNode first = values.isArray() ? values.path(0) : values;
        return first.isTextual() && !first.asText().isBlank() ? Optional.of(first.asText()) : Optional.empty();
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (node == null || !node.isTextual()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(node.asText()).toInstant());
            } catch (DateTimeParseException again) {
                try { // CloudWatch alarms: 2026-11-20T10:00:00.000+0000
                    return Optional.of(java.time.OffsetDateTime.parse(node.asText(), CLOUDWATCH_TIME).toInstant());
                } catch (DateTimeParseException last) {
                    return Optional.empty();
                }
            }
        }
    }
}
