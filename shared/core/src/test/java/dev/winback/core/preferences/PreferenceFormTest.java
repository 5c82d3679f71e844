package dev.winback.core.preferences;

import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.QuietHours;
import dev.winback.core.preferences.PreferenceForm.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each field of the form has its rule, and a broken field is named with it; the others still read. */
class PreferenceFormTest {

    record Case(String rule, Map<String, List<String>> fields, String field, String message) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Case> invalid() {
        return Stream.of(
                new Case("a toggle is on or off", Map.of("categories.promotions", List.of("yes")),
                        "categories.promotions", "must be on or off"),
                new Case("a category is one of the five", Map.of("categories.offers", List.of("on")),
                        "categories.offers", "is not a category; must be one of: promotions, new_products, "
                        + "order_updates, reminders, surveys"),
                new Case("a channel is known", Map.of("channels.fax", List.of("off")),
                        "channels.fax", "is not a channel; must be one of: email, sms, push, in_app, webhook"),
                new Case("the limit is at most the send log", Map.of("maxPerWeek", List.of("17")),
                        "maxPerWeek", PreferenceForm.MAX_PER_WEEK_RULE),
                new Case("the limit is a whole number", Map.of("maxPerWeek", List.of("2.5")),
                        "maxPerWeek", PreferenceForm.MAX_PER_WEEK_RULE),
                new Case("the limit is not negative", Map.of("maxPerWeek", List.of("-1")),
                        "maxPerWeek", PreferenceForm.MAX_PER_WEEK_RULE),
                new Case("the limit is given once", Map.of("maxPerWeek", List.of("1", "2")),
                        "maxPerWeek", "must be given once"),
                new Case("quiet hours are HH:MM", Map.of("quietHours.start", List.of("9pm"), "quietHours.end",
                        List.of("07:00")), "quietHours.start", PreferenceForm.TIME_RULE),
                new Case("quiet hours are 24-hour", Map.of("quietHours.start", List.of("22:00"), "quietHours.end",
                        List.of("24:00")), "quietHours.end", PreferenceForm.TIME_RULE),
                new Case("quiet hours come in pairs", Map.of("quietHours.start", List.of("22:00")),
                        "quietHours.end", "must be given with quietHours.start"),
                new Case("one empty end is not none", Map.of("quietHours.start", List.of(""), "quietHours.end",
                        List.of("07:00")), "quietHours.start", "must be given as well, or both left empty for no quiet hours"),
                new Case("equal ends are not a window", Map.of("quietHours.start", List.of("07:00"), "quietHours.end",
                        List.of("07:00")), "quietHours.end", "must differ from the start; leave both empty for no quiet hours"),
                new Case("the pause is a date", Map.of("pausedUntil", List.of("24/12/2026")),
                        "pausedUntil", PreferenceForm.DATE_RULE),
                new Case("the pause is a real date", Map.of("pausedUntil", List.of("2026-02-30")),
                        "pausedUntil", PreferenceForm.DATE_RULE),
                new Case("resume says now", Map.of("resume", List.of("later")), "resume", "must be now"),
                new Case("pause or resume, not both", Map.of("resume", List.of("now"), "pausedUntil",
                        List.of("2026-12-24")), "resume", "choose a date to pause until or to resume now, not both"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidField_isNamedWithItsRule_andNeverEchoed(Case c) {
        Submission submission = PreferenceForm.read(c.fields());

        assertThat(submission.errors()).containsExactly(new ChoiceError(c.field(), c.message()));
        assertThat(submission.valid()).isFalse();
    }

    @Test
    void theFormsFields_readAsChoices_aTickedBoxWinsOverItsHiddenOff() {
        Submission submission = PreferenceForm.read(Map.of(
                "categories.promotions", List.of("off"),
                "categories.order_updates", List.of("off", "on"),
                "channels.sms", List.of("off"),
                "channels.email", List.of("off", "on"),
                "maxPerWeek", List.of(" 3 "),
                "quietHours.start", List.of("22:00"), "quietHours.end", List.of("07:30"),
                "pausedUntil", List.of("2026-12-24"),
                "save", List.of("Save my choices")));

        assertThat(submission.errors()).isEmpty();
        assertThat(submission.choices()).isEqualTo(new PreferenceChoices(
                Map.of(MessageCategory.PROMOTIONS, false, MessageCategory.ORDER_UPDATES, true),
                Map.of(Channel.SMS, false, Channel.EMAIL, true), Optional.of(3),
                Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30))),
                Optional.of(new PauseChoice.Until(LocalDate.of(2026, 12, 24)))));
    }

    @Test
    void emptyFields_meanNoQuietHoursAndNoNewPause_andNothingSubmittedIsNothing() {
        assertThat(PreferenceForm.read(Map.of("quietHours.start", List.of(""), "quietHours.end", List.of(""),
                "pausedUntil", List.of(""))).choices())
                .isEqualTo(new PreferenceChoices(Map.of(), Map.of(), Optional.empty(), Optional.of(QuietHours.NONE),
                        Optional.empty()));
        assertThat(PreferenceForm.read(Map.of()).choices().isEmpty()).isTrue();
        assertThat(PreferenceForm.read(Map.of("resume", List.of("now"))).choices().pause())
                .contains(new PauseChoice.ResumeNow());
    }
}
