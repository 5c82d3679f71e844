package dev.winback.functions.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.QuietHours;
import dev.winback.core.preferences.ChannelOption;
import dev.winback.core.preferences.ChoiceError;
import dev.winback.core.preferences.PauseChoice;
import dev.winback.core.preferences.PreferenceChoices;
import dev.winback.core.preferences.PreferenceForm;
import dev.winback.core.preferences.PreferenceView;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON document both ways: what GET writes reads back as the same choices, and bad shapes are named. */
class PreferencesJsonTest {

    static final PreferenceView VIEW = new PreferenceView(categories(), List.of(
            new ChannelOption(Channel.EMAIL, true, false, Optional.empty()),
            new ChannelOption(Channel.PUSH, true, false, Optional.of("Turn notifications on in your settings."))),
            3, Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30))),
            Optional.of(LocalDate.of(2026, 12, 24)), ZoneId.of("Europe/Madrid"));

    @Test
    void whatGetWrites_readsBackAsTheSameChoices_readOnlyFieldsIgnored() throws Exception {
        String json = write(VIEW);
        assertThat(json).isEqualTo("""
                {"categories":{"promotions":false,"new_products":true,"order_updates":true,"reminders":true,\
                "surveys":true},"channels":{"email":true,"push":true},"maxPerWeek":3,\
                "quietHours":{"start":"22:00","end":"07:30"},"pausedUntil":"2026-12-24",\
                "unavailableChannels":{"push":"Turn notifications on in your settings."},"timezone":"Europe/Madrid"}""");

        PreferencesJson.Read.Fields fields = (PreferencesJson.Read.Fields) PreferencesJson.read(json);
        PreferenceForm.Submission read = PreferenceForm.read(fields.fields());

        assertThat(fields.errors()).isEmpty();
        assertThat(read.errors()).isEmpty();
        assertThat(read.choices()).isEqualTo(new PreferenceChoices(VIEW.categories(),
                Map.of(Channel.EMAIL, true, Channel.PUSH, true), Optional.of(3), VIEW.quietHours(),
                Optional.of(new PauseChoice.Until(LocalDate.of(2026, 12, 24)))));
    }

    @Test
    void nulls_meanNoQuietHoursAndResumeNow_andAbsentFieldsAreNotChoices() {
        PreferencesJson.Read.Fields fields = (PreferencesJson.Read.Fields) PreferencesJson.read(
                "{\"quietHours\": null, \"pausedUntil\": null}");

        assertThat(PreferenceForm.read(fields.fields()).choices()).isEqualTo(new PreferenceChoices(Map.of(), Map.of(),
                Optional.empty(), Optional.of(QuietHours.NONE), Optional.of(new PauseChoice.ResumeNow())));
        assertThat(PreferenceForm.read(((PreferencesJson.Read.Fields) PreferencesJson.read("{}")).fields())
                .choices().isEmpty()).isTrue();
    }

    @Test
    void wrongShapes_areNamedFieldByField() {
        PreferencesJson.Read.Fields fields = (PreferencesJson.Read.Fields) PreferencesJson.read("""
                {"categories": [], "channels": {"email": "yes"}, "maxPerWeek": "3", "quietHours": {"start": 2200,
                 "at": "x"}, "pausedUntil": 20261224, "language": "es"}""");

        assertThat(fields.errors()).extracting(ChoiceError::field).containsExactlyInAnyOrder("categories",
                "channels.email", "maxPerWeek", "quietHours.start", "quietHours.at", "pausedUntil", "language");
        assertThat(fields.fields()).isEmpty();
        assertThat(PreferencesJson.read("[1]")).isInstanceOf(PreferencesJson.Read.Unreadable.class);
        assertThat(PreferencesJson.read("{\"maxPerWeek\":1,\"maxPerWeek\":1}"))
                .isInstanceOf(PreferencesJson.Read.Unreadable.class);
        assertThat(PreferencesJson.read("")).isInstanceOf(PreferencesJson.Read.Unreadable.class);
    }

    private static Map<MessageCategory, Boolean> categories() {
        Map<MessageCategory, Boolean> categories = new EnumMap<>(MessageCategory.class);
        for (MessageCategory category : MessageCategory.values()) categories.put(category, category != MessageCategory.PROMOTIONS);
        return categories;
    }

    private static String write(PreferenceView view) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            PreferencesJson.write(g, view);
        }
        return out.toString();
    }
}
