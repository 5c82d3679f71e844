package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.record.RiskState;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.core.segment.SegmentCondition;
import dev.winback.core.segment.SegmentDefinition;
import dev.winback.core.settings.DocumentFormat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a segment definition (schema {@code winback/schemas/segment-definition.schema.json}) with
 * the tree model, every problem with its path: unknown or missing fields, unknown condition types,
 * channels, purposes, states and statuses, durations that are not positive ISO-8601. A definition
 * with any problem is refused whole.
 */
public final class SegmentDefinitionParser implements DocumentFormat<SegmentDefinition> {

    /** The shipped examples, each {@code winback/segments/<id>.json}. */
    public static final String SHIPPED_DIRECTORY = "winback/segments/";
    public static final List<String> SHIPPED = List.of("premium-cancelled", "never-joined-email");

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Whole days, hours, minutes and seconds, as the schema's pattern says (no weeks, fractions or signs). */
    private static final Pattern DURATION = Pattern.compile("P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");
    private static final Set<String> ROOT = Set.of("id", "name", "match", "conditions", "note");
    private static final int MAX_CONDITIONS = 32;
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("not", Set.of("condition")),
            Map.entry("lifecycle", Set.of("states", "forAtLeast")),
            Map.entry("signal", Set.of("signal", "atLeast")),
            Map.entry("reachable", Set.of("channel")),
            Map.entry("consent", Set.of("channel", "purpose", "state")),
            Map.entry("subscription", Set.of("channel", "statuses")),
            Map.entry("membership", Set.of("tiers", "statuses", "forAtLeast")),
            Map.entry("platform", Set.of("platform", "within")),
            Map.entry("appInstalled", Set.of()),
            Map.entry("purchased", Set.of("within")),
            Map.entry("orders", Set.of("min")),
            Map.entry("spend", Set.of("currency", "min")),
            Map.entry("locale", Set.of("in")),
            Map.entry("country", Set.of("in")),
            Map.entry("timeZone", Set.of("in")),
            Map.entry("attribute", Set.of("name", "in")),
            Map.entry("exposed", Set.of("unit", "groups")));
    /** In a subscription condition: no status was ever recorded on the channel. */
    static final String NEVER = "never";

    @Override
    public Checked<SegmentDefinition> read(String text) {
        return switch (ContractJson.read(text)) {
            case ContractJson.JsonReading.Malformed malformed ->
                    new Checked.Invalid<>(List.of(new JourneyProblem("$", malformed.problem())));
            case ContractJson.JsonReading.WellFormed wellFormed -> new Reading().definition(wellFormed.node());
        };
    }

    /** One reading's problems, gathered as the fields are read. */
    private static final class Reading {
        private final List<JourneyProblem> problems = new ArrayList<>();

        Checked<SegmentDefinition> definition(JsonNode root) {
            if (!object(root, "$", ROOT)) return done(null);
            String id = text(root, "id", "id");
            if (id != null && !ID.matcher(id).matches()) problem("id", "must be lower-case letters, digits and dashes (up to 64)");
            String name = text(root, "name", "name");
            if (root.has("note")) text(root, "note", "note");
            SegmentDefinition.Match match = SegmentDefinition.Match.ALL;
            if (root.has("match")) {
                match = choice(root.get("match"), "match", Map.of("all", SegmentDefinition.Match.ALL,
                        "any", SegmentDefinition.Match.ANY)).orElse(match);
            }
            List<SegmentCondition> conditions = new ArrayList<>();
            JsonNode list = root.get("conditions");
            if (list == null) {
                problem("conditions", "is required");
            } else if (!list.isArray() || list.isEmpty() || list.size() > MAX_CONDITIONS) {
                problem("conditions", "must be an array of 1 to " + MAX_CONDITIONS + " conditions");
            } else {
                for (int i = 0; i < list.size(); i++) condition(list.get(i), "conditions[" + i + "]").ifPresent(conditions::add);
            }
            if (!problems.isEmpty()) return done(null);
            return done(new SegmentDefinition(id, name, match, conditions));
        }

        private Optional<SegmentCondition> condition(JsonNode node, String at) {
            if (!node.isObject()) {
                problem(at, "must be an object with a \"type\"");
                return Optional.empty();
            }
            JsonNode typeNode = node.get("type");
            if (typeNode == null || !typeNode.isTextual() || !FIELDS.containsKey(typeNode.asText())) {
                problem(at + ".type", "must be one of " + new java.util.TreeSet<>(FIELDS.keySet()));
                return Optional.empty();
            }
            String type = typeNode.asText();
            Set<String> known = new HashSet<>(FIELDS.get(type));
            known.add("type");
            node.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) problem(at + "." + f, "is not a field of a " + type + " condition");
            });
            int before = problems.size();
            try {
                SegmentCondition condition = build(type, node, at);
                return problems.size() == before ? Optional.ofNullable(condition) : Optional.empty();
            } catch (NullPointerException | IllegalArgumentException e) {
                // A part named as a problem above was missing: the condition is not built.
                if (problems.size() == before) problem(at, "is not a valid " + type + " condition");
                return Optional.empty();
            }
        }

        private SegmentCondition build(String type, JsonNode node, String at) {
            return switch (type) {
                case "not" -> {
                    JsonNode inner = required(node, "condition", at);
                    yield inner == null ? null : condition(inner, at + ".condition").map(SegmentCondition.Not::new).orElse(null);
                }
                case "lifecycle" -> new SegmentCondition.Lifecycle(
                        set(node, "states", at, true, wire(RiskState.values(), s -> s.name().toLowerCase(Locale.ROOT))),
                        duration(node, "forAtLeast", at));
                case "signal" -> new SegmentCondition.HasSignal(
                        one(node, "signal", at, true, wire(SignalType.values(), SignalType::wireName)),
                        Optional.ofNullable(one(node, "atLeast", at, false, strengths())).orElse(Strength.WEAK));
                case "reachable" -> new SegmentCondition.Reachable(one(node, "channel", at, true, channels()));
                case "consent" -> new SegmentCondition.Consent(one(node, "channel", at, true, channels()),
                        one(node, "purpose", at, true, wire(Purpose.values(), Purpose::wireName)),
                        one(node, "state", at, true, wire(SegmentCondition.ConsentState.values(),
                                s -> s.name().toLowerCase(Locale.ROOT))));
                case "subscription" -> subscription(node, at);
                case "membership" -> new SegmentCondition.Membership(
                        strings(node, "tiers", at, false),
                        set(node, "statuses", at, true, wire(MembershipStatus.values(), MembershipStatus::wireName)),
                        duration(node, "forAtLeast", at));
                case "platform" -> new SegmentCondition.UsedPlatform(
                        one(node, "platform", at, true, wire(Platform.values(), Platform::wireName)),
                        duration(node, "within", at));
                case "appInstalled" -> new SegmentCondition.AppInstalled();
                case "purchased" -> new SegmentCondition.Purchased(duration(node, "within", at));
                case "orders" -> {
                    JsonNode min = required(node, "min", at);
                    if (min != null && (!min.canConvertToLong() || !min.isIntegralNumber() || min.asLong() < 1)) {
                        problem(at + ".min", "must be a whole number of at least 1");
                    }
                    yield min == null ? null : new SegmentCondition.Orders(Math.max(1, min.asLong()));
                }
                case "spend" -> {
                    String currency = text(node, "currency", at + ".currency");
                    if (currency != null && !currency.matches("[A-Z]{3}")) problem(at + ".currency", "must be an ISO 4217 code such as EUR");
                    JsonNode min = required(node, "min", at);
                    if (min != null && (!min.isNumber() || min.decimalValue().signum() < 0)) problem(at + ".min", "must be a number of at least 0");
                    yield currency == null || min == null ? null : new SegmentCondition.Spend(currency, min.decimalValue());
                }
                case "locale" -> new SegmentCondition.Locale(strings(node, "in", at, true));
                case "country" -> new SegmentCondition.Country(upper(strings(node, "in", at, true), at));
                case "timeZone" -> new SegmentCondition.TimeZone(strings(node, "in", at, true));
                case "attribute" -> new SegmentCondition.Attribute(text(node, "name", at + ".name"), strings(node, "in", at, true));
                case "exposed" -> new SegmentCondition.Exposed(text(node, "unit", at + ".unit"), node.has("groups")
                        ? set(node, "groups", at, true, wire(Assignment.values(), Assignment::wireName))
                        : Set.of(Assignment.values()));
                default -> throw new IllegalStateException(type);
            };
        }

        private SegmentCondition subscription(JsonNode node, String at) {
            Channel channel = one(node, "channel", at, true, channels());
            Map<String, SubscriptionStatus> statuses = wire(SubscriptionStatus.values(), s -> s.name().toLowerCase(Locale.ROOT));
            Set<String> named = strings(node, "statuses", at, true);
            Set<SubscriptionStatus> in = new HashSet<>();
            for (String status : named) {
                if (status.equals(NEVER)) continue;
                if (statuses.containsKey(status)) in.add(statuses.get(status));
                else problem(at + ".statuses", "\"" + status + "\" is not one of " + names(statuses) + " or never");
            }
            return new SegmentCondition.Subscription(channel, in, named.contains(NEVER));
        }

        private Set<String> upper(Set<String> countries, String at) {
            Set<String> out = new HashSet<>();
            for (String country : countries) {
                if (!country.matches("[A-Za-z]{2}")) problem(at + ".in", "\"" + country + "\" is not an ISO 3166 alpha-2 code");
                out.add(country.toUpperCase(Locale.ROOT));
            }
            return out;
        }

        private <E> Set<E> set(JsonNode node, String field, String at, boolean nonEmpty, Map<String, E> choices) {
            Set<E> out = new HashSet<>();
            for (String name : strings(node, field, at, nonEmpty)) {
                if (choices.containsKey(name)) out.add(choices.get(name));
                else problem(at + "." + field, "\"" + name + "\" is not one of " + names(choices));
            }
            return out;
        }

        private Set<String> strings(JsonNode node, String field, String at, boolean required) {
            JsonNode list = node.get(field);
            if (list == null) {
                if (required) problem(at + "." + field, "is required");
                return Set.of();
            }
            if (!list.isArray() || (required && list.isEmpty())) {
                problem(at + "." + field, required ? "must be a non-empty array of strings" : "must be an array of strings");
                return Set.of();
            }
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isTextual() || item.asText().isBlank()) problem(at + "." + field + "[" + i + "]", "must be a non-empty string");
                else out.add(item.asText());
            }
            return out;
        }

        private <E> E one(JsonNode node, String field, String at, boolean required, Map<String, E> choices) {
            JsonNode value = node.get(field);
            if (value == null) {
                if (required) problem(at + "." + field, "is required");
                return null;
            }
            return choice(value, at + "." + field, choices).orElse(null);
        }

        private <E> Optional<E> choice(JsonNode value, String at, Map<String, E> choices) {
            if (value.isTextual() && choices.containsKey(value.asText())) return Optional.of(choices.get(value.asText()));
            problem(at, "must be one of " + names(choices));
            return Optional.empty();
        }

        private Optional<Duration> duration(JsonNode node, String field, String at) {
            JsonNode value = node.get(field);
            if (value == null) return Optional.empty();
            try {
                if (value.isTextual() && DURATION.matcher(value.asText()).matches()) {
                    Duration duration = Duration.parse(value.asText());
                    if (!duration.isZero()) return Optional.of(duration);
                }
            } catch (DateTimeParseException e) {
                // named below
            }
            problem(at + "." + field, "must be a positive ISO-8601 duration such as P90D");
            return Optional.empty();
        }

        private JsonNode required(JsonNode node, String field, String at) {
            JsonNode value = node.get(field);
            if (value == null) problem(at + "." + field, "is required");
            return value;
        }

        private String text(JsonNode node, String field, String at) {
            JsonNode value = node.get(field);
            if (value == null) {
                problem(at, "is required");
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                problem(at, "must be a non-empty string");
                return null;
            }
            return value.asText();
        }

        private boolean object(JsonNode node, String at, Set<String> known) {
            if (!node.isObject()) {
                problem(at, "must be an object");
                return false;
            }
            node.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) problem(f, "is not a field of a segment definition");
            });
            return true;
        }

        private void problem(String where, String what) {
            problems.add(new JourneyProblem(where, what));
        }

        private Checked<SegmentDefinition> done(SegmentDefinition definition) {
            if (!problems.isEmpty() || definition == null) {
                if (problems.isEmpty()) problems.add(new JourneyProblem("$", "is not a valid segment definition"));
                return new Checked.Invalid<>(problems);
            }
            return new Checked.Valid<>(definition);
        }
    }

    private static Map<String, Channel> channels() {
        return wire(Channel.values(), Channel::wireName);
    }

    private static Map<String, Strength> strengths() {
        return wire(Strength.values(), s -> s.name().toLowerCase(Locale.ROOT));
    }

    private static <E> Map<String, E> wire(E[] values, Function<E, String> name) {
        Map<String, E> out = new java.util.TreeMap<>();
        for (E value : values) out.put(name.apply(value), value);
        return out;
    }

    private static String names(Map<String, ?> choices) {
        return String.join(", ", new java.util.TreeSet<>(choices.keySet()));
    }
}
