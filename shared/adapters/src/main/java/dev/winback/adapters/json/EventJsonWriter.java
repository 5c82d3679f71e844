package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.MessageCategory;
import java.util.List;
import java.util.Optional;

/**
 * Writes domain events as contract v1 JSON, so that demos, tests and benchmarks feed the real ingest
 * path. {@code parse(write(e))} equals {@code e} for every event the parser can produce. The writer
 * does not validate: an event that breaks the contract (a blank id, an empty profile update) is
 * written as it is and refused when read back.
 */
public final class EventJsonWriter {

    public ObjectNode toNode(EngagementEvent event) {
        ObjectNode json = ContractJson.nodes().objectNode();
        json.put("eventId", event.eventId());
        json.put("customerId", event.customerId());
        json.put("type", event.type());
        json.put("occurredAt", event.occurredAt().toString());
        event.platform().ifPresent(platform -> json.put("platform", platform.wireName()));
        writeProperties(event.payload(), json.putObject("properties"));
        return json;
    }

    public String toJson(EngagementEvent event) {
        return ContractJson.write(toNode(event));
    }

    /** The HTTP API body {@code {"events": [...]}}; splitting into batches of 500 is the caller's job. */
    public String toRequestBody(List<EngagementEvent> events) {
        ObjectNode body = ContractJson.nodes().objectNode();
        ArrayNode array = body.putArray(EventsRequestParser.EVENTS);
        events.forEach(event -> array.add(toNode(event)));
        return ContractJson.write(body);
    }

    private static void writeProperties(EventPayload payload, ObjectNode p) {
        switch (payload) {
            case EventPayload.SessionStarted s -> p.put("platform", s.platform().wireName());
            case EventPayload.StoreVisited s -> p.put("storeId", s.storeId());
            case EventPayload.PurchaseCompleted s -> {
                p.put("orderId", s.orderId());
                p.put("amount", s.amount());
                p.put("currency", s.currency());
                ArrayNode items = p.putArray("items");
                s.items().forEach(item -> writeLineItem(item, items.addObject()));
            }
            case EventPayload.OrderStatusChanged s -> {
                p.put("orderId", s.orderId());
                p.put("status", s.status());
            }
            case EventPayload.MessageSent s -> {
                writeMessage(s.messageId(), s.channel(), p);
                s.purpose().ifPresent(purpose -> p.put("purpose", purpose.wireName()));
            }
            case EventPayload.MessageFeedback s -> writeMessage(s.messageId(), s.channel(), p);
            case EventPayload.PushPermissionChanged s -> p.put("granted", s.granted());
            case EventPayload.EmailSubscriptionChanged s -> p.put("status", s.status().wireName());
            case EventPayload.SmsSubscriptionChanged s -> p.put("status", s.status().wireName());
            case EventPayload.MembershipChanged s -> {
                p.put("tier", s.tier());
                p.put("status", s.status().wireName());
            }
            case EventPayload.AppInstalled s -> { }
            case EventPayload.AppUninstalled s -> { }
            case EventPayload.ProfileUpdated s -> {
                putIfPresent(p, "email", s.email());
                putIfPresent(p, "phone", s.phone());
                putIfPresent(p, "timezone", s.timezone());
                putIfPresent(p, "locale", s.locale());
                putIfPresent(p, "birthday", s.birthday());
                putIfPresent(p, "pushEndpoint", s.pushEndpoint());
            }
            case EventPayload.PreferencesChanged s -> {
                s.mutedCategories().ifPresent(set -> set.stream().sorted().map(MessageCategory::wireName)
                        .forEach(p.putArray("mutedCategories")::add));
                s.mutedChannels().ifPresent(set -> set.stream().sorted().map(Channel::wireName)
                        .forEach(p.putArray("mutedChannels")::add));
                s.maxPerWeek().ifPresent(limit -> p.put("maxPerWeek", limit));
                s.quietHours().ifPresent(hours -> {
                    ObjectNode quiet = p.putObject("quietHours");
                    quiet.put("start", hours.start().toString());
                    quiet.put("end", hours.end().toString());
                });
                s.pausedUntil().ifPresent(until -> p.put("pausedUntil", until.toString()));
            }
            case EventPayload.ReviewSubmitted s -> {
                putIfPresent(p, "orderId", s.orderId());
                putIfPresent(p, "sku", s.sku());
                p.put("rating", s.rating());
            }
            case EventPayload.SurveyAnswered s -> {
                p.put("question", s.question());
                p.put("answer", s.answer());
            }
            case EventPayload.ConsentChanged s -> {
                p.put("channel", s.channel().wireName());
                p.put("purpose", s.purpose().wireName());
                p.put("granted", s.granted());
                p.put("source", s.source());
                p.put("wordingVersion", s.wordingVersion());
                putIfPresent(p, "messageId", s.messageId());
                putIfPresent(p, "ipAddress", s.ipAddress());
            }
            case EventPayload.MessageFailed s -> {
                writeMessage(s.messageId(), s.channel(), p);
                p.put("reason", s.reason().wireName());
            }
        }
    }

    private static void writeMessage(String messageId, Channel channel, ObjectNode p) {
        p.put("messageId", messageId);
        p.put("channel", channel.wireName());
    }

    private static void writeLineItem(LineItem item, ObjectNode json) {
        json.put("sku", item.sku());
        json.put("category", item.category());
        json.put("quantity", item.quantity());
        json.put("unitPrice", item.unitPrice());
    }

    private static void putIfPresent(ObjectNode p, String name, Optional<String> value) {
        value.ifPresent(v -> p.put(name, v));
    }
}
