package dev.winback.core.preferences;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.FailureReason;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.preferences.PreferenceChanges.Plan;
import dev.winback.core.preferences.PreferenceForm.Submission;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random customers and submissions. Every valid submission reads back from its own form
 * fields, is accepted, and after its events are applied the centre shows exactly what was chosen;
 * submitting it again then changes nothing. Junk is refused field by field, and nothing throws.
 */
class PreferencePropertiesTest {

    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    static final DeliveryPolicy POLICY = DeliveryPolicy.defaults();
    static final String[] ZONES = {"Europe/Madrid", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "UTC"};

    @Test
    void randomValidSubmissions_roundTripThroughTheRecord() {
        int channelsChanged = 0;
        int refusedNothing = 0;
        for (long seed = 1; seed <= 2_000; seed++) {
            Random random = new Random(seed);
            EngagementRecord before = randomCustomer(random).record();
            PreferenceView shown = PreferenceView.of(before, POLICY, NOW);
            PreferenceChoices choices = randomChoices(random, shown);
            Submission submission = PreferenceForm.read(fields(choices));
            assertThat(submission).as("seed %d", seed).isEqualTo(new Submission(choices, List.of()));

            Plan plan = PreferenceChanges.plan(before, submission, ChoiceOrigin.centre(Optional.empty()), POLICY, NOW);
            assertThat(plan).as("seed %d", seed).isInstanceOf(Plan.Changes.class);
            List<EngagementEvent> events = ((Plan.Changes) plan).events();
            EngagementRecord after = RecordUpdate.apply(before, events, Map.of()).record();
            PreferenceView view = PreferenceView.of(after, POLICY, NOW);

            for (MessageCategory category : MessageCategory.values()) {
                assertThat(view.categories().get(category)).as("seed %d %s", seed, category)
                        .isEqualTo(choices.categories().getOrDefault(category, shown.categories().get(category)));
            }
            assertThat(view.channels()).extracting(ChannelOption::channel)
                    .containsExactlyElementsOf(shown.channels().stream().map(ChannelOption::channel).toList());
            for (ChannelOption option : view.channels()) {
                boolean was = shown.channels().stream().filter(o -> o.channel() == option.channel()).findFirst()
                        .orElseThrow().on();
                boolean wanted = choices.channels().getOrDefault(option.channel(), was);
                assertThat(option.on()).as("seed %d %s", seed, option.channel()).isEqualTo(wanted);
                if (wanted != was) channelsChanged++;
            }
            assertThat(view.maxPerWeek()).as("seed %d", seed).isEqualTo(choices.maxPerWeek().orElse(shown.maxPerWeek()));
            assertThat(view.quietHours()).as("seed %d", seed).isEqualTo(choices.quietHours()
                    .map(hours -> hours.isNone() ? Optional.<QuietHours>empty() : Optional.of(hours))
                    .orElse(shown.quietHours()));
            assertThat(view.pausedUntil()).as("seed %d", seed).isEqualTo(choices.pause().map(pause -> switch (pause) {
                case PauseChoice.Until until -> Optional.of(until.lastDay());
                case PauseChoice.ResumeNow resume -> Optional.<LocalDate>empty();
            }).orElse(shown.pausedUntil()));

            Plan again = PreferenceChanges.plan(after, submission, ChoiceOrigin.centre(Optional.empty()), POLICY,
                    NOW.plusSeconds(5));
            assertThat(again).as("seed %d: submitted again", seed).isEqualTo(new Plan.Changes(List.of()));
            assertThat(RecordUpdate.apply(after, events, Map.of()).record()).as("seed %d: redelivered", seed)
                    .isEqualTo(after);
            if (events.isEmpty()) refusedNothing++;
        }
        // The generator must change channels often and sometimes nothing at all, or the property proves little.
        assertThat(channelsChanged).isGreaterThan(1_000);
        assertThat(refusedNothing).isBetween(1, 500);
    }

