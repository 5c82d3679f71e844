package dev.winback.core.preferences;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.QuietWindow;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.preferences.PreferenceForm.Submission;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Preferences;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.SubscriptionStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * From a customer's submitted choices to the engagement events that record them, checked against
 * their record as read now. Only what differs from the record becomes an event, so submitting the
 * page unchanged writes nothing.
 *
 * <p>Channels are consent: turning one off withdraws marketing consent on it and turning one on is
 * an explicit opt-in, so each is a {@code consent_changed} (with the origin as source and the
 * request's address as evidence) that lands in the consent log, plus for email and SMS the matching
 * subscription, unless a complaint or block holds it: a withdrawal must never weaken those. The rest
 * (categories, weekly limit, quiet hours, pause) is one {@code preferences_changed}.
 *
 * <p>Event ids derive from the customer, the content and the state the choice was made against
 * (the consent and preference registers, with their stamps): the same request sent twice before
 * either is applied names the same events, a duplicate; the submission instant is their
 * {@code occurredAt} but not part of the id, since a retry arrives at a later instant. A later choice
 * is made against a state the earlier one changed, so it is never mistaken for a duplicate, even
 * when it restores an earlier state.
 */
public final class PreferenceChanges {

    private PreferenceChanges() {
    }

    public sealed interface Plan {
        /** The events to apply; none when the choices are what the record already holds. */
        record Changes(List<EngagementEvent> events) implements Plan {
            public Changes {
                events = List.copyOf(events);
            }
        }

        /** Nothing is applied: every invalid field is named. */
        record Refused(List<ChoiceError> errors) implements Plan {
            public Refused {
                errors = List.copyOf(errors);
            }
        }
    }

    public static Plan plan(EngagementRecord record, Submission submission, ChoiceOrigin origin, DeliveryPolicy policy,
                            Instant now) {
        List<ChoiceError> errors = new ArrayList<>(submission.errors());
        PreferenceChoices choices = submission.choices();
        String customerId = record.customerId();
        String basis = basis(record);
        List<EngagementEvent> events = new ArrayList<>();

        Set<Channel> unmuted = EnumSet.noneOf(Channel.class);
        for (Map.Entry<Channel, Boolean> choice : choices.channels().entrySet()) {
            Channel channel = choice.getKey();
            boolean wanted = choice.getValue();
            String field = PreferenceForm.CHANNEL_PREFIX + channel.wireName();
            Optional<String> notOffered = ChannelOption.notOffered(record, channel);
            if (notOffered.isPresent()) {
                errors.add(new ChoiceError(field, "cannot be chosen: " + notOffered.get()));
                continue;
            }
            ChannelOption option = ChannelOption.of(record, channel);
            if (wanted == option.on()) continue;
            if (wanted && option.unavailable().isPresent()) {
                errors.add(new ChoiceError(field, "cannot be turned on: " + option.unavailable().get()));
                continue;
            }
            if (wanted && option.muted()) unmuted.add(channel);
            if (wanted != option.consented()) events.addAll(consentEvents(record, channel, wanted, origin, basis, now));
        }

        Preferences current = record.preferences();
        Optional<Set<MessageCategory>> mutedCategories = mutedCategories(current, choices);
        Optional<Set<Channel>> mutedChannels = unmuted.isEmpty() ? Optional.empty()
                : Optional.of(current.mutedChannelsOrEmpty().stream().filter(c -> !unmuted.contains(c))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class))));
        Optional<Integer> maxPerWeek = choices.maxPerWeek()
                .filter(limit -> limit != (current.maxPerWeek() == null ? 0 : current.maxPerWeek().value()));
        Optional<QuietHours> quietHours = choices.quietHours().filter(hours ->
                !PreferenceView.quietHoursInForce(record, policy).equals(hours.isNone() ? Optional.empty()
                        : Optional.of(hours)));
        Optional<Instant> pausedUntil = Optional.empty();
        if (choices.pause().isPresent()) {
            ZoneId zone = QuietWindow.zoneOf(record, policy);
            pausedUntil = switch (choices.pause().get()) {
                case PauseChoice.Until until -> resumeAt(until.lastDay(), zone, now, errors)
                        .filter(at -> !current.pausedUntilInstant().equals(Optional.of(at)));
                case PauseChoice.ResumeNow resume -> current.pausedUntilInstant().filter(at -> at.isAfter(now))
                        .map(at -> now);
            };
        }
        if (!errors.isEmpty()) return new Plan.Refused(errors);

        EventPayload.PreferencesChanged change = new EventPayload.PreferencesChanged(mutedCategories, mutedChannels,
                maxPerWeek, quietHours, pausedUntil);
        if (mutedCategories.isPresent() || mutedChannels.isPresent() || maxPerWeek.isPresent()
                || quietHours.isPresent() || pausedUntil.isPresent()) {
            events.add(event(customerId, basis, describe(change, choices), "preferences", now, change));
        }
        return new Plan.Changes(events);
    }

    private static List<EngagementEvent> consentEvents(EngagementRecord record, Channel channel, boolean wanted,
                                                       ChoiceOrigin origin, String basis, Instant now) {
        String customerId = record.customerId();
        List<EngagementEvent> events = new ArrayList<>(2);
        events.add(event(customerId, basis, "consent " + channel.wireName() + " " + wanted + " " + origin.source(),
                channel.wireName() + "-consent", now, new EventPayload.ConsentChanged(channel, Purpose.MARKETING,
                        wanted, origin.source(), ChoiceOrigin.WORDING_VERSION, Optional.empty(), origin.ipAddress())));
        ChannelState state = record.channel(channel);
        SubscriptionStatus current = state.subscription() == null ? null : state.subscription().value();
        SubscriptionStatus target = wanted ? SubscriptionStatus.SUBSCRIBED : SubscriptionStatus.UNSUBSCRIBED;
        boolean held = current == SubscriptionStatus.COMPLAINED || current == SubscriptionStatus.BLOCKED;
        if (current != target && !held) {
            String content = "subscription " + channel.wireName() + " " + target;
            switch (channel) {
                case EMAIL -> events.add(event(customerId, basis, content, "email-subscription", now,
                        new EventPayload.EmailSubscriptionChanged(wanted ? EmailStatus.SUBSCRIBED : EmailStatus.UNSUBSCRIBED)));
                case SMS -> events.add(event(customerId, basis, content, "sms-subscription", now,
                        new EventPayload.SmsSubscriptionChanged(wanted ? SmsStatus.SUBSCRIBED : SmsStatus.UNSUBSCRIBED)));
                case PUSH, IN_APP, WEBHOOK -> { }
            }
        }
        return events;
    }

    /** The stored set with the submitted categories muted or unmuted; empty when that is the stored set. */
    private static Optional<Set<MessageCategory>> mutedCategories(Preferences current, PreferenceChoices choices) {
        if (choices.categories().isEmpty()) return Optional.empty();
        Set<MessageCategory> muted = EnumSet.noneOf(MessageCategory.class);
        muted.addAll(current.mutedCategoriesOrEmpty());
        choices.categories().forEach((category, wanted) -> {
            if (wanted) muted.remove(category);
            else muted.add(category);
        });
        return muted.equals(current.mutedCategoriesOrEmpty()) ? Optional.empty() : Optional.of(muted);
    }

    /** A pause through a local day ends when the next day starts there; it must end within a year. */
    private static Optional<Instant> resumeAt(LocalDate lastDay, ZoneId zone, Instant now, List<ChoiceError> errors) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!lastDay.isAfter(today)) {
            errors.add(new ChoiceError(PreferenceForm.PAUSED_UNTIL, "must be a date after today"));
            return Optional.empty();
        }
        if (lastDay.isAfter(today.plusYears(1))) {
            errors.add(new ChoiceError(PreferenceForm.PAUSED_UNTIL, "must be at most a year from today"));
            return Optional.empty();
        }
        return Optional.of(lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static EngagementEvent event(String customerId, String basis, String content, String suffix, Instant now,
                                         EventPayload payload) {
        String id = "pref-" + digest(customerId + "\n" + basis + "\n" + content) + "-" + suffix;
        return new EngagementEvent(id, customerId, now, Optional.empty(), payload);
    }

    /** The change in words for its id; a resume is "resume", not the instant, so a retry names the same event. */
    private static String describe(EventPayload.PreferencesChanged change, PreferenceChoices choices) {
        boolean resume = choices.pause().orElse(null) instanceof PauseChoice.ResumeNow;
        return "preferences"
                + change.mutedCategories().map(set -> " categories=" + names(set, MessageCategory::wireName)).orElse("")
                + change.mutedChannels().map(set -> " channels=" + names(set, Channel::wireName)).orElse("")
                + change.maxPerWeek().map(limit -> " max=" + limit).orElse("")
                + change.quietHours().map(hours -> " quiet=" + hours.start() + "-" + hours.end()).orElse("")
                + change.pausedUntil().map(at -> resume ? " resume" : " pause=" + at).orElse("");
    }

    /**
     * The registers a choice replaces, with their stamps, in a fixed order (never a map's own order,
     * which differs between JVMs).
     */
    static String basis(EngagementRecord record) {
        StringBuilder basis = new StringBuilder();
        for (Channel channel : Channel.values()) {
            ChannelState state = record.channel(channel);
            basis.append(channel.wireName()).append('=')
                    .append(stamp(state.consent().get(Purpose.MARKETING), grant -> Boolean.toString(grant.granted())))
                    .append('/').append(stamp(state.subscription(), SubscriptionStatus::name)).append(';');
        }
        Preferences p = record.preferences();
        basis.append(stamp(p.mutedCategories(), set -> names(set, MessageCategory::wireName))).append(';')
                .append(stamp(p.mutedChannels(), set -> names(set, Channel::wireName))).append(';')
                .append(stamp(p.maxPerWeek(), String::valueOf)).append(';')
                .append(stamp(p.quietHours(), hours -> hours.start() + "-" + hours.end())).append(';')
                .append(stamp(p.pausedUntil(), Instant::toString));
        return basis.toString();
    }

    private static <T> String stamp(Stamped<T> stamped, Function<T, String> text) {
        return stamped == null ? "-" : text.apply(stamped.value()) + "@" + stamped.at();
    }

    private static <T> String names(Collection<T> values, Function<T, String> name) {
        return values.stream().map(name).sorted().collect(Collectors.joining(","));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
