package dev.winback.core.preferences;

import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.QuietHours;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the preference centre's choices from text fields: what its HTML form posts, and what its
 * JSON is flattened to, so both are checked by the same rules and name fields the same way. An
 * absent field leaves its choice alone; other fields (a submit button) are ignored.
 *
 * <ul>
 *   <li>{@code categories.<name>}, {@code channels.<name>}: {@code on} or {@code off}. The page sends a
 *       hidden {@code off} before each checkbox, so a ticked box arrives as both and wins, and an
 *       unticked one still says off; a channel the page did not show is not touched.</li>
 *   <li>{@code maxPerWeek}: 1 to {@value PreferenceChoices#MAX_PER_WEEK}, or 0 for no personal limit.</li>
 *   <li>{@code quietHours.start}, {@code quietHours.end}: HH:MM, or both empty for none.</li>
 *   <li>{@code pausedUntil}: YYYY-MM-DD, the last day without marketing; empty leaves the pause alone.</li>
 *   <li>{@code resume}: {@code now} ends a pause.</li>
 * </ul>
 */
public final class PreferenceForm {

    public static final String CATEGORY_PREFIX = "categories.";
    public static final String CHANNEL_PREFIX = "channels.";
    public static final String MAX_PER_WEEK = "maxPerWeek";
    public static final String QUIET_START = "quietHours.start";
    public static final String QUIET_END = "quietHours.end";
    public static final String PAUSED_UNTIL = "pausedUntil";
    public static final String RESUME = "resume";
    public static final String ON = "on";
    public static final String OFF = "off";
    public static final String NOW = "now";

    static final String TOGGLE_RULE = "must be on or off";
    static final String ONCE_RULE = "must be given once";
    public static final String MAX_PER_WEEK_RULE = "must be a whole number from 1 to " + PreferenceChoices.MAX_PER_WEEK
            + ", or 0 for no personal limit";
    public static final String TIME_RULE = "must be a time as HH:MM (24 hours), such as 21:00";
    public static final String DATE_RULE = "must be a date as YYYY-MM-DD, such as 2026-12-24";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,2}");
    private static final Pattern TIME = Pattern.compile("(?:[01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private PreferenceForm() {
    }

    /** The choices read, with an error for each field that could not be read (its choice left out). */
    public record Submission(PreferenceChoices choices, List<ChoiceError> errors) {
        public Submission {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Submission read(Map<String, List<String>> fields) {
        List<ChoiceError> errors = new ArrayList<>();
        Map<MessageCategory, Boolean> categories = new EnumMap<>(MessageCategory.class);
        Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            String name = field.getKey();
            if (name.startsWith(CATEGORY_PREFIX)) {
                String wire = name.substring(CATEGORY_PREFIX.length());
                Optional<MessageCategory> category = MessageCategory.byWireName(wire);
                if (category.isEmpty()) {
                    errors.add(new ChoiceError(name, "is not a category; must be one of: " + String.join(", ",
                            Arrays.stream(MessageCategory.values()).map(MessageCategory::wireName).toList())));
                } else {
                    toggle(name, field.getValue(), errors).ifPresent(on -> categories.put(category.get(), on));
                }
            } else if (name.startsWith(CHANNEL_PREFIX)) {
                Optional<Channel> channel = channel(name.substring(CHANNEL_PREFIX.length()));
                if (channel.isEmpty()) {
                    errors.add(new ChoiceError(name, "is not a channel; must be one of: " + String.join(", ",
                            Arrays.stream(Channel.values()).map(Channel::wireName).toList())));
                } else {
                    toggle(name, field.getValue(), errors).ifPresent(on -> channels.put(channel.get(), on));
                }
            }
        }
        Optional<Integer> maxPerWeek = single(fields, MAX_PER_WEEK, errors).flatMap(text -> maxPerWeek(text, errors));
        Optional<QuietHours> quietHours = quietHours(fields, errors);
        Optional<PauseChoice> pause = pause(fields, errors);
        return new Submission(new PreferenceChoices(categories, channels, maxPerWeek, quietHours, pause), errors);
    }

    private static Optional<Boolean> toggle(String name, List<String> values, List<ChoiceError> errors) {
        if (values.isEmpty()) return Optional.empty();
        boolean on = false;
        for (String value : values) {
            String v = value.trim();
            if (v.equals(ON)) {
                on = true;
            } else if (!v.equals(OFF)) {
                errors.add(new ChoiceError(name, TOGGLE_RULE));
                return Optional.empty();
            }
        }
        return Optional.of(on);
    }

    private static Optional<Integer> maxPerWeek(String text, List<ChoiceError> errors) {
        if (WHOLE_NUMBER.matcher(text).matches()) {
            int limit = Integer.parseInt(text);
            if (limit <= PreferenceChoices.MAX_PER_WEEK) return Optional.of(limit);
        }
        errors.add(new ChoiceError(MAX_PER_WEEK, MAX_PER_WEEK_RULE));
        return Optional.empty();
    }

    /** Both ends or neither: empty ends mean no quiet hours, equal ends would mean the same, said unclearly. */
    private static Optional<QuietHours> quietHours(Map<String, List<String>> fields, List<ChoiceError> errors) {
        boolean hasStart = fields.containsKey(QUIET_START);
        boolean hasEnd = fields.containsKey(QUIET_END);
        if (!hasStart && !hasEnd) return Optional.empty();
        if (!hasStart || !hasEnd) {
            errors.add(new ChoiceError(hasStart ? QUIET_END : QUIET_START,
                    "must be given with " + (hasStart ? QUIET_START : QUIET_END)));
            return Optional.empty();
        }
        int before = errors.size();
        String start = single(fields, QUIET_START, errors).orElse("");
        String end = single(fields, QUIET_END, errors).orElse("");
        if (errors.size() > before) return Optional.empty();
        if (start.isEmpty() && end.isEmpty()) return Optional.of(QuietHours.NONE);
        if (start.isEmpty() || end.isEmpty()) {
            errors.add(new ChoiceError(start.isEmpty() ? QUIET_START : QUIET_END,
                    "must be given as well, or both left empty for no quiet hours"));
            return Optional.empty();
        }
        Optional<LocalTime> from = time(QUIET_START, start, errors);
        Optional<LocalTime> to = time(QUIET_END, end, errors);
        if (from.isEmpty() || to.isEmpty()) return Optional.empty();
        if (from.get().equals(to.get())) {
            errors.add(new ChoiceError(QUIET_END, "must differ from the start; leave both empty for no quiet hours"));
            return Optional.empty();
        }
        return Optional.of(new QuietHours(from.get(), to.get()));
    }

    private static Optional<LocalTime> time(String name, String text, List<ChoiceError> errors) {
        if (TIME.matcher(text).matches()) return Optional.of(LocalTime.parse(text));
        errors.add(new ChoiceError(name, TIME_RULE));
        return Optional.empty();
    }

    private static Optional<PauseChoice> pause(Map<String, List<String>> fields, List<ChoiceError> errors) {
        Optional<String> date = single(fields, PAUSED_UNTIL, errors).filter(text -> !text.isEmpty());
        Optional<String> resume = single(fields, RESUME, errors);
        if (resume.isPresent()) {
            if (!resume.get().equals(NOW)) {
                errors.add(new ChoiceError(RESUME, "must be " + NOW));
                return Optional.empty();
            }
            if (date.isPresent()) {
                errors.add(new ChoiceError(RESUME, "choose a date to pause until or to resume now, not both"));
                return Optional.empty();
            }
            return Optional.of(new PauseChoice.ResumeNow());
        }
        return date.flatMap(text -> date(text, errors)).map(PauseChoice.Until::new);
    }

    private static Optional<LocalDate> date(String text, List<ChoiceError> errors) {
        if (DATE.matcher(text).matches()) {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeException e) {
                // not a real day (30 February): refused below
            }
        }
        errors.add(new ChoiceError(PAUSED_UNTIL, DATE_RULE));
        return Optional.empty();
    }

    /** The one value of a field, trimmed; a repeated field is refused rather than guessed at. */
    private static Optional<String> single(Map<String, List<String>> fields, String name, List<ChoiceError> errors) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty()) return Optional.empty();
        if (values.size() > 1) {
            errors.add(new ChoiceError(name, ONCE_RULE));
            return Optional.empty();
        }
        return Optional.of(values.getFirst().trim());
    }

    private static Optional<Channel> channel(String wire) {
        return Arrays.stream(Channel.values()).filter(c -> c.wireName().equals(wire)).findFirst();
    }
}