    @Test
    void randomJunk_isRefusedFieldByField() {
        for (long seed = 1; seed <= 2_000; seed++) {
            Random random = new Random(seed);
            Map<String, List<String>> fields = new LinkedHashMap<>();
            Set<String> junk = new HashSet<>();
            for (MessageCategory category : MessageCategory.values()) {
                maybeToggle(random, fields, junk, PreferenceForm.CATEGORY_PREFIX + category.wireName());
            }
            for (Channel channel : Channel.values()) {
                maybeToggle(random, fields, junk, PreferenceForm.CHANNEL_PREFIX + channel.wireName());
            }
            if (random.nextInt(4) == 0) {
                String name = random.nextBoolean() ? PreferenceForm.CATEGORY_PREFIX + garbage(random)
                        : PreferenceForm.CHANNEL_PREFIX + garbage(random);
                if (!knownName(name)) {
                    fields.put(name, List.of(PreferenceForm.ON));
                    junk.add(name);
                }
            }
            if (random.nextBoolean()) {
                boolean bad = random.nextBoolean();
                fields.put(PreferenceForm.MAX_PER_WEEK, bad ? badNumber(random)
                        : List.of(String.valueOf(random.nextInt(PreferenceChoices.MAX_PER_WEEK + 1))));
                if (bad) junk.add(PreferenceForm.MAX_PER_WEEK);
            }
            if (random.nextBoolean()) {
                LocalTime start = LocalTime.of(random.nextInt(24), random.nextInt(60));
                LocalTime end = start.plusMinutes(1 + random.nextInt(1_438));
                boolean badStart = random.nextInt(3) == 0;
                boolean badEnd = random.nextInt(3) == 0;
                fields.put(PreferenceForm.QUIET_START, List.of(badStart ? badTime(random) : start.toString()));
                fields.put(PreferenceForm.QUIET_END, List.of(badEnd ? badTime(random) : end.toString()));
                if (badStart) junk.add(PreferenceForm.QUIET_START);
                if (badEnd) junk.add(PreferenceForm.QUIET_END);
            }
            switch (random.nextInt(4)) {
                case 0 -> {
                    fields.put(PreferenceForm.PAUSED_UNTIL, List.of(badDate(random)));
                    junk.add(PreferenceForm.PAUSED_UNTIL);
                }
                case 1 -> {
                    fields.put(PreferenceForm.RESUME, List.of(garbage(random) + "x"));
                    junk.add(PreferenceForm.RESUME);
                }
                case 2 -> fields.put(PreferenceForm.PAUSED_UNTIL, List.of("2026-12-0" + (1 + random.nextInt(9))));
                default -> { }
            }
            if (random.nextBoolean()) fields.put(garbage(random), List.of(garbage(random))); // ignored, like a button

            Submission submission = PreferenceForm.read(fields);

            assertThat(submission.errors()).as("seed %d %s", seed, fields).extracting(ChoiceError::field)
                    .containsExactlyInAnyOrderElementsOf(junk);
            List<String> junkValues = junk.stream().flatMap(name -> fields.get(name).stream())
                    .filter(value -> value.length() > 5).toList();
            assertThat(submission.errors()).as("never echoed").allSatisfy(error ->
                    junkValues.forEach(value -> assertThat(error.message()).doesNotContain(value)));
        }
    }

