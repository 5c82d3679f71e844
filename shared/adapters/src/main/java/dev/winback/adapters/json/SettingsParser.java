package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.delivery.FrequencyCap;
import dev.winback.core.event.Channel;
import dev.winback.core.event.QuietHours;
import dev.winback.core.guardrail.GuardrailPolicy;
import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.lifecycle.LifecyclePolicy;
import dev.winback.core.lifecycle.ScoreWeights;
import dev.winback.core.playbook.PlaybookCheck;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.SendLog;
import dev.winback.core.settings.DocumentFormat;
import dev.winback.core.settings.Settings;
import dev.winback.core.signal.QuietThreshold;
import dev.winback.core.signal.SignalPolicy;
import dev.winback.core.sunset.SunsetPolicies;
import dev.winback.core.sunset.SunsetPolicy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads the settings document ({@code winback/settings.json}, schema
 * {@code winback/schemas/settings.schema.json}) with the tree model, every problem with its path:
 * unknown or missing fields, wrong types, durations that are not ISO-8601 or not positive, unknown
 * channels, the lifecycle's order (cooling, at risk, lapsed, dormant), and the guardrails' rates
 * (optional: a document without them gets the defaults). A document with any
 * problem is refused whole. Lifecycle values the document does not hold (how the usual gap is
 * estimated, migration routes, the watched channels, the purchase-risk threshold, still visiting
 * and early push opt-outs) keep their defaults.
 */
public final class SettingsParser implements DocumentFormat<Settings> {

    /** The settings shipped with Winback: today's defaults, written down. */
    public static final String SHIPPED = "winback/settings.json";

    private static final Set<String> ROOT = Set.of("note", "frequencyCaps", "quietHours", "defaultTimeZone",
            "messageExpiry", "receiptWait", "sunsets", "lifecycle", "guardrails");
    private static final Set<String> GUARDRAILS = Set.of("enabled", "minimumDecisions", "unsubscribeRate",
            "complaintRate", "windowDays");
    private static final int MAX_MINIMUM_DECISIONS = 10_000_000;
    private static final Set<String> CAPS = Set.of("global", "reduced", "perChannel");
    private static final Set<String> CAP = Set.of("max", "window");
    private static final Set<String> QUIET = Set.of("start", "end", "channels");
    private static final Set<String> SUNSET = Set.of("silence", "minQuietSends", "lastChanceGrace", "lastChanceCampaign");
    private static final Set<String> LIFECYCLE = Set.of("newCustomer", "cooling", "atRisk", "lapsed", "dormant",
            "strongSignalWindow", "scoreWeights", "ignoredSends", "everyChannel");
    private static final Set<String> THRESHOLD = Set.of("gaps", "atLeast");
    private static final Set<String> WEIGHTS = Set.of("weak", "medium", "strong");
    private static final Pattern CAMPAIGN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern HOUR = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    @Override
    public Checked<Settings> read(String text) {
        return switch (ContractJson.read(text)) {
            case ContractJson.JsonReading.Malformed malformed ->
                    new Checked.Invalid<>(List.of(new JourneyProblem("$", malformed.problem())));
            case ContractJson.JsonReading.WellFormed wellFormed -> new Reading().settings(wellFormed.node());
        };
    }

    /** One reading's problems, gathered as the fields are read. */
    private static final class Reading {
        private final List<JourneyProblem> problems = new ArrayList<>();

