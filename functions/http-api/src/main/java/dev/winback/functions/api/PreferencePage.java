package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.mustache.MustachePages.Page;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.QuietHours;
import dev.winback.core.preferences.ChannelOption;
import dev.winback.core.preferences.ChoiceError;
import dev.winback.core.preferences.PauseChoice;
import dev.winback.core.preferences.PreferenceChoices;
import dev.winback.core.preferences.PreferenceForm;
import dev.winback.core.preferences.PreferenceView;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preference centre page's view (template {@code winback/pages/preferences.mustache}): one
 * fieldset per group, a label for every control, no JavaScript. Each checkbox follows a hidden
 * "off" of the same name, so an unticked box still says off and a channel the page did not show is
 * left alone. After a refused submission the page keeps what was submitted where it was valid and
 * names each error next to its field (and in a summary, for fields the page does not show). Labels
 * are keyed ({@code label: {email: true}}) so that each locale's template words them.
 */
final class PreferencePage {

    /** What the page says above the form after a save. */
    enum Notice { NONE, SAVED, UNCHANGED }

    private final LinkPages pages;

    PreferencePage(LinkPages pages) {
        this.pages = pages;
    }

    /** The page with the record's choices and, after saving, a notice. */
    APIGatewayV2HTTPResponse show(APIGatewayV2HTTPEvent request, PreferenceView view, Notice notice, Instant now) {
        Map<String, Object> model = form(view, PreferenceChoices.NOTHING, List.of(), now);
        model.put("notice", notice == Notice.NONE ? false
                : Map.of("saved", notice == Notice.SAVED, "unchanged", notice == Notice.UNCHANGED));
        model.put("refused", false);
        return pages.page(200, Page.PREFERENCES, request, model);
    }

    /** The page after a refused submission: nothing was saved. */
    APIGatewayV2HTTPResponse refused(APIGatewayV2HTTPEvent request, PreferenceView view, PreferenceChoices submitted,
                                     List<ChoiceError> errors, Instant now) {
        Map<String, Object> model = form(view, submitted, errors, now);
        model.put("notice", false);
        model.put("refused", Map.of("oneError", errors.size() == 1, "errorCount", String.valueOf(errors.size()),
                "summary", errors.stream().map(e -> Map.of("label", label(e.field()), "message", e.message())).toList()));
        return pages.page(400, Page.PREFERENCES, request, model);
    }

    APIGatewayV2HTTPResponse notFound(APIGatewayV2HTTPEvent request) {
        return pages.page(404, Page.PREFERENCES_INVALID, request);
    }

    APIGatewayV2HTTPResponse unreadable(APIGatewayV2HTTPEvent request) {
        return pages.page(400, Page.PREFERENCES_UNREADABLE, request);
    }

    APIGatewayV2HTTPResponse tryAgain(APIGatewayV2HTTPEvent request) {
        return pages.page(503, Page.PREFERENCES_TRY_AGAIN, request);
    }

