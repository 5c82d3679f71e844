package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.Condition;
import dev.winback.core.journey.EventMatch;
import dev.winback.core.journey.JourneyCheck;
import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.journey.Reentry;
import dev.winback.core.journey.Step;
import dev.winback.core.journey.Trigger;

import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a journey definition from JSON with the tree model: the shape here (types, names, unknown
 * fields, durations, times), the rules of the model in {@link JourneyCheck}. Every problem is listed
 * with its path. The checks of {@link JourneyCheck} (step references, facts, loops) run once the
 * shape is right, since they need a whole definition to look at. The format, field by field, is
 * the published schema {@code winback/schemas/journey-definition.schema.json}; steps are described
 * in {@link JourneyStepParser}.
 */
public final class JourneyDefinitionParser {

    static final Set<String> ROOT_FIELDS = Set.of("id", "version", "name", "purpose", "category", "priorityGroup",
            "priority", "trigger", "firstStep", "steps", "exitOn", "reentry", "note");
    static final Set<String> TRIGGER_FIELDS = Set.of("event", "annual", "when", "key", "perLineItem");
    static final Set<String> ANNUAL_FIELDS = Set.of("birthday", "date", "at");
    static final Set<String> REENTRY_FIELDS = Set.of("kind", "cooldown");
    static final int MAX_PRIORITY = 1000;

    private static final String PURPOSES = names(Purpose.OF_MESSAGES.toArray(Purpose[]::new));
    private static final String CATEGORIES = Arrays.stream(MessageCategory.values()).map(MessageCategory::wireName)
            .collect(Collectors.joining(", "));
    private static final String REENTRY_KINDS = Arrays.stream(Reentry.Kind.values()).map(Reentry.Kind::wireName)
            .collect(Collectors.joining(", "));

    public JourneyReading read(String text, String source) {
        return switch (ContractJson.read(text)) {
            case ContractJson.JsonReading.Malformed malformed ->
                    new JourneyReading.Invalid(source, List.of(new JourneyProblem("$", malformed.problem())));
            case ContractJson.JsonReading.WellFormed wellFormed -> read(wellFormed.node(), source);
        };
    }

    public JourneyReading read(JsonNode root, String source) {
        DefinitionFields fields = new DefinitionFields();
        if (fields.object(root, "$").isEmpty()) return new JourneyReading.Invalid(source, fields.problems());
        fields.unknownFields(root, "", ROOT_FIELDS, "a journey has " + String.join(", ", ROOT_FIELDS.stream().sorted().toList()));
        Optional<String> id = fields.requiredText(root, "", "id");
        Optional<Integer> version = fields.required(root, "", "version")
                .flatMap(node -> fields.wholeNumber(node, "version", 1, Integer.MAX_VALUE));
        Optional<String> name = fields.requiredText(root, "", "name");
        Optional<Purpose> purpose = fields.required(root, "", "purpose").flatMap(node ->
                fields.choice(node, "purpose", text -> WireNames.lookup(Purpose.class, text).filter(Purpose::ofMessages), "purpose", PURPOSES));
        Optional<MessageCategory> category = fields.required(root, "", "category").flatMap(node ->
                fields.choice(node, "category", MessageCategory::byWireName, "category", CATEGORIES));
        Optional<String> group = fields.optionalText(root, "", "priorityGroup");
        JsonNode priorityNode = root.get("priority");
        Optional<Integer> priority = priorityNode == null ? Optional.of(0)
                : fields.wholeNumber(priorityNode, "priority", 0, MAX_PRIORITY);
        Optional<Trigger> trigger = fields.required(root, "", "trigger").flatMap(node -> trigger(node, fields));
        Optional<String> firstStep = fields.requiredText(root, "", "firstStep");
        Optional<Map<String, Step>> steps = fields.required(root, "", "steps")
                .flatMap(node -> new JourneyStepParser(fields).steps(node, "steps"));
        JsonNode exitNode = root.get("exitOn");
        Optional<List<EventMatch>> exitOn = exitNode == null ? Optional.of(List.of())
                : fields.list(exitNode, "exitOn", (element, where) -> ConditionsJson.match(element, where, fields));
        Optional<Reentry> reentry = fields.required(root, "", "reentry").flatMap(node -> reentry(node, fields));
        JsonNode noteNode = root.get("note");
        String note = "";
        if (noteNode != null && !noteNode.isTextual()) fields.problem("note", "must be a string, not " + DefinitionFields.kind(noteNode));
        else if (noteNode != null) note = noteNode.textValue();
        if (fields.count() > 0) return new JourneyReading.Invalid(source, fields.problems());
        JourneyDefinition definition = new JourneyDefinition(id.orElseThrow(), version.orElseThrow(), name.orElseThrow(),
                purpose.orElseThrow(), category.orElseThrow(), group, priority.orElseThrow(), trigger.orElseThrow(),
                firstStep.orElseThrow(), steps.orElseThrow(), exitOn.orElseThrow(), reentry.orElseThrow(), note);
        List<JourneyProblem> problems = JourneyCheck.problems(definition);
        return problems.isEmpty() ? new JourneyReading.Valid(definition) : new JourneyReading.Invalid(source, problems);
    }

