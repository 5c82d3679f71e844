package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HtmlPages;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The preference centre as a plain HTML page: one fieldset with a legend per group, a label for
 * every control, no JavaScript. Each checkbox follows a hidden "off" of the same name, so an
 * unticked box still says off and a channel the page did not show is left alone. After a
 * refused submission the page keeps what was submitted where it was valid and names each error
 * next to its field (and in a summary, for fields the page does not show).
 */
final class PreferencePage {

    static final String TITLE = "Your message preferences";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private PreferencePage() {
    }

    /** The page with the record's choices and, after saving, a notice. */
    static APIGatewayV2HTTPResponse show(PreferenceView view, Optional<String> notice, Instant now) {
        return HtmlPages.page(200, TITLE, notice.map(n -> "<p role=\"status\">" + HtmlPages.escape(n) + "</p>\n")
                .orElse("") + form(view, PreferenceChoices.NOTHING, List.of(), now));
    }

    /** The page after a refused submission: nothing was saved. */
    static APIGatewayV2HTTPResponse refused(PreferenceView view, PreferenceChoices submitted, List<ChoiceError> errors,
                                            Instant now) {
        StringBuilder summary = new StringBuilder("<div role=\"alert\">\n<p>Nothing was saved. Please correct "
                + (errors.size() == 1 ? "this choice" : "these " + errors.size() + " choices") + ":</p>\n<ul>\n");
        for (ChoiceError error : errors) {
            summary.append("<li>").append(HtmlPages.escape(describe(error.field()))).append(": ")
                    .append(HtmlPages.escape(error.message())).append("</li>\n");
        }
        summary.append("</ul>\n</div>\n");
        return HtmlPages.page(400, TITLE, summary + form(view, submitted, errors, now));
    }

    static APIGatewayV2HTTPResponse notFound() {
        return HtmlPages.page(404, "This link does not work",
                "<p>This link to your message preferences is not valid or has expired. Use the link in a more "
                        + "recent message, or contact us and we will change your preferences for you.</p>");
    }

    static APIGatewayV2HTTPResponse unreadable() {
        return HtmlPages.page(400, TITLE,
                "<p>This request did not come from the preferences page. Open the link again and save from there.</p>");
    }

    static APIGatewayV2HTTPResponse tryAgain() {
        return HtmlPages.page(503, "Please try again",
                "<p>We could not save your choices just now. Please try again in a minute.</p>");
    }

    private static String form(PreferenceView view, PreferenceChoices submitted, List<ChoiceError> errors, Instant now) {
        StringBuilder html = new StringBuilder("<form method=\"post\">\n");
        categories(html, view, submitted, errors);
        channels(html, view, submitted, errors);
        frequency(html, view, submitted, errors);
        quietHours(html, view, submitted, errors);
        pause(html, view, submitted, errors, now);
        html.append("<button type=\"submit\">Save my choices</button>\n</form>\n");
        return html.toString();
    }

    private static void categories(StringBuilder html, PreferenceView view, PreferenceChoices submitted,
                                   List<ChoiceError> errors) {
        html.append("<fieldset>\n<legend>What we send you</legend>\n");
        for (MessageCategory category : MessageCategory.values()) {
            String name = PreferenceForm.CATEGORY_PREFIX + category.wireName();
            boolean on = submitted.categories().getOrDefault(category, view.categories().get(category));
            checkbox(html, name, category.label(), on, errors);
        }
        html.append("<p>Updates about your orders include delivery news for things you bought; untick them only if "
                + "you want none.</p>\n</fieldset>\n");
    }