    private static Map<String, Object> form(PreferenceView view, PreferenceChoices submitted, List<ChoiceError> errors,
                                            Instant now) {
        Map<String, Object> model = new HashMap<>();
        List<Map<String, Object>> categories = new ArrayList<>();
        for (MessageCategory category : MessageCategory.values()) {
            String name = PreferenceForm.CATEGORY_PREFIX + category.wireName();
            categories.add(checkbox(name, category.wireName(),
                    submitted.categories().getOrDefault(category, view.categories().get(category)), errors));
        }
        model.put("categories", categories);
        List<Map<String, Object>> channels = new ArrayList<>();
        for (ChannelOption option : view.channels()) {
            String name = PreferenceForm.CHANNEL_PREFIX + option.channel().wireName();
            Map<String, Object> item = checkbox(name, option.channel().wireName(),
                    option.unavailable().isEmpty() && submitted.channels().getOrDefault(option.channel(), option.on()),
                    errors);
            item.put("unavailable", option.unavailable().orElse(""));
            channels.add(item);
        }
        model.put("channels", channels);
        Map<String, Object> frequency = control(PreferenceForm.MAX_PER_WEEK, errors);
        int chosen = submitted.maxPerWeek().orElse(view.maxPerWeek());
        List<Map<String, Object>> options = new ArrayList<>();
        for (int limit = 0; limit <= PreferenceChoices.MAX_PER_WEEK; limit++) {
            options.add(Map.of("value", String.valueOf(limit), "selected", limit == chosen, "noLimit", limit == 0));
        }
        frequency.put("options", options);
        model.put("frequency", frequency);
        Optional<QuietHours> hours = submitted.quietHours()
                .map(h -> h.isNone() ? Optional.<QuietHours>empty() : Optional.of(h)).orElse(view.quietHours());
        model.put("zone", zoneName(view.zone()));
        model.put("quietFrom", time(PreferenceForm.QUIET_START, hours.map(QuietHours::start), errors));
        model.put("quietUntil", time(PreferenceForm.QUIET_END, hours.map(QuietHours::end), errors));
        model.put("resumeNow", view.pausedUntil().<Object>map(day -> {
            Map<String, Object> resume = control(PreferenceForm.RESUME, errors);
            resume.put("pausedUntilDay", day);
            return resume;
        }).orElse(false));
        LocalDate today = now.atZone(view.zone()).toLocalDate();
        Optional<LocalDate> pauseChosen = submitted.pause().orElse(null) instanceof PauseChoice.Until until
                ? Optional.of(until.lastDay()) : view.pausedUntil();
        Map<String, Object> pause = control(PreferenceForm.PAUSED_UNTIL, errors);
        pause.put("min", today.plusDays(1).toString());
        pause.put("max", today.plusYears(1).toString());
        pause.put("value", pauseChosen.map(LocalDate::toString).orElse(""));
        model.put("pauseUntil", pause);
        return model;
    }

    private static Map<String, Object> checkbox(String name, String labelKey, boolean checked, List<ChoiceError> errors) {
        Map<String, Object> item = control(name, errors);
        item.put("label", Map.of(labelKey, true));
        item.put("checked", checked);
        return item;
    }

    private static Map<String, Object> time(String name, Optional<LocalTime> value, List<ChoiceError> errors) {
        Map<String, Object> item = control(name, errors);
        item.put("value", value.map(Object::toString).orElse(""));
        return item;
    }

    /** A control's name and its errors ("" for none), which mark it invalid and point it at them. */
    private static Map<String, Object> control(String name, List<ChoiceError> errors) {
        Map<String, Object> item = new HashMap<>();
        item.put("name", name);
        item.put("error", String.join("; ", errors.stream().filter(e -> e.field().equals(name))
                .map(ChoiceError::message).toList()));
        return item;
    }

    /** The key of a field's name in the customer's words, for the summary. */
    private static Map<String, Object> label(String field) {
        if (field.startsWith(PreferenceForm.CATEGORY_PREFIX)) {
            return Map.of(MessageCategory.byWireName(field.substring(PreferenceForm.CATEGORY_PREFIX.length()))
                    .map(MessageCategory::wireName).orElse("someCategory"), true);
        }
        if (field.startsWith(PreferenceForm.CHANNEL_PREFIX)) {
            String wire = field.substring(PreferenceForm.CHANNEL_PREFIX.length());
            for (Channel channel : Channel.values()) if (channel.wireName().equals(wire)) return Map.of(wire, true);
            return Map.of("someChannel", true);
        }
        return Map.of(switch (field) {
            case PreferenceForm.MAX_PER_WEEK -> "maxPerWeek";
            case PreferenceForm.QUIET_START -> "quietStart";
            case PreferenceForm.QUIET_END -> "quietEnd";
            case PreferenceForm.PAUSED_UNTIL -> "pausedUntil";
            case PreferenceForm.RESUME -> "resume";
            default -> "someChoice";
        }, true);
    }

    static String zoneName(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
