package dev.winback.functions.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.preferences.ChannelOption;
import dev.winback.core.preferences.ChoiceError;
import dev.winback.core.preferences.PreferenceForm;
import dev.winback.core.preferences.PreferenceView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The preference centre's choices as JSON, the same document both ways: GET answers it and PUT
 * takes it back, whole or in part (an absent field is left alone). Read by flattening it to the
 * form's field names, so the page and the JSON share one set of rules and field names.
 *
 * <pre>
 * {"categories": {"promotions": true, "new_products": true, "order_updates": true, "reminders": false, "surveys": true},
 *  "channels": {"email": true, "sms": false},
 *  "maxPerWeek": 0,
 *  "quietHours": {"start": "21:00", "end": "08:00"},   // or null for none
 *  "pausedUntil": "2026-12-24",                        // the last day without marketing; null resumes now
 *  "unavailableChannels": {"push": "…"},               // read-only
 *  "timezone": "Europe/Madrid"}                        // read-only
 * </pre>
 */
final class PreferencesJson {

    /** Far above any real document (five categories, five channels). */
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final String CATEGORIES = "categories";
    static final String CHANNELS = "channels";
    static final String QUIET_HOURS = "quietHours";
    static final String UNAVAILABLE = "unavailableChannels";
    static final String TIMEZONE = "timezone";
    /** What GET adds for the reader; PUT accepts and ignores them, so a GET body can be sent back. */
    private static final Set<String> READ_ONLY = Set.of(UNAVAILABLE, TIMEZONE);

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private PreferencesJson() {
    }

    /** A body read as form fields, or the problems that kept it from being read at all. */
    sealed interface Read {
        record Fields(Map<String, List<String>> fields, List<ChoiceError> errors) implements Read { }

        record Unreadable(String detail) implements Read { }
    }

    static void write(JsonGenerator g, PreferenceView view) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart(CATEGORIES);
        for (Map.Entry<MessageCategory, Boolean> category : view.categories().entrySet()) {
            g.writeBooleanField(category.getKey().wireName(), category.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart(CHANNELS);
        for (ChannelOption option : view.channels()) g.writeBooleanField(option.channel().wireName(), option.on());
        g.writeEndObject();
        g.writeNumberField(PreferenceForm.MAX_PER_WEEK, view.maxPerWeek());
        if (view.quietHours().isPresent()) {
            g.writeObjectFieldStart(QUIET_HOURS);
            g.writeStringField("start", view.quietHours().get().start().toString());
            g.writeStringField("end", view.quietHours().get().end().toString());
            g.writeEndObject();
        } else {
            g.writeNullField(QUIET_HOURS);
        }
        if (view.pausedUntil().isPresent()) {
            g.writeStringField(PreferenceForm.PAUSED_UNTIL, view.pausedUntil().get().toString());
        } else {
            g.writeNullField(PreferenceForm.PAUSED_UNTIL);
        }
        g.writeObjectFieldStart(UNAVAILABLE);
        for (ChannelOption option : view.channels()) {
            if (option.unavailable().isPresent()) {
                g.writeStringField(option.channel().wireName(), option.unavailable().get());
            }
        }
        g.writeEndObject();
        g.writeStringField(TIMEZONE, PreferencePage.zoneName(view.zone()));
        g.writeEndObject();
    }

    static Read read(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new Read.Unreadable("the body is not valid JSON (or repeats a key)");
        }
        if (root == null || !root.isObject()) return new Read.Unreadable("the body must be a JSON object");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<ChoiceError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            switch (name) {
                case CATEGORIES -> toggles(value, CATEGORIES, PreferenceForm.CATEGORY_PREFIX, fields, errors);
                case CHANNELS -> toggles(value, CHANNELS, PreferenceForm.CHANNEL_PREFIX, fields, errors);
                case PreferenceForm.MAX_PER_WEEK -> {
                    if (value.isNumber() && value.canConvertToExactIntegral()) {
                        fields.put(name, List.of(value.bigIntegerValue().toString()));
                    } else {
                        errors.add(new ChoiceError(name, PreferenceForm.MAX_PER_WEEK_RULE));
                    }
                }
                case QUIET_HOURS -> quietHours(value, fields, errors);
                case PreferenceForm.PAUSED_UNTIL -> {
                    if (value.isNull()) fields.put(PreferenceForm.RESUME, List.of(PreferenceForm.NOW));
                    else if (value.isTextual()) fields.put(name, List.of(value.textValue()));
                    else errors.add(new ChoiceError(name, PreferenceForm.DATE_RULE + ", or null to resume now"));
                }
                default -> {
                    if (!READ_ONLY.contains(name)) errors.add(new ChoiceError(name, "is not a preference"));
                }
            }
        }
        return new Read.Fields(fields, errors);
    }

    private static void toggles(JsonNode value, String field, String prefix, Map<String, List<String>> fields,
                                List<ChoiceError> errors) {
        if (!value.isObject()) {
            errors.add(new ChoiceError(field, "must be an object of names to true or false"));
            return;
        }
        for (Map.Entry<String, JsonNode> toggle : value.properties()) {
            String name = prefix + toggle.getKey();
            if (toggle.getValue().isBoolean()) {
                fields.put(name, List.of(toggle.getValue().booleanValue() ? PreferenceForm.ON : PreferenceForm.OFF));
            } else {
                errors.add(new ChoiceError(name, "must be true or false"));
            }
        }
    }

    private static void quietHours(JsonNode value, Map<String, List<String>> fields, List<ChoiceError> errors) {
        if (value.isNull()) {
            fields.put(PreferenceForm.QUIET_START, List.of(""));
            fields.put(PreferenceForm.QUIET_END, List.of(""));
            return;
        }
        if (!value.isObject()) {
            errors.add(new ChoiceError(QUIET_HOURS, "must be an object with start and end, or null for none"));
            return;
        }
        Map<String, List<String>> ends = new LinkedHashMap<>();
        List<ChoiceError> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> end : value.properties()) {
            String name = QUIET_HOURS + "." + end.getKey();
            if (!name.equals(PreferenceForm.QUIET_START) && !name.equals(PreferenceForm.QUIET_END)) {
                problems.add(new ChoiceError(name, "is not a field of quiet hours"));
            } else if (end.getValue().isTextual()) {
                ends.put(name, List.of(end.getValue().textValue()));
            } else {
                problems.add(new ChoiceError(name, PreferenceForm.TIME_RULE));
            }
        }
        if (ends.isEmpty() && problems.isEmpty()) problems.add(new ChoiceError(PreferenceForm.QUIET_START, "is required"));
        // Only a well-formed pair goes on to the form's rules, so no field is named twice.
        if (problems.isEmpty()) fields.putAll(ends);
        else errors.addAll(problems);
    }
}
