package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.campaign.Campaign;
import dev.winback.core.campaign.CampaignSchedule;
import dev.winback.core.campaign.CampaignState;
import dev.winback.core.campaign.ManageCampaigns;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.FieldError;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A campaign as JSON: the body of {@code POST /v1/campaigns} (every invalid field named at once),
 * the stored definition, and the progress {@code GET /v1/campaigns/{id}} shows.
 *
 * <pre>{"id": "winter-sale-2026", "segmentId": "premium-cancelled", "templateId": "winter-sale",
 *  "channels": ["email", "push"], "purpose": "marketing", "category": "promotions",
 *  "localTime": "2026-12-08T10:00", "ratePerSecond": 50, "testRecipients": ["c-staff-1"]}</pre>
 */
public final class CampaignJson {

    static final List<String> FIELDS = List.of("id", "segmentId", "templateId", "channels", "purpose", "category",
            "localTime", "ratePerSecond", "testRecipients");
    static final TextRule ID = TextRule.of(64, TextRule.Shape.matching(Campaign.ID.pattern(),
            "must be lower-case letters, digits and dashes, starting with a letter or digit"));
    static final TextRule LOCAL_TIME = TextRule.of(19, TextRule.Shape.matching(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$",
            "must be a local date-time such as 2026-12-08T10:00 (no offset: each customer's own time)"));
    private static final Choices<Channel> CHANNELS = Choices.of(Arrays.asList(Channel.values()), Channel::wireName);
    private static final Choices<Purpose> PURPOSES = Choices.of(Arrays.asList(Purpose.values()), Purpose::wireName);
    private static final Choices<MessageCategory> CATEGORIES =
            Choices.of(Arrays.asList(MessageCategory.values()), MessageCategory::wireName);
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    private CampaignJson() {
    }

    /** A campaign read from a request body, or every problem with it. */
    public sealed interface Reading {
        record Read(Campaign campaign) implements Reading {
        }

        record Invalid(List<FieldError> errors) implements Reading {
        }
    }

    public static Reading read(JsonNode body) {
        FieldReader fields = new FieldReader();
        if (fields.object(body, FieldError.WHOLE_DOCUMENT) == null) return new Reading.Invalid(fields.errors());
        fields.rejectUnknown(body, "", FIELDS, "is not a campaign field");
        String id = fields.text(body, "", "id", ID);
        String segmentId = fields.text(body, "", "segmentId", ID);
        String templateId = fields.text(body, "", "templateId", ID);
        List<Channel> channels = list(fields, body, "channels", 5, (value, field) -> fields.choiceAt(value, field, CHANNELS));
        Purpose purpose = fields.choice(body, "", "purpose", PURPOSES);
        Optional<MessageCategory> category = fields.optionalChoice(body, "", "category", CATEGORIES);
        CampaignSchedule schedule = schedule(fields, body);
        Integer rate = body.has("ratePerSecond")
                ? fields.wholeNumber(body, "", "ratePerSecond", 1, Campaign.MAX_RATE_PER_SECOND) : Integer.valueOf(DEFAULT_RATE);
        List<String> testRecipients = list(fields, body, "testRecipients", Campaign.MAX_TEST_RECIPIENTS,
                (value, field) -> textAt(fields, value, field));
        if (channels != null && channels.stream().distinct().count() != channels.size()) {
            fields.reject("channels", "must not name a channel twice");
        }
        if (fields.failed()) return new Reading.Invalid(fields.errors());
        return new Reading.Read(new Campaign(id, segmentId, templateId, channels, purpose,
                category.orElse(purpose == Purpose.TRANSACTIONAL ? MessageCategory.ORDER_UPDATES : MessageCategory.PROMOTIONS),
                schedule, rate, testRecipients));
    }

    /** Without a rate: a few thousand messages a minute, well inside SES's and SNS's default quotas. */
    static final int DEFAULT_RATE = 50;