    private static void channels(StringBuilder html, PreferenceView view, PreferenceChoices submitted,
                                 List<ChoiceError> errors) {
        html.append("<fieldset>\n<legend>How we reach you</legend>\n");
        if (view.channels().isEmpty()) {
            html.append("<p>We have no way to send you marketing messages.</p>\n");
        }
        for (ChannelOption option : view.channels()) {
            String name = PreferenceForm.CHANNEL_PREFIX + option.channel().wireName();
            if (option.unavailable().isPresent()) {
                html.append("<p><strong>").append(HtmlPages.escape(label(option.channel())))
                        .append(":</strong> not available. ").append(HtmlPages.escape(option.unavailable().get()))
                        .append("</p>\n");
                errorsOf(html, name, errors);
            } else {
                checkbox(html, name, label(option.channel()),
                        submitted.channels().getOrDefault(option.channel(), option.on()), errors);
            }
        }
        html.append("<p>Unticking a channel withdraws your consent to marketing on it; ticking it gives your consent. "
                + "We keep a record of both. Messages about your orders and account are not affected.</p>\n"
                + "</fieldset>\n");
    }

    private static void frequency(StringBuilder html, PreferenceView view, PreferenceChoices submitted,
                                  List<ChoiceError> errors) {
        String name = PreferenceForm.MAX_PER_WEEK;
        int chosen = submitted.maxPerWeek().orElse(view.maxPerWeek());
        html.append("<fieldset>\n<legend>How often</legend>\n<label for=\"").append(name)
                .append("\">At most this many marketing messages a week</label>\n<select id=\"").append(name)
                .append("\" name=\"").append(name).append('"').append(invalid(name, errors)).append(">\n");
        for (int limit = 0; limit <= PreferenceChoices.MAX_PER_WEEK; limit++) {
            html.append("<option value=\"").append(limit).append('"').append(limit == chosen ? " selected" : "")
                    .append('>').append(limit == 0 ? "No limit of my own" : String.valueOf(limit)).append("</option>\n");
        }
        html.append("</select>\n");
        errorsOf(html, name, errors);
        html.append("</fieldset>\n");
    }

    private static void quietHours(StringBuilder html, PreferenceView view, PreferenceChoices submitted,
                                   List<ChoiceError> errors) {
        Optional<QuietHours> hours = submitted.quietHours()
                .map(h -> h.isNone() ? Optional.<QuietHours>empty() : Optional.of(h)).orElse(view.quietHours());
        html.append("<fieldset>\n<legend>Quiet hours</legend>\n<p id=\"quietHours-hint\">No text messages or "
                        + "notifications between these times, in your time zone (")
                .append(HtmlPages.escape(zoneName(view.zone())))
                .append("). Use HH:MM, such as 21:00. Leave both empty for no quiet hours.</p>\n");
        timeInput(html, PreferenceForm.QUIET_START, "From", hours.map(QuietHours::start), errors);
        timeInput(html, PreferenceForm.QUIET_END, "Until", hours.map(QuietHours::end), errors);
        html.append("</fieldset>\n");
    }

    private static void pause(StringBuilder html, PreferenceView view, PreferenceChoices submitted,
                              List<ChoiceError> errors, Instant now) {
        LocalDate today = now.atZone(view.zone()).toLocalDate();
        Optional<LocalDate> chosen = submitted.pause().orElse(null) instanceof PauseChoice.Until until
                ? Optional.of(until.lastDay()) : view.pausedUntil();
        html.append("<fieldset>\n<legend>Pause</legend>\n");
        if (view.pausedUntil().isPresent()) {
            html.append("<p>Marketing messages are paused until the end of ")
                    .append(DAY.format(view.pausedUntil().get())).append(".</p>\n");
            String name = PreferenceForm.RESUME;
            html.append("<input type=\"checkbox\" id=\"").append(name).append("\" name=\"").append(name)
                    .append("\" value=\"").append(PreferenceForm.NOW).append('"').append(invalid(name, errors))
                    .append(">\n<label for=\"").append(name).append("\">Resume messages now</label>\n");
            errorsOf(html, name, errors);
        }
        String name = PreferenceForm.PAUSED_UNTIL;
        html.append("<label for=\"").append(name).append("\">Pause all marketing messages until the end of this day "
                        + "(YYYY-MM-DD, at most a year ahead)</label>\n<input type=\"date\" id=\"").append(name)
                .append("\" name=\"").append(name).append("\" min=\"").append(today.plusDays(1)).append("\" max=\"")
                .append(today.plusYears(1)).append("\" value=\"").append(chosen.map(LocalDate::toString).orElse(""))
                .append('"').append(invalid(name, errors)).append(">\n");
        errorsOf(html, name, errors);
        html.append("</fieldset>\n");
    }