        Checked<Settings> settings(JsonNode root) {
            if (!object(root, "$", ROOT)) return done(null);
            text(root, "note", "note");
            JsonNode caps = required(root, "frequencyCaps", "frequencyCaps");
            List<FrequencyCap> global = List.of();
            List<FrequencyCap> reduced = List.of();
            Map<Channel, List<FrequencyCap>> perChannel = new EnumMap<>(Channel.class);
            if (caps != null && object(caps, "frequencyCaps", CAPS)) {
                global = caps(required(caps, "global", "frequencyCaps.global"), "frequencyCaps.global");
                reduced = caps(required(caps, "reduced", "frequencyCaps.reduced"), "frequencyCaps.reduced");
                JsonNode channels = required(caps, "perChannel", "frequencyCaps.perChannel");
                if (channels != null && object(channels, "frequencyCaps.perChannel", null)) {
                    channels.fields().forEachRemaining(e -> {
                        Optional<Channel> channel = channel(e.getKey(), "frequencyCaps.perChannel");
                        List<FrequencyCap> read = caps(e.getValue(), "frequencyCaps.perChannel." + e.getKey());
                        channel.ifPresent(c -> perChannel.put(c, read));
                    });
                }
            }
            QuietHours quietHours = null;
            Set<Channel> quietChannels = EnumSet.noneOf(Channel.class);
            JsonNode quiet = required(root, "quietHours", "quietHours");
            if (quiet != null && object(quiet, "quietHours", QUIET)) {
                Optional<LocalTime> start = hour(required(quiet, "start", "quietHours.start"), "quietHours.start");
                Optional<LocalTime> end = hour(required(quiet, "end", "quietHours.end"), "quietHours.end");
                if (start.isPresent() && end.isPresent()) quietHours = new QuietHours(start.get(), end.get());
                quietChannels = channels(required(quiet, "channels", "quietHours.channels"), "quietHours.channels");
            }
            ZoneId zone = zone(required(root, "defaultTimeZone", "defaultTimeZone"));
            Duration expiry = positive(root, "messageExpiry", "messageExpiry");
            Duration receiptWait = positive(root, "receiptWait", "receiptWait");
            SunsetPolicies sunsets = sunsets(required(root, "sunsets", "sunsets"));
            LifecyclePolicy lifecycle = lifecycle(required(root, "lifecycle", "lifecycle"));
            GuardrailPolicy guardrails = root.has("guardrails") ? guardrails(root.get("guardrails"))
                    : GuardrailPolicy.defaults();
            if (!problems.isEmpty()) return done(null);
            List<FrequencyCap> g = global;
            List<FrequencyCap> r = reduced;
            QuietHours q = quietHours;
            Set<Channel> qc = quietChannels;
            return done(built("$", () -> new Settings(g, r, perChannel, q, qc, zone, expiry, receiptWait, sunsets,
                    lifecycle, guardrails)));
        }

        private Checked<Settings> done(Settings settings) {
            if (!problems.isEmpty() || settings == null) {
                if (problems.isEmpty()) problems.add(new JourneyProblem("$", "is not valid settings"));
                return new Checked.Invalid<>(problems);
            }
            return new Checked.Valid<>(settings);
        }

        private List<FrequencyCap> caps(JsonNode node, String where) {
            if (node == null) return List.of();
            if (!node.isArray()) {
                problem(where, "must be an array of caps such as {\"max\": 1, \"window\": \"P1D\"}");
                return List.of();
            }
            List<FrequencyCap> caps = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String at = where + "[" + i + "]";
                JsonNode cap = node.get(i);
                if (!object(cap, at, CAP)) continue;
                Optional<Integer> max = whole(required(cap, "max", at + ".max"), at + ".max", 1, SendLog.CAPACITY);
                Duration window = positive(cap, "window", at + ".window");
                if (max.isPresent() && window != null) caps.add(new FrequencyCap(max.get(), window));
            }
            return caps;
        }

