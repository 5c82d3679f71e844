package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An identify's traits onto {@code profile_updated}: email, phone, birthday from the traits (Segment's
 * reserved trait names), locale and time zone from the traits or else the message's context (where
 * Segment's libraries put them). Other traits (name, address, plan...) are not part of the profile.
 */
final class SegmentTraits {

    static final String NOTHING_KEPT =
            "the identify carries no trait Winback keeps (email, phone, birthday, locale, timezone)";
    /** Segment's birthday is a date, often sent as a full ISO-8601 date-time: the date part is the birthday. */
    private static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T.*");

    private SegmentTraits() {
    }

    static Optional<CdpDraft> draft(JsonNode message) {
        JsonNode traits = message.path("traits");
        JsonNode context = message.path("context");
        CdpDraft draft = CdpDraft.of("profile_updated", Optional.empty())
                .with("email", traits.path("email"))
                .with("phone", traits.path("phone"))
                .with("birthday", birthday(traits.path("birthday")))
                .with("locale", CdpDraft.first(traits, "locale").isMissingNode() ? context.path("locale") : traits.path("locale"))
                .with("timezone", CdpDraft.first(traits, "timezone").isMissingNode() ? context.path("timezone")
                        : traits.path("timezone"));
        if (draft.properties().isEmpty()) return Optional.empty();
        return Optional.of(draft.naming(field -> {
            if (!field.startsWith("properties.")) return field;
            String name = field.substring("properties.".length());
            return (traits.has(name) ? "traits." : "context.") + name;
        }));
    }

    private static JsonNode birthday(JsonNode value) {
        if (value.isTextual() && DATE_TIME.matcher(value.textValue()).matches()) {
            return ContractJson.nodes().textNode(value.textValue().substring(0, 10));
        }
        return value;
    }
}
