package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.imports.ImportIds;
import dev.winback.core.imports.ImportKind;
import dev.winback.core.imports.ImportLine;
import dev.winback.core.imports.ImportedEvent;
import dev.winback.core.imports.LineProblem;
import dev.winback.core.ingest.ParseResult;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one line of an Amazon Pinpoint endpoint export (the newline-delimited JSON that
 * {@code CreateExportJob} writes to S3, one endpoint per line) into contract v1 events:
 *
 * <ul>
 *   <li>the customer: {@code User.UserId}, or the endpoint's {@code Id} when it has none;</li>
 *   <li>the address ({@code profile_updated}: email, phone or push token by {@code ChannelType}),
 *       unless the endpoint is {@code INACTIVE} (Pinpoint's mark of an address another endpoint took);</li>
 *   <li>{@code OptOut: ALL}: marketing consent withdrawn on that channel, source {@code pinpoint-import};</li>
 *   <li>{@code Demographic.Timezone} and {@code Locale} on the profile, {@code Location.Country} and the
 *       user's and endpoint's {@code Attributes} as profile attributes.</li>
 * </ul>
 *
 * Every event is dated with the endpoint's {@code EffectiveDate} and checked against the contract
 * exactly as one sent from outside would be. Its id hashes the endpoint id, what it says and the
 * date, so a re-import gives the same ids (duplicates) while a later export of a changed endpoint
 * gives new ones (an id reused with another date would be refused). Reasons name fields, never values.
 */
public final class PinpointEndpoints {

    public static final String SOURCE = "pinpoint-import";
    /** The consent's wording version: Pinpoint keeps no wording, only the opt-out. */
    static final String WORDING = "pinpoint-optout";
    private static final String ID_SOURCE = "pinpoint";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonEventFormat contract = new JsonEventFormat();

    /** The lines of a file, read one at a time as the iterator is consumed. */
    public Iterator<ImportLine> read(Iterator<String> lines) {
        return new Iterator<>() {
            long number;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public ImportLine next() {
                return line(++number, lines.next());
            }
        };
    }

    public ImportLine line(long number, String text) {
        if (text.isBlank()) return new ImportLine.Blank(number);
        JsonNode endpoint;
        try {
            endpoint = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new ImportLine.Rejected(number, "not valid JSON");
        }
        if (endpoint == null || !endpoint.isObject()) return new ImportLine.Rejected(number, "not a JSON object");
        Optional<String> endpointId = text(endpoint, "Id");
        if (endpointId.isEmpty()) return new ImportLine.Rejected(number, "Id: is required");
        Optional<Instant> at = date(endpoint, "EffectiveDate").or(() -> date(endpoint, "CreationDate"));
        if (at.isEmpty()) {
            return new ImportLine.Rejected(number, "EffectiveDate: is required, as an ISO-8601 instant");
        }
        Optional<String> userId = text(endpoint.path("User"), "UserId");
        String customerField = userId.isPresent() ? "User.UserId" : "Id";
        Line line = new Line(number, endpointId.get(), userId.orElse(endpointId.get()), at.get());
        Optional<String> badCustomer = line.customerProblem();
        if (badCustomer.isPresent()) return new ImportLine.Rejected(number, customerField + ": " + badCustomer.get());

        String channelType = text(endpoint, "ChannelType").orElse("");
        Optional<Channel> channel = channel(channelType);
        if (channel.isEmpty()) {
            line.skip("ChannelType: " + (channelType.isEmpty() ? "is missing" : channelType + " has no Winback channel")
                    + "; the address and opt-out are not imported");
        } else {
            address(endpoint, channel.get(), line);
            if ("ALL".equals(text(endpoint, "OptOut").orElse("NONE"))) {
                line.add(ImportKind.OPT_OUT, "OptOut", "optout/" + channel.get().wireName(),
                        new EventPayload.ConsentChanged(channel.get(), Purpose.MARKETING, false, SOURCE, WORDING));
            }
        }
        JsonNode demographic = endpoint.path("Demographic");
        text(demographic, "Timezone").ifPresent(zone -> line.add(ImportKind.ATTRIBUTE, "Demographic.Timezone",
                "timezone/" + zone, profile(Optional.empty(), Optional.empty(), Optional.of(zone), Optional.empty(), Optional.empty())));
        // Pinpoint writes locales as en_US; the contract takes BCP 47 (en-US).
        text(demographic, "Locale").map(locale -> locale.replace('_', '-')).ifPresent(locale -> line.add(
                ImportKind.ATTRIBUTE, "Demographic.Locale", "locale/" + locale,
                profile(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(locale), Optional.empty())));
        text(endpoint.path("Location"), "Country").ifPresent(country -> line.attribute("Location.Country", "country", country));
        attributes(endpoint.path("User").path("UserAttributes"), "User.UserAttributes", line);
        attributes(endpoint.path("Attributes"), "Attributes", line);
        return line.mapped();
    }

    private static void address(JsonNode endpoint, Channel channel, Line line) {
        Optional<String> address = text(endpoint, "Address");
        if (address.isEmpty()) return;
        if ("INACTIVE".equals(text(endpoint, "EndpointStatus").orElse("ACTIVE"))) {
            line.skip("Address: the endpoint is INACTIVE (another endpoint holds the address); not imported");
            return;
        }
        String value = address.get();
        EventPayload payload = switch (channel) {
            case EMAIL -> profile(Optional.of(value), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            case SMS -> profile(Optional.empty(), Optional.of(value), Optional.empty(), Optional.empty(), Optional.empty());
            case PUSH -> profile(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(value));
            case IN_APP, WEBHOOK -> throw new IllegalStateException("no Pinpoint channel maps to " + channel);
        };
        line.add(ImportKind.ADDRESS, "Address", "address/" + channel.wireName() + "/" + value, payload);
    }

    private static EventPayload.ProfileUpdated profile(Optional<String> email, Optional<String> phone,
                                                       Optional<String> timezone, Optional<String> locale,
                                                       Optional<String> pushEndpoint) {
        return new EventPayload.ProfileUpdated(email, phone, timezone, locale, Optional.empty(), pushEndpoint);
    }

    /** Pinpoint attributes are lists of strings; the record keeps one short text per name. */
    private static void attributes(JsonNode attributes, String field, Line line) {
        if (!attributes.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<String> values = new ArrayList<>();
            JsonNode value = entry.getValue();
            if (value.isArray()) value.forEach(v -> { if (v.isValueNode() && !v.asText().isBlank()) values.add(v.asText()); });
            else if (value.isValueNode() && !value.asText().isBlank()) values.add(value.asText());
            if (values.isEmpty()) continue;
            line.attribute(field + "." + entry.getKey(), attributeName(entry.getKey()), String.join(",", values));
        }
    }

    /**
     * A name the record accepts for a profile attribute: {@code FavoriteTeam} becomes
     * {@code favoriteTeam}, {@code Home Store} {@code home_Store}. One that still does not fit (a leading
     * digit) is reported by the contract check.
     */
    static String attributeName(String pinpointName) {
        StringBuilder name = new StringBuilder();
        for (char c : pinpointName.strip().toCharArray()) {
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            name.append(allowed ? c : '_');
        }
        if (!name.isEmpty()) name.setCharAt(0, Character.toLowerCase(name.charAt(0)));
        return name.toString();
    }

    static Optional<Channel> channel(String channelType) {
        return switch (channelType) {
            case "EMAIL" -> Optional.of(Channel.EMAIL);
            case "SMS" -> Optional.of(Channel.SMS);
            case "APNS", "APNS_SANDBOX", "APNS_VOIP", "APNS_VOIP_SANDBOX", "GCM", "BAIDU", "ADM" -> Optional.of(Channel.PUSH);
            default -> Optional.empty(); // VOICE, IN_APP, CUSTOM: Winback has no such channel
        };
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    private static Optional<Instant> date(JsonNode node, String field) {
        try {
            return text(node, field).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** One endpoint's events as they are built, each checked against the contract. */
    private final class Line {
        final long number;
        final String endpointId;
        final String customerId;
        final Instant at;
        final List<ImportedEvent> events = new ArrayList<>();
        final List<LineProblem> skipped = new ArrayList<>();

        Line(long number, String endpointId, String customerId, Instant at) {
            this.number = number;
            this.endpointId = endpointId;
            this.customerId = customerId;
            this.at = at;
        }

        /** The contract's complaint about the customer id (an email address is refused), if any. */
        Optional<String> customerProblem() {
            return ContractRules.CUSTOMER_ID.problemWith(customerId);
        }

        void attribute(String field, String name, String value) {
            add(ImportKind.ATTRIBUTE, field, "attribute/" + name + "/" + value, new EventPayload.SurveyAnswered(name, value));
        }

        /** Adds the event, or notes the field as skipped with the contract's reason. */
        void add(ImportKind kind, String field, String what, EventPayload payload) {
            EngagementEvent event = new EngagementEvent(ImportIds.of(ID_SOURCE, endpointId, what, at.toString()),
                    customerId, at, Optional.empty(), payload);
            switch (contract.parse(contract.write(event))) {
                case ParseResult.Parsed parsed -> events.add(new ImportedEvent(kind, parsed.event()));
                case ParseResult.Invalid invalid -> skip(field + ": " + invalid.errors().getFirst().message());
            }
        }

        void skip(String reason) {
            skipped.add(new LineProblem(number, reason));
        }

        ImportLine mapped() {
            return new ImportLine.Mapped(number, events, skipped);
        }
    }
}