        private SunsetPolicies sunsets(JsonNode node) {
            Map<Channel, SunsetPolicy> byChannel = new EnumMap<>(Channel.class);
            if (node == null || !object(node, "sunsets", null)) return new SunsetPolicies(byChannel);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String at = "sunsets." + entry.getKey();
                Optional<Channel> channel = channel(entry.getKey(), "sunsets");
                JsonNode policy = entry.getValue();
                if (channel.isEmpty() || !object(policy, at, SUNSET)) continue;
                Duration silence = positive(policy, "silence", at + ".silence");
                Optional<Integer> sends = whole(required(policy, "minQuietSends", at + ".minQuietSends"),
                        at + ".minQuietSends", 1, ChannelState.SEND_HISTORY);
                Duration grace = positive(policy, "lastChanceGrace", at + ".lastChanceGrace");
                Optional<String> campaign = Optional.empty();
                JsonNode named = policy.get("lastChanceCampaign");
                if (named != null) {
                    if (!named.isTextual() || !CAMPAIGN.matcher(named.asText()).matches()) {
                        problem(at + ".lastChanceCampaign", PlaybookCheck.CAMPAIGN_RULE);
                    } else {
                        campaign = Optional.of(named.asText());
                    }
                }
                if (silence != null && sends.isPresent() && grace != null) {
                    Optional<String> c = campaign;
                    SunsetPolicy built = built(at, () -> new SunsetPolicy(silence, sends.get(), grace, c));
                    if (built != null) byChannel.put(channel.get(), built);
                }
            }
            return new SunsetPolicies(byChannel);
        }

        private LifecyclePolicy lifecycle(JsonNode node) {
            if (node == null || !object(node, "lifecycle", LIFECYCLE)) return null;
            Duration newCustomer = positive(node, "newCustomer", "lifecycle.newCustomer");
            QuietThreshold cooling = threshold(node, "cooling");
            QuietThreshold atRisk = threshold(node, "atRisk");
            QuietThreshold lapsed = threshold(node, "lapsed");
            QuietThreshold dormant = threshold(node, "dormant");
            Duration strong = positive(node, "strongSignalWindow", "lifecycle.strongSignalWindow");
            ScoreWeights weights = weights(required(node, "scoreWeights", "lifecycle.scoreWeights"));
            Optional<Integer> ignored = whole(required(node, "ignoredSends", "lifecycle.ignoredSends"),
                    "lifecycle.ignoredSends", 1, ChannelState.SEND_HISTORY);
            Optional<Integer> every = whole(required(node, "everyChannel", "lifecycle.everyChannel"),
                    "lifecycle.everyChannel", 1, Channel.values().length);
            if (cooling != null && atRisk != null && lapsed != null && dormant != null
                    && (!cooling.noLaterThan(atRisk) || !atRisk.noLaterThan(lapsed) || !lapsed.noLaterThan(dormant))) {
                problem("lifecycle", "need cooling <= atRisk <= lapsed <= dormant, in gaps and in atLeast");
                return null;
            }
            if (newCustomer == null || cooling == null || atRisk == null || lapsed == null || dormant == null
                    || strong == null || weights == null || ignored.isEmpty() || every.isEmpty()) {
                return null;
            }
            SignalPolicy d = SignalPolicy.defaults();
            return built("lifecycle", () -> new LifecyclePolicy(new SignalPolicy(d.usualGap(), lapsed,
                    d.migrationRoutes(), d.migrationOverlap(), d.watchedChannels(), ignored.get(), every.get(),
                    d.stillVisiting(), d.earlyPushOptOut(), d.purchaseRisk()),
                    newCustomer, cooling, atRisk, dormant, strong, weights));
        }

        /** Optional in a document (older ones have none: the defaults); every field required when it is there. */
        private GuardrailPolicy guardrails(JsonNode node) {
            if (!object(node, "guardrails", GUARDRAILS)) return null;
            JsonNode enabled = required(node, "enabled", "guardrails.enabled");
            if (enabled != null && !enabled.isBoolean()) problem("guardrails.enabled", "must be true or false");
            Optional<Integer> minimum = whole(required(node, "minimumDecisions", "guardrails.minimumDecisions"),
                    "guardrails.minimumDecisions", 1, MAX_MINIMUM_DECISIONS);
            Optional<Double> unsubscribe = rate(required(node, "unsubscribeRate", "guardrails.unsubscribeRate"),
                    "guardrails.unsubscribeRate");
            Optional<Double> complaint = rate(required(node, "complaintRate", "guardrails.complaintRate"),
                    "guardrails.complaintRate");
            Optional<Integer> window = whole(required(node, "windowDays", "guardrails.windowDays"),
                    "guardrails.windowDays", 1, GuardrailPolicy.MAX_WINDOW_DAYS);
            if (enabled == null || !enabled.isBoolean() || minimum.isEmpty() || unsubscribe.isEmpty()
                    || complaint.isEmpty() || window.isEmpty()) {
                return null;
            }
            return built("guardrails", () -> new GuardrailPolicy(enabled.booleanValue(), minimum.get(),
                    unsubscribe.get(), complaint.get(), window.get()));
        }

        /** A share above 0 and below 1, such as 0.02 for 2%. */
        private Optional<Double> rate(JsonNode node, String where) {
            if (node == null) return Optional.empty();
            if (!node.isNumber() || !(node.doubleValue() > 0 && node.doubleValue() < 1)) {
                problem(where, "must be a number above 0 and below 1, such as 0.02 for 2%");
                return Optional.empty();
            }
            return Optional.of(node.doubleValue());
        }

        private QuietThreshold threshold(JsonNode lifecycle, String field) {
            String at = "lifecycle." + field;
            JsonNode node = required(lifecycle, field, at);
            if (node == null || !object(node, at, THRESHOLD)) return null;
            Optional<Double> gaps = number(required(node, "gaps", at + ".gaps"), at + ".gaps", false);
            Duration atLeast = positive(node, "atLeast", at + ".atLeast");
            if (gaps.isEmpty() || atLeast == null) return null;
            if (!(gaps.get() > 0) || gaps.get() > 100) {
                problem(at + ".gaps", "must be more than 0 and at most 100 usual gaps");
                return null;
            }
            return new QuietThreshold(gaps.get(), atLeast);
        }

        private ScoreWeights weights(JsonNode node) {
            if (node == null || !object(node, "lifecycle.scoreWeights", WEIGHTS)) return null;
            Optional<Double> weak = number(required(node, "weak", "lifecycle.scoreWeights.weak"), "lifecycle.scoreWeights.weak", true);
            Optional<Double> medium = number(required(node, "medium", "lifecycle.scoreWeights.medium"), "lifecycle.scoreWeights.medium", true);
            Optional<Double> strong = number(required(node, "strong", "lifecycle.scoreWeights.strong"), "lifecycle.scoreWeights.strong", true);
            if (weak.isEmpty() || medium.isEmpty() || strong.isEmpty()) return null;
            if (!(weak.get() <= medium.get() && medium.get() <= strong.get())) {
                problem("lifecycle.scoreWeights", "need weak <= medium <= strong");
                return null;
            }
            return new ScoreWeights(weak.get(), medium.get(), strong.get());
        }

        private Set<Channel> channels(JsonNode node, String where) {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            if (node == null) return channels;
            if (!node.isArray()) {
                problem(where, "must be an array of channels (" + WireNames.all(Channel.class) + ")");
                return channels;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isTextual()) {
                    problem(where + "[" + i + "]", "must be a channel (" + WireNames.all(Channel.class) + ")");
                    continue;
                }
                channel(item.asText(), where + "[" + i + "]").ifPresent(channels::add);
            }
            return channels;
        }

        private Optional<Channel> channel(String name, String where) {
            Optional<Channel> channel = WireNames.lookup(Channel.class, name);
            if (channel.isEmpty()) {
                problem(where.endsWith("]") ? where : where + "." + name,
                        "is not a channel; the channels are " + WireNames.all(Channel.class));
            }
            return channel;
        }

        private ZoneId zone(JsonNode node) {
            if (node == null) return null;
            if (node.isTextual()) {
                try {
                    return ZoneId.of(node.asText()).normalized();
                } catch (DateTimeException e) {
                    // reported below
                }
            }
            problem("defaultTimeZone", "must be a time zone id such as UTC or Europe/Madrid");
            return null;
        }

        private Optional<LocalTime> hour(JsonNode node, String where) {
            if (node == null) return Optional.empty();
            if (!node.isTextual() || !HOUR.matcher(node.asText()).matches()) {
                problem(where, "must be a local time written HH:mm, such as 21:00");
                return Optional.empty();
            }
            return Optional.of(LocalTime.parse(node.asText()));
        }

        /** A required ISO-8601 duration above zero, such as P2D or PT4H; null when it is not. */
        private Duration positive(JsonNode parent, String field, String where) {
            JsonNode node = required(parent, field, where);
            if (node == null) return null;
            if (node.isTextual()) {
                try {
                    Duration duration = Duration.parse(node.asText());
                    if (!duration.isNegative() && !duration.isZero()) return duration;
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            problem(where, "must be an ISO-8601 duration above zero, such as P2D or PT4H");
            return null;
        }

        private Optional<Integer> whole(JsonNode node, String where, int min, int max) {
            if (node == null) return Optional.empty();
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
                problem(where, "must be a whole number from " + min + " to " + max);
                return Optional.empty();
            }
            return Optional.of(node.intValue());
        }

        private Optional<Double> number(JsonNode node, String where, boolean probability) {
            if (node == null) return Optional.empty();
            if (!node.isNumber() || !Double.isFinite(node.doubleValue())
                    || probability && !(node.doubleValue() >= 0 && node.doubleValue() < 1)) {
                problem(where, probability ? "must be a number from 0 up to, not including, 1" : "must be a number");
                return Optional.empty();
            }
            return Optional.of(node.doubleValue());
        }

        private void text(JsonNode parent, String field, String where) {
            JsonNode node = parent.get(field);
            if (node != null && !node.isTextual()) problem(where, "must be text");
        }

        private JsonNode required(JsonNode parent, String field, String where) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                problem(where, "is required");
                return null;
            }
            return node;
        }

        /** Whether {@code node} is an object; {@code fields} null allows any field names. */
        private boolean object(JsonNode node, String where, Set<String> fields) {
            if (!node.isObject()) {
                problem(where, "must be an object");
                return false;
            }
            if (fields != null) {
                node.fieldNames().forEachRemaining(name -> {
                    if (!fields.contains(name)) {
                        problem(where.equals("$") ? name : where + "." + name, "is not a field here; the fields are "
                                + String.join(", ", fields.stream().sorted().toList()));
                    }
                });
            }
            return true;
        }

        /** A value the core checks again: a refusal there is one more problem, not a failure. */
        private <T> T built(String where, Supplier<T> build) {
            try {
                return build.get();
            } catch (IllegalArgumentException e) {
                problem(where, e.getMessage());
                return null;
            }
        }

        private void problem(String where, String problem) {
            problems.add(new JourneyProblem(where, problem));
        }
    }
}
