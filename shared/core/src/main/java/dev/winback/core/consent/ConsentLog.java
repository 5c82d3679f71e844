package dev.winback.core.consent;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The per-customer consent log: which events are consent changes, how they become entries, and
 * how the current consent is derived again from the entries alone. Consent changes are
 * {@code consent_changed} and the email and SMS subscription events; one-click unsubscribes, SMS
 * keywords and complaints arrive as those events too, so every path ends up here.
 */
public final class ConsentLog {

    /** The subscription events carry no wording; their entries say so. */
    public static final String NO_WORDING = "-";

    private ConsentLog() {
    }

    /** Whether applying this event must also append to the log (rare: most events never do). */
    public static boolean isConsentChange(EngagementEvent event) {
        return entryOf(event).isPresent();
    }

    public static List<ConsentEntry> entriesOf(List<EngagementEvent> applied) {
        List<ConsentEntry> entries = new ArrayList<>();
        for (EngagementEvent event : applied) entryOf(event).ifPresent(entries::add);
        return entries;
    }

    public static Optional<ConsentEntry> entryOf(EngagementEvent event) {
        return switch (event.payload()) {
            case EventPayload.ConsentChanged c -> Optional.of(new ConsentEntry(event.customerId(), event.eventId(),
                    event.occurredAt(), ConsentEntry.Kind.CONSENT, c.channel(), c.purpose(), c.granted(),
                    c.granted() ? "granted" : "withdrawn", c.source(), c.wordingVersion(), c.messageId(),
                    c.ipAddress(), event.receivedAt()));
            case EventPayload.EmailSubscriptionChanged e -> Optional.of(new ConsentEntry(event.customerId(),
                    event.eventId(), event.occurredAt(), ConsentEntry.Kind.SUBSCRIPTION, Channel.EMAIL,
                    Purpose.MARKETING, e.status() == EmailStatus.SUBSCRIBED, e.status().wireName(), e.type(),
                    NO_WORDING, Optional.empty(), Optional.empty(), event.receivedAt()));
            case EventPayload.SmsSubscriptionChanged s -> Optional.of(new ConsentEntry(event.customerId(),
                    event.eventId(), event.occurredAt(), ConsentEntry.Kind.SUBSCRIPTION, Channel.SMS,
                    Purpose.MARKETING, s.status() == SmsStatus.SUBSCRIBED, s.status().wireName(), s.type(),
                    NO_WORDING, Optional.empty(), Optional.empty(), event.receivedAt()));
            // Listed one by one, not by default: a new event type must be classified here.
            case EventPayload.SessionStarted ignored -> Optional.empty();
            case EventPayload.StoreVisited ignored -> Optional.empty();
            case EventPayload.PurchaseCompleted ignored -> Optional.empty();
            case EventPayload.OrderStatusChanged ignored -> Optional.empty();
            case EventPayload.MessageSent ignored -> Optional.empty();
            case EventPayload.MessageFeedback ignored -> Optional.empty();
            case EventPayload.MessageFailed ignored -> Optional.empty();
            case EventPayload.PushPermissionChanged ignored -> Optional.empty();
            case EventPayload.MembershipChanged ignored -> Optional.empty();
            case EventPayload.AppInstalled ignored -> Optional.empty();
            case EventPayload.AppUninstalled ignored -> Optional.empty();
            case EventPayload.ProfileUpdated ignored -> Optional.empty();
            case EventPayload.PreferencesChanged ignored -> Optional.empty();
            case EventPayload.ReviewSubmitted ignored -> Optional.empty();
            case EventPayload.SurveyAnswered ignored -> Optional.empty();
        };
    }

    /** The event an entry was made from (as far as consent goes): what replaying applies. */
    public static EngagementEvent asEvent(ConsentEntry entry) {
        EventPayload payload = switch (entry.kind()) {
            case CONSENT -> new EventPayload.ConsentChanged(entry.channel(), entry.purpose(), entry.granted(),
                    entry.source(), entry.wordingVersion(), entry.messageId(), entry.ipAddress());
            case SUBSCRIPTION -> entry.channel() == Channel.SMS
                    ? new EventPayload.SmsSubscriptionChanged(SmsStatus.valueOf(entry.status().toUpperCase(Locale.ROOT)))
                    : new EventPayload.EmailSubscriptionChanged(EmailStatus.valueOf(entry.status().toUpperCase(Locale.ROOT)));
        };
        return new EngagementEvent(entry.eventId(), entry.customerId(), entry.at(), Optional.empty(), payload,
                entry.receivedAt());
    }

    /** What the log says now, per channel: consent per purpose and the subscription status. */
    public record Current(Map<Channel, ChannelConsent> channels) {
    }

    public record ChannelConsent(Map<Purpose, dev.winback.core.record.Stamped<dev.winback.core.record.ConsentGrant>> consent,
                                 dev.winback.core.record.Stamped<dev.winback.core.record.SubscriptionStatus> subscription) {
    }

    /**
     * Replays the entries, in any order, through the record's own merge rules (latest wins; at the
     * same instant the withdrawal), so the answer is what the record holds when the log is complete.
     */
    public static Current replay(String customerId, List<ConsentEntry> entries) {
        List<EngagementEvent> events = entries.stream()
                .sorted(Comparator.comparing(ConsentEntry::at).thenComparing(ConsentEntry::eventId))
                .map(ConsentLog::asEvent).toList();
        EngagementRecord replayed = RecordUpdate.apply(EngagementRecord.empty(customerId), events, Map.of()).record();
        return current(replayed);
    }

    /** The consent part of a record, comparable with {@link #replay}. */
    public static Current current(EngagementRecord record) {
        Map<Channel, ChannelConsent> out = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            ChannelState state = record.channel(channel);
            if (state.consent().isEmpty() && state.subscription() == null) continue;
            out.put(channel, new ChannelConsent(state.consent(), state.subscription()));
        }
        return new Current(out);
    }
}