    private static CampaignSchedule schedule(FieldReader fields, JsonNode body) {
        Optional<String> local = fields.optionalText(body, "", "localTime", LOCAL_TIME);
        if (local.isEmpty()) return new CampaignSchedule.AtOnce();
        try {
            return new CampaignSchedule.AtLocalTime(LocalDateTime.parse(local.get()));
        } catch (DateTimeException e) {
            fields.reject("localTime", "is not a date and time of day that exists");
            return null;
        }
    }

    private interface Element<T> {
        T read(JsonNode value, String field);
    }

    /** An optional array of at most {@code max} elements, each read by {@code element}; empty when absent. */
    private static <T> List<T> list(FieldReader fields, JsonNode body, String name, int max, Element<T> element) {
        JsonNode array = body.get(name);
        if (array == null) return List.of();
        if (!array.isArray()) {
            fields.reject(name, "must be an array");
            return null;
        }
        if (array.size() > max) {
            fields.reject(name, "must have at most " + max + " elements");
            return null;
        }
        List<T> read = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) read.add(element.read(array.get(i), FieldReader.element(name, i)));
        return read.contains(null) ? null : read;
    }

    private static String textAt(FieldReader fields, JsonNode value, String field) {
        if (!value.isTextual() || !ContractRules.CUSTOMER_ID.accepts(value.textValue())) {
            fields.reject(field, "must be a customer id");
            return null;
        }
        return value.textValue();
    }

    // ---- the stored definition

    public static String definition(Campaign campaign) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeDefinition(g, campaign);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a campaign", e);
        }
        return out.toString();
    }

    public static Campaign readDefinition(String json) {
        try {
            Reading reading = read(TREE.readTree(json));
            if (reading instanceof Reading.Read read) return read.campaign();
            throw new IllegalStateException("a stored campaign does not read: " + ((Reading.Invalid) reading).errors());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a stored campaign", e);
        }
    }

    static void writeDefinition(JsonGenerator g, Campaign c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("segmentId", c.segmentId());
        g.writeStringField("templateId", c.templateId());
        g.writeArrayFieldStart("channels");
        for (Channel channel : c.channels()) g.writeString(channel.wireName());
        g.writeEndArray();
        g.writeStringField("purpose", c.purpose().wireName());
        g.writeStringField("category", c.category().wireName());
        if (c.schedule().localSendTime().isPresent()) {
            g.writeStringField("localTime", c.schedule().localSendTime().get().toString());
        }
        g.writeNumberField("ratePerSecond", c.ratePerSecond());
        g.writeArrayFieldStart("testRecipients");
        for (String recipient : c.testRecipients()) g.writeString(recipient);
        g.writeEndArray();
        g.writeEndObject();
    }

    // ---- the API's view

    /**
     * The campaign, where its run stands, and its delivery decisions counted by kind and reason:
     * {@code "decisions": {"sent": {"accepted": 4210}, "skipped": {"no_consent": 512}, …}}.
     */
    public static void writeProgress(JsonGenerator g, ManageCampaigns.Progress progress) throws IOException {
        CampaignState state = progress.state();
        g.writeStartObject();
        g.writeStringField("id", state.id());
        g.writeStringField("status", state.status().wireName());
        g.writeFieldName("campaign");
        writeDefinition(g, state.campaign());
        g.writeNumberField("handedOver", state.handedOver());
        g.writeStringField("createdAt", state.createdAt().toString());
        g.writeStringField("updatedAt", state.updatedAt().toString());
        if (state.sendingSince().isPresent()) g.writeStringField("sendingSince", state.sendingSince().get().toString());
        Map<String, Map<String, Long>> byKind = new TreeMap<>();
        progress.decisions().forEach((counter, count) -> {
            int colon = counter.indexOf(':');
            String kind = colon < 0 ? counter : counter.substring(0, colon);
            String reason = colon < 0 ? "" : counter.substring(colon + 1);
            byKind.computeIfAbsent(kind, k -> new TreeMap<>()).put(reason, count);
        });
        g.writeObjectFieldStart("decisions");
        for (Map.Entry<String, Map<String, Long>> kind : byKind.entrySet()) {
            g.writeObjectFieldStart(kind.getKey());
            for (Map.Entry<String, Long> reason : kind.getValue().entrySet()) g.writeNumberField(reason.getKey(), reason.getValue());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