    @Test
    void anythingAtAll_neverThrows_andEveryErrorNamesASubmittedField() {
        String[] names = {"categories.promotions", "categories.", "categories.surveys", "channels.email", "channels.",
                "channels.push", "maxPerWeek", "quietHours.start", "quietHours.end", "pausedUntil", "resume", "", "x"};
        String[] values = {"on", "off", "", " ", "now", "0", "16", "17", "99999999999", "22:00", "07:30", "25:00",
                "2026-12-24", "2026-02-29", "9999-99-99", "\u0000", "\uD83D\uDE00", "on\n", "-", "null"};
        for (long seed = 1; seed <= 5_000; seed++) {
            Random random = new Random(seed);
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                String name = random.nextInt(5) == 0 ? garbage(random) : names[random.nextInt(names.length)];
                List<String> list = new ArrayList<>();
                for (int k = random.nextInt(3); k > 0; k--) {
                    list.add(random.nextInt(4) == 0 ? garbage(random) : values[random.nextInt(values.length)]);
                }
                fields.put(name, list);
            }

            Submission submission = PreferenceForm.read(fields);
            Plan plan = PreferenceChanges.plan(randomCustomer(random).record(), submission,
                    ChoiceOrigin.centre(Optional.empty()), POLICY, NOW);

            Set<String> named = new HashSet<>(fields.keySet());
            if (named.contains(PreferenceForm.QUIET_START)) named.add(PreferenceForm.QUIET_END);
            if (named.contains(PreferenceForm.QUIET_END)) named.add(PreferenceForm.QUIET_START);
            assertThat(submission.errors()).as("seed %d", seed).extracting(ChoiceError::field).isSubsetOf(named);
            if (!submission.valid()) {
                assertThat(plan).isInstanceOfSatisfying(Plan.Refused.class,
                        refused -> assertThat(refused.errors()).containsAll(submission.errors()));
            }
        }
    }

    // ---- generators

    static Customer randomCustomer(Random random) {
        Customer customer = new Customer("c-" + random.nextInt(1_000));
        Instant start = NOW.minus(Duration.ofDays(90));
        List<EventPayload> history = new ArrayList<>();
        history.add(new EventPayload.ProfileUpdated(maybe(random, "a@example.com"), maybe(random, "+15550100123"),
                maybe(random, ZONES[random.nextInt(ZONES.length)]), Optional.empty(), Optional.empty(),
                maybe(random, "arn:endpoint/" + random.nextInt(9))));
        switch (random.nextInt(4)) {
            case 0 -> history.add(new EventPayload.AppInstalled());
            case 1 -> history.add(new EventPayload.AppUninstalled());
            case 2 -> history.add(new EventPayload.SessionStarted(Platform.APP));
            default -> { }
        }
        if (random.nextBoolean()) history.add(new EventPayload.PushPermissionChanged(random.nextBoolean()));
        for (Channel channel : Channel.values()) {
            if (random.nextBoolean()) {
                history.add(new EventPayload.ConsentChanged(channel, Purpose.MARKETING, random.nextBoolean(), "signup", "v1"));
            }
        }
        if (random.nextBoolean()) history.add(new EventPayload.EmailSubscriptionChanged(pick(random, EmailStatus.values())));
        if (random.nextBoolean()) history.add(new EventPayload.SmsSubscriptionChanged(pick(random, SmsStatus.values())));
        if (random.nextInt(4) == 0) {
            history.add(new EventPayload.MessageFailed("m-1", pick(random, Channel.values()), FailureReason.BOUNCED));
        }
        if (random.nextBoolean()) {
            Set<MessageCategory> muted = EnumSet.noneOf(MessageCategory.class);
            for (MessageCategory category : MessageCategory.values()) if (random.nextBoolean()) muted.add(category);
            Set<Channel> mutedChannels = EnumSet.noneOf(Channel.class);
            if (random.nextInt(3) == 0) mutedChannels.add(pick(random, Channel.values()));
            history.add(new EventPayload.PreferencesChanged(Optional.of(muted), Optional.of(mutedChannels),
                    maybe(random, random.nextInt(PreferenceChoices.MAX_PER_WEEK + 1)),
                    maybe(random, new QuietHours(LocalTime.of(random.nextInt(24), 0), LocalTime.of(random.nextInt(24), 30))),
                    maybe(random, NOW.plus(Duration.ofHours(random.nextInt(24 * 60) - 24 * 30)))));
        }
        for (EventPayload payload : history) {
            customer.with(start.plusSeconds(random.nextInt(80 * 86_400)), payload);
        }
        return customer;
    }

    /** Valid choices the page could submit: only offered channels, none turned on where unavailable. */
    static PreferenceChoices randomChoices(Random random, PreferenceView shown) {
        Map<MessageCategory, Boolean> categories = new EnumMap<>(MessageCategory.class);
        for (MessageCategory category : MessageCategory.values()) {
            if (random.nextBoolean()) categories.put(category, random.nextBoolean());
        }
        Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
        for (ChannelOption option : shown.channels()) {
            if (random.nextInt(5) < 3) {
                channels.put(option.channel(), option.unavailable().isPresent()
                        ? option.on() && random.nextBoolean() : random.nextBoolean());
            }
        }
        Optional<QuietHours> quiet = Optional.empty();
        if (random.nextBoolean()) {
            LocalTime from = LocalTime.of(random.nextInt(24), random.nextInt(60));
            quiet = Optional.of(random.nextInt(3) == 0 ? QuietHours.NONE
                    : new QuietHours(from, from.plusMinutes(1 + random.nextInt(1_438))));
        }
        LocalDate today = NOW.atZone(shown.zone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, today.plusYears(1));
        Optional<PauseChoice> pause = switch (random.nextInt(3)) {
            case 0 -> Optional.of(new PauseChoice.Until(today.plusDays(1 + random.nextLong(days))));
            case 1 -> Optional.of(new PauseChoice.ResumeNow());
            default -> Optional.empty();
        };
        return new PreferenceChoices(categories, channels,
                maybe(random, random.nextInt(PreferenceChoices.MAX_PER_WEEK + 1)), quiet, pause);
    }

    /** The fields the page posts for these choices. */
    static Map<String, List<String>> fields(PreferenceChoices choices) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        choices.categories().forEach((category, on) -> fields.put(PreferenceForm.CATEGORY_PREFIX + category.wireName(),
                on ? List.of("off", "on") : List.of("off")));
        choices.channels().forEach((channel, on) -> fields.put(PreferenceForm.CHANNEL_PREFIX + channel.wireName(),
                on ? List.of("off", "on") : List.of("off")));
        choices.maxPerWeek().ifPresent(limit -> fields.put(PreferenceForm.MAX_PER_WEEK, List.of(String.valueOf(limit))));
        choices.quietHours().ifPresent(hours -> {
            fields.put(PreferenceForm.QUIET_START, List.of(hours.isNone() ? "" : hours.start().toString()));
            fields.put(PreferenceForm.QUIET_END, List.of(hours.isNone() ? "" : hours.end().toString()));
        });
        choices.pause().ifPresent(pause -> {
            switch (pause) {
                case PauseChoice.Until until -> fields.put(PreferenceForm.PAUSED_UNTIL, List.of(until.lastDay().toString()));
                case PauseChoice.ResumeNow resume -> fields.put(PreferenceForm.RESUME, List.of(PreferenceForm.NOW));
            }
        });
        return fields;
    }

    private static void maybeToggle(Random random, Map<String, List<String>> fields, Set<String> junk, String name) {
        switch (random.nextInt(4)) {
            case 0 -> fields.put(name, List.of(random.nextBoolean() ? "on" : "off"));
            case 1 -> {
                String value;
                do value = garbage(random); while (value.trim().equals("on") || value.trim().equals("off"));
                fields.put(name, random.nextBoolean() ? List.of("off", value) : List.of(value));
                junk.add(name);
            }
            default -> { }
        }
    }

    private static List<String> badNumber(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> List.of(String.valueOf(PreferenceChoices.MAX_PER_WEEK + 1 + random.nextInt(1_000_000)));
            case 1 -> List.of("-" + random.nextInt(10));
            case 2 -> List.of(random.nextInt(16) + ".5");
            case 3 -> List.of("1", "2");
            case 4 -> List.of("");
            default -> List.of("x" + garbage(random));
        };
    }

    private static String badTime(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> (24 + random.nextInt(76)) + ":00";
            case 1 -> "10:" + (60 + random.nextInt(40));
            case 2 -> random.nextInt(13) + "pm";
            case 3 -> "7:30";
            default -> "t" + garbage(random);
        };
    }

    private static String badDate(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "2026-02-" + (30 + random.nextInt(2));
            case 1 -> "2026-13-01";
            case 2 -> "24/12/2026";
            default -> "d" + garbage(random);
        };
    }

    /** Up to 40 characters from ASCII, Latin-1, control characters and an emoji. */
    private static String garbage(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(32));
                case 1 -> text.append((char) (160 + random.nextInt(96)));
                case 2 -> text.append("\uD83D\uDE00");
                default -> text.append((char) (32 + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    private static boolean knownName(String name) {
        for (MessageCategory c : MessageCategory.values()) if (name.equals("categories." + c.wireName())) return true;
        for (Channel c : Channel.values()) if (name.equals("channels." + c.wireName())) return true;
        return false;
    }

    private static <T> Optional<T> maybe(Random random, T value) {
        return random.nextBoolean() ? Optional.of(value) : Optional.empty();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
