package dev.winback.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.ContractRules;
import dev.winback.adapters.json.EventJsonParser;
import dev.winback.adapters.json.JourneyDefinitionParser;
import dev.winback.adapters.json.JourneyReading;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import dev.winback.core.journey.DryRunJourneys;
import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.JourneyProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a dry run's body: {@code {"date","horizonDays","customerIds","events","definition"}}. The
 * events are contract events without a customer or a time (the dry run stamps each with the
 * customer and the date); the definition is an optional candidate, checked as a stored one is.
 */
final class DryRunRequestParser {

    static final Set<String> FIELDS = Set.of("date", "horizonDays", "customerIds", "events", "definition");
    static final int MAX_EVENTS = 50;
    /** The customer events are stamped with before each is given its real customer. */
    private static final String PLACEHOLDER_CUSTOMER = "dry-run";

    sealed interface Parsed {
        record Request(DryRunJourneys.Request request) implements Parsed {
        }

        /** 400: fields of the body are invalid. */
        record Invalid(List<HttpResponses.InvalidField> errors) implements Parsed {
        }

        /** 422: the candidate definition was read and refused. */
        record Refused(List<JourneyProblem> problems) implements Parsed {
        }
    }

    private final EventJsonParser events = new EventJsonParser();
    private final JourneyDefinitionParser definitions = new JourneyDefinitionParser();

    Parsed parse(JsonNode body, Instant now) {
        List<HttpResponses.InvalidField> errors = new ArrayList<>();
        if (!body.isObject()) return new Parsed.Invalid(List.of(error(FieldError.WHOLE_DOCUMENT, "must be a JSON object")));
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(error(name, "is not a field of a dry run; the fields are " + String.join(", ",
                        FIELDS.stream().sorted().toList())));
            }
        }
        Instant date = date(body.get("date"), now, errors);
        Duration horizon = horizon(body.get("horizonDays"), errors);
        List<String> customers = customers(body.get("customerIds"), errors);
        List<EngagementEvent> played = date == null ? List.of() : events(body.get("events"), date, errors);
        if (!errors.isEmpty()) return new Parsed.Invalid(errors);
        Optional<JourneyDefinition> candidate = Optional.empty();
        JsonNode definition = body.get("definition");
        if (definition != null && !definition.isNull()) {
            switch (definitions.read(definition, "request")) {
                case JourneyReading.Invalid invalid -> {
                    return new Parsed.Refused(invalid.problems().stream()
                            .map(p -> new JourneyProblem("definition." + p.where(), p.problem())).toList());
                }
                case JourneyReading.Valid valid -> candidate = Optional.of(valid.definition());
            }
        }
        return new Parsed.Request(new DryRunJourneys.Request(customers, played, date, horizon, candidate));
    }

    private static Instant date(JsonNode node, Instant now, List<HttpResponses.InvalidField> errors) {
        if (node == null || node.isNull()) return now;
        if (node.isTextual()) {
            try {
                return Instant.parse(node.textValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(error("date", "must be an RFC 3339 instant in UTC, such as 2026-05-01T09:00:00Z"));
        return null;
    }

    private static Duration horizon(JsonNode node, List<HttpResponses.InvalidField> errors) {
        if (node == null || node.isNull()) return DryRunJourneys.DEFAULT_HORIZON;
        long max = DryRunJourneys.MAX_HORIZON.toDays();
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0 || node.longValue() > max) {
            errors.add(error("horizonDays", "must be a whole number of days from 0 to " + max));
            return DryRunJourneys.DEFAULT_HORIZON;
        }
        return Duration.ofDays(node.longValue());
    }

    private static List<String> customers(JsonNode node, List<HttpResponses.InvalidField> errors) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > DryRunJourneys.MAX_CUSTOMERS) {
            errors.add(error("customerIds", "must be a list of 1 to " + DryRunJourneys.MAX_CUSTOMERS + " customer ids"));
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            Optional<String> problem = id.isTextual() ? ContractRules.CUSTOMER_ID.problemWith(id.textValue())
                    : Optional.of("must be a string");
            if (problem.isPresent()) {
                errors.add(error("customerIds[" + i + "]", problem.get()));
            } else {
                ids.add(id.textValue());
            }
        }
        return ids;
    }

    private List<EngagementEvent> events(JsonNode node, Instant date, List<HttpResponses.InvalidField> errors) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray() || node.size() > MAX_EVENTS) {
            errors.add(error("events", "must be a list of at most " + MAX_EVENTS + " events"));
            return List.of();
        }
        List<EngagementEvent> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "events[" + i + "]";
            if (!(node.get(i) instanceof ObjectNode given)) {
                errors.add(error(at, "must be an event object"));
                continue;
            }
            boolean stamped = false;
            for (String set : List.of("customerId", "occurredAt")) {
                if (given.has(set)) {
                    errors.add(error(at + "." + set, "is set by the dry run (each customer, at the date)"));
                    stamped = true;
                }
            }
            if (stamped) continue;
            ObjectNode event = given.deepCopy();
            if (!event.has("eventId")) event.put("eventId", "dry-run-" + i);
            event.put("customerId", PLACEHOLDER_CUSTOMER);
            event.put("occurredAt", date.toString());
            switch (events.parse(event)) {
                case ParseResult.Parsed parsed -> out.add(parsed.event());
                case ParseResult.Invalid invalid -> invalid.errors().forEach(e ->
                        errors.add(error(at + "." + e.field(), e.message())));
            }
        }
        return out;
    }

    private static HttpResponses.InvalidField error(String field, String message) {
        return new HttpResponses.InvalidField(-1, null, field, message);
    }
}