    /**
     * {@code {"event":"purchase_completed","when":[…],"key":"event.productLine","perLineItem":true}} or
     * {@code {"annual":{"birthday":true,"at":"09:00"},"when":[…]}} or {@code {"annual":{"date":"--12-24","at":"10:00"}}}.
     * Every condition of an event trigger is kept with the trigger (its match has none of its own).
     */
    private static Optional<Trigger> trigger(JsonNode node, DefinitionFields fields) {
        String where = "trigger";
        if (fields.object(node, where).isEmpty()) return Optional.empty();
        int before = fields.count();
        fields.unknownFields(node, where, TRIGGER_FIELDS, "a trigger has event, when, key and perLineItem, or annual and when");
        boolean annual = node.has("annual");
        if (annual == node.has("event")) {
            fields.problem(where, "a trigger has exactly one of event and annual");
            return Optional.empty();
        }
        Optional<List<Condition>> when = ConditionsJson.when(node, where, fields);
        if (annual) {
            for (String field : List.of("key", "perLineItem")) {
                if (node.has(field)) fields.problem(where + "." + field, "only an event trigger has " + field);
            }
            Optional<Trigger> trigger = annual(node.get("annual"), where + ".annual", fields)
                    .flatMap(a -> when.map(w -> new Trigger.Annual(a.date(), a.at(), w)));
            return fields.count() > before ? Optional.empty() : trigger;
        }
        Optional<String> event = ConditionsJson.eventType(node, where, "event", fields);
        Optional<String> key = fields.optionalText(node, where, "key");
        JsonNode perLineItemNode = node.get("perLineItem");
        Optional<Boolean> perLineItem = perLineItemNode == null ? Optional.of(false)
                : fields.flag(perLineItemNode, where + ".perLineItem");
        if (fields.count() > before) return Optional.empty();
        return Optional.of(new Trigger.OnEvent(EventMatch.of(event.orElseThrow()), key, perLineItem.orElseThrow(),
                when.orElseThrow()));
    }

    private record AnnualDate(Optional<MonthDay> date, LocalTime at) {
    }

    private static Optional<AnnualDate> annual(JsonNode node, String where, DefinitionFields fields) {
        if (fields.object(node, where).isEmpty()) return Optional.empty();
        int before = fields.count();
        fields.unknownFields(node, where, ANNUAL_FIELDS, "an annual trigger has birthday or date, and at");
        Optional<LocalTime> at = fields.required(node, where, "at").flatMap(t -> fields.localTime(t, where + ".at"));
        JsonNode birthday = node.get("birthday");
        JsonNode date = node.get("date");
        Optional<MonthDay> day = Optional.empty();
        if ((birthday == null) == (date == null)) {
            fields.problem(where, "an annual trigger has exactly one of birthday (true) and date (--MM-dd)");
        } else if (birthday != null) {
            fields.flag(birthday, where + ".birthday").filter(b -> !b).ifPresent(b -> fields.problem(where + ".birthday",
                    "must be true; for a fixed day of the year give a date instead"));
        } else {
            day = fields.monthDay(date, where + ".date");
        }
        if (fields.count() > before) return Optional.empty();
        return Optional.of(new AnnualDate(day, at.orElseThrow()));
    }

    /** {@code {"kind":"after_exit"}}, or {@code {"kind":"after_cooldown","cooldown":"P30D"}}. */
    private static Optional<Reentry> reentry(JsonNode node, DefinitionFields fields) {
        String where = "reentry";
        if (fields.object(node, where).isEmpty()) return Optional.empty();
        int before = fields.count();
        fields.unknownFields(node, where, REENTRY_FIELDS, "a reentry has kind and, after_cooldown only, cooldown");
        Optional<Reentry.Kind> kind = fields.required(node, where, "kind").flatMap(k -> fields.choice(k, where + ".kind",
                text -> WireNames.lookup(Reentry.Kind.class, text), "re-entry kind", REENTRY_KINDS));
        JsonNode cooldownNode = node.get("cooldown");
        Optional<Duration> cooldown = Optional.of(Duration.ZERO);
        if (kind.isPresent() && kind.get() == Reentry.Kind.AFTER_COOLDOWN) {
            cooldown = fields.required(node, where, "cooldown").flatMap(c -> fields.positiveDuration(c, where + ".cooldown"));
        } else if (kind.isPresent() && cooldownNode != null) {
            fields.problem(where + ".cooldown", "only after_cooldown has a cooldown");
        }
        if (fields.count() > before) return Optional.empty();
        return Optional.of(new Reentry(kind.orElseThrow(), cooldown.orElseThrow()));
    }

    private static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(WireNames::wireName).collect(Collectors.joining(", "));
    }
}