    private static void checkbox(StringBuilder html, String name, String label, boolean checked,
                                 List<ChoiceError> errors) {
        html.append("<div>\n<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                .append(PreferenceForm.OFF).append("\">\n<input type=\"checkbox\" id=\"").append(name)
                .append("\" name=\"").append(name).append("\" value=\"").append(PreferenceForm.ON).append('"')
                .append(checked ? " checked" : "").append(invalid(name, errors)).append(">\n<label for=\"")
                .append(name).append("\">").append(HtmlPages.escape(label)).append("</label>\n");
        errorsOf(html, name, errors);
        html.append("</div>\n");
    }

    private static void timeInput(StringBuilder html, String name, String label, Optional<java.time.LocalTime> value,
                                  List<ChoiceError> errors) {
        html.append("<label for=\"").append(name).append("\">").append(label).append("</label>\n<input type=\"time\" id=\"")
                .append(name).append("\" name=\"").append(name).append("\" value=\"")
                .append(value.map(Object::toString).orElse("")).append("\" aria-describedby=\"quietHours-hint")
                .append(errors.stream().anyMatch(e -> e.field().equals(name)) ? " " + name + "-error" : "")
                .append('"').append(errors.stream().anyMatch(e -> e.field().equals(name)) ? " aria-invalid=\"true\"" : "")
                .append(">\n");
        errorsOf(html, name, errors);
    }

    /** Marks a control invalid and points it at its error message. */
    private static String invalid(String name, List<ChoiceError> errors) {
        return errors.stream().anyMatch(e -> e.field().equals(name))
                ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "";
    }

    private static void errorsOf(StringBuilder html, String name, List<ChoiceError> errors) {
        List<String> messages = errors.stream().filter(e -> e.field().equals(name)).map(ChoiceError::message).toList();
        if (messages.isEmpty()) return;
        html.append("<p id=\"").append(name).append("-error\"><strong>Error:</strong> ")
                .append(HtmlPages.escape(String.join("; ", messages))).append("</p>\n");
    }

    /** A field's name in the customer's words, for the summary. */
    private static String describe(String field) {
        if (field.startsWith(PreferenceForm.CATEGORY_PREFIX)) {
            return MessageCategory.byWireName(field.substring(PreferenceForm.CATEGORY_PREFIX.length()))
                    .map(MessageCategory::label).orElse("A message category");
        }
        if (field.startsWith(PreferenceForm.CHANNEL_PREFIX)) {
            String wire = field.substring(PreferenceForm.CHANNEL_PREFIX.length());
            for (Channel channel : Channel.values()) if (channel.wireName().equals(wire)) return label(channel);
            return "A channel";
        }
        return switch (field) {
            case PreferenceForm.MAX_PER_WEEK -> "Messages a week";
            case PreferenceForm.QUIET_START -> "Quiet hours from";
            case PreferenceForm.QUIET_END -> "Quiet hours until";
            case PreferenceForm.PAUSED_UNTIL -> "Pause until";
            case PreferenceForm.RESUME -> "Resume now";
            default -> "A choice";
        };
    }

    static String label(Channel channel) {
        return switch (channel) {
            case EMAIL -> "Email";
            case SMS -> "Text messages (SMS)";
            case PUSH -> "Push notifications";
            case IN_APP -> "Messages in our app";
            case WEBHOOK -> "Messenger apps (such as WhatsApp)";
        };
    }

    static String zoneName(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
