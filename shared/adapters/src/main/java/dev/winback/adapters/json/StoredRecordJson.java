package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.evaluation.EvaluationReport;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.record.ArchivedIdFilter;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ChannelSunsets;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Exposures;
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.Evaluation;
import dev.winback.core.record.InstallState;
import dev.winback.core.record.Membership;
import dev.winback.core.record.PlatformActivity;
import dev.winback.core.record.Preferences;
import dev.winback.core.record.Profile;
import dev.winback.core.record.Purchases;
import dev.winback.core.record.PushPermission;
import dev.winback.core.record.Reachability;
import dev.winback.core.record.RecentEvent;
import dev.winback.core.record.RiskEpisode;
import dev.winback.core.record.RiskState;
import dev.winback.core.record.SeenEvents;
import dev.winback.core.record.SendLog;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.Strength;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.core.record.SunsetState;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static dev.winback.adapters.json.RecordFields.lower;
import static dev.winback.adapters.json.RecordFields.writeEpisode;

/**
 * The engagement record as the stores keep it: the fields the API shows too ({@link RecordFields}),
 * the duplicate-detection window, and a compact evaluation (write units are billed per KB): the
 * signals without their explanations and the next deadline without its reason, which
 * {@link EvaluationReport} words again on read. A record never evaluated has no {@code evaluation}.
 * Streaming writes and tree reads: no reflection, so it costs nothing at cold start.
 */
public final class StoredRecordJson {

    /** Bumped when the stored layout changes incompatibly; readers reject what they do not know. */
    public static final int FORMAT = 1;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    private StoredRecordJson() {
    }

    public static byte[] toBytes(EngagementRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            RecordFields.writeCommon(g, record);
            if (record.evaluation() instanceof Evaluation.Evaluated evaluated) writeStoredEvaluation(g, evaluated);
            writeSeen(g, record.seen());
            writeExposures(g, record.exposures());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing an engagement record", e);
        }
        return out.toByteArray();
    }

    public static EngagementRecord fromBytes(byte[] json) {
        try {
            return read(TREE.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an engagement record", e);
        }
    }

    public static EngagementRecord read(JsonNode n) {
        int format = n.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IllegalStateException("unknown engagement record format " + format);
        }
        return new EngagementRecord(
                n.path("customerId").asText(),
                readPlatforms(n.path("platforms")),
                readPurchases(n.path("purchases")),
                readChannels(n.path("channels")),
                readPushPermission(n.path("pushPermission")),
                readMembership(n.path("membership")),
                readInstall(n.path("install")),
                readProfile(n.path("profile")),
                readRecent(n.path("recent")),
                readSeen(n.path("seen")),
                readEvaluation(n.path("evaluation")),
                readPreferences(n.path("preferences")),
                readSendLog(n.path("sendLog")),
                readExposures(n.path("exposures")));
    }

    // ---- writing what only storage holds

    private static void writeSeen(JsonGenerator g, SeenEvents s) throws IOException {
        g.writeObjectFieldStart("seen");
        g.writeNumberField("archivedThroughDay", s.archivedThroughDay());
        // Epoch day -> the event-id hashes of that day, sorted so equal windows serialise identically.
        Map<Long, TreeSet<Long>> byDay = new TreeMap<>();
        s.ids().forEach((hash, day) -> byDay.computeIfAbsent(day, d -> new TreeSet<>()).add(hash));
        g.writeObjectFieldStart("ids");
        for (Map.Entry<Long, TreeSet<Long>> day : byDay.entrySet()) {
            g.writeArrayFieldStart(Long.toString(day.getKey()));
            for (long hash : day.getValue()) g.writeNumber(hash);
            g.writeEndArray();
        }
        g.writeEndObject();
        if (!s.archived().isEmpty()) {
            g.writeObjectFieldStart("archived");
            g.writeNumberField("count", s.archived().count());
            g.writeArrayFieldStart("filters");
            for (java.util.BitSet filter : s.archived().filters()) {
                g.writeBinary(java.util.Arrays.copyOf(filter.toByteArray(), ArchivedIdFilter.bits() / 8));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeStoredEvaluation(JsonGenerator g, Evaluation.Evaluated e) throws IOException {
        g.writeObjectFieldStart("evaluation");
        g.writeStringField("state", lower(e.state().name()));
        g.writeStringField("since", IsoInstants.format(e.since()));
        g.writeNumberField("score", e.score());
        g.writeStringField("at", IsoInstants.format(e.evaluatedAt()));
        if (e.next().isPresent()) g.writeStringField("next", IsoInstants.format(e.next().get()));
        if (!e.signals().isEmpty()) {
            g.writeArrayFieldStart("signals");
            for (EvaluatedSignal signal : e.signals()) {
                g.writeStartObject();
                g.writeStringField("type", signal.type().wireName());
                if (!signal.subject().isEmpty()) g.writeStringField("subject", signal.subject());
                g.writeStringField("strength", lower(signal.strength().name()));
                g.writeStringField("since", IsoInstants.format(signal.since()));
                if (!signal.actionKeys().isEmpty()) {
                    g.writeArrayFieldStart("keys");
                    for (String key : signal.actionKeys()) g.writeString(key);
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!e.sunsets().byChannel().isEmpty()) {
            g.writeObjectFieldStart("sunsets");
            for (Channel channel : Channel.values()) {
                switch (e.sunsets().state(channel)) {
                    case SunsetState.Active active -> { }
                    case SunsetState.LastChance lastChance -> {
                        g.writeObjectFieldStart(channel.wireName());
                        g.writeStringField("lastChance", IsoInstants.format(lastChance.sentAt()));
                        if (lastChance.requests() > 1) g.writeNumberField("requests", lastChance.requests());
                        g.writeEndObject();
                    }
                    case SunsetState.Sunset sunset -> {
                        g.writeObjectFieldStart(channel.wireName());
                        g.writeStringField("lastChance", IsoInstants.format(sunset.lastChanceSentAt()));
                        g.writeStringField("sunset", IsoInstants.format(sunset.since()));
                        g.writeEndObject();
                    }
                }
            }
            g.writeEndObject();
        }
        writeEpisode(g, e);
        g.writeEndObject();
    }

    // ---- reading

    private static Map<Platform, PlatformActivity> readPlatforms(JsonNode n) {
        Map<Platform, PlatformActivity> out = new EnumMap<>(Platform.class);
        for (Platform p : Platform.values()) {
            JsonNode a = n.get(p.wireName());
            if (a == null) continue;
            out.put(p, new PlatformActivity(instant(a, "firstSeen"), instant(a, "lastSeen"), a.path("count").asLong()));
        }
        return out;
    }

    private static Purchases readPurchases(JsonNode n) {
        if (n.isMissingNode()) return Purchases.NONE;
        Set<Long> days = new HashSet<>();
        n.path("recentDays").forEach(d -> days.add(d.asLong()));
        Map<String, BigDecimal> spend = new HashMap<>();
        n.path("spend").properties().forEach(e -> spend.put(e.getKey(), new BigDecimal(e.getValue().asText())));
        Map<String, Instant> categories = new HashMap<>();
        n.path("recentCategories").properties()
                .forEach(e -> categories.put(e.getKey(), IsoInstants.parse(e.getValue().asText())));
        return new Purchases(instant(n, "first"), instant(n, "last"), n.path("orders").asLong(), days,
                n.path("archivedDays").asLong(), spend, categories);
    }

    private static Map<Channel, ChannelState> readChannels(JsonNode n) {
        Map<Channel, ChannelState> out = new EnumMap<>(Channel.class);
        for (Channel ch : Channel.values()) {
            JsonNode c = n.get(ch.wireName());
            if (c == null) continue;
            Map<Purpose, Stamped<ConsentGrant>> consent = new EnumMap<>(Purpose.class);
            for (Purpose purpose : Purpose.values()) {
                JsonNode s = c.path("consent").get(purpose.wireName());
                if (s == null) continue;
                consent.put(purpose, new Stamped<>(new ConsentGrant(s.path("granted").asBoolean(),
                        s.path("source").asText(), s.path("wordingVersion").asText(), s.path("evidenced").asBoolean()),
                        IsoInstants.parse(s.path("at").asText()), instant(s, "receivedAt")));
            }
            List<Instant> sends = new ArrayList<>();
            c.path("sendsSinceEngagement").forEach(at -> sends.add(IsoInstants.parse(at.asText())));
            List<Instant> failures = new ArrayList<>();
            c.path("failuresSinceDelivery").forEach(at -> failures.add(IsoInstants.parse(at.asText())));
            out.put(ch, new ChannelState(
                    stamped(c.get("reachability"), v -> Reachability.valueOf(v.toUpperCase(Locale.ROOT))),
                    consent,
                    stamped(c.get("subscription"), v -> SubscriptionStatus.valueOf(v.toUpperCase(Locale.ROOT))),
                    instant(c, "lastSent"), instant(c, "lastDelivered"), instant(c, "lastOpened"),
                    instant(c, "lastClicked"), instant(c, "lastConverted"),
                    c.path("sends").asLong(), c.path("opens").asLong(), c.path("clicks").asLong(),
                    c.path("conversions").asLong(), sends, failures));
        }
        return out;
    }

    private static PushPermission readPushPermission(JsonNode n) {
        return new PushPermission(stamped(n.get("granted"), Boolean::valueOf), instant(n, "firstGranted"),
                instant(n, "lastGranted"), instant(n, "lastWithdrawn"));
    }

    private static Membership readMembership(JsonNode n) {
        JsonNode s = n.get("state");
        Stamped<Membership.Tier> state = s == null ? null : new Stamped<>(
                new Membership.Tier(s.path("tier").asText(),
                        MembershipStatus.valueOf(s.path("status").asText().toUpperCase(Locale.ROOT))),
                IsoInstants.parse(s.path("at").asText()));
        return new Membership(state, instant(n, "firstStarted"));
    }

    private static InstallState readInstall(JsonNode n) {
        return new InstallState(stamped(n.get("installed"), Boolean::valueOf), instant(n, "firstInstalled"),
                instant(n, "lastInstalled"), instant(n, "lastUninstalled"));
    }

    private static Profile readProfile(JsonNode n) {
        return new Profile(stamped(n.get("email"), Function.identity()), stamped(n.get("phone"), Function.identity()),
                stamped(n.get("timezone"), Function.identity()), stamped(n.get("locale"), Function.identity()),
                stamped(n.get("birthday"), Function.identity()), stamped(n.get("pushEndpoint"), Function.identity()),
                readAttributes(n.path("attributes")));
    }

    /** Records written before attributes existed have none. */
    private static Map<String, Stamped<String>> readAttributes(JsonNode n) {
        Map<String, Stamped<String>> attributes = new HashMap<>();
        n.properties().forEach(attribute ->
                attributes.put(attribute.getKey(), stamped(attribute.getValue(), Function.identity())));
        return attributes;
    }

    private static List<RecentEvent> readRecent(JsonNode n) {
        List<RecentEvent> out = new ArrayList<>();
        n.forEach(e -> out.add(new RecentEvent(e.path("type").asText(), IsoInstants.parse(e.path("at").asText()),
                e.path("detail").asText(""))));
        return out;
    }

    private static SeenEvents readSeen(JsonNode n) {
        if (n.isMissingNode()) return SeenEvents.NONE;
        Map<Long, Long> ids = new HashMap<>();
        n.path("ids").properties().forEach(day -> {
            long epochDay = Long.parseLong(day.getKey());
            day.getValue().forEach(hash -> ids.put(hash.asLong(), epochDay));
        });
        ArchivedIdFilter archived = ArchivedIdFilter.EMPTY;
        JsonNode filters = n.path("archived");
        if (!filters.isMissingNode()) {
            List<java.util.BitSet> bits = new ArrayList<>();
            for (JsonNode filter : filters.path("filters")) {
                bits.add(java.util.BitSet.valueOf(java.util.Base64.getDecoder().decode(filter.asText())));
            }
            archived = new ArchivedIdFilter(filters.path("count").asLong(), bits);
        }
        return new SeenEvents(n.path("archivedThroughDay").asLong(), ids, archived);
    }

    private static Evaluation readEvaluation(JsonNode n) {
        if (n.isMissingNode()) return Evaluation.NONE;
        List<EvaluatedSignal> signals = new ArrayList<>();
        n.path("signals").forEach(s -> {
            List<String> keys = new ArrayList<>();
            s.path("keys").forEach(k -> keys.add(k.asText()));
            signals.add(new EvaluatedSignal(SignalType.valueOf(s.path("type").asText().toUpperCase(Locale.ROOT)),
                    s.path("subject").asText(""), Strength.valueOf(s.path("strength").asText().toUpperCase(Locale.ROOT)),
                    IsoInstants.parse(s.path("since").asText()), keys));
        });
        Map<Channel, SunsetState> sunsets = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            JsonNode c = n.path("sunsets").get(channel.wireName());
            if (c == null) continue;
            Instant lastChance = IsoInstants.parse(c.path("lastChance").asText());
            Instant sunset = instant(c, "sunset");
            sunsets.put(channel, sunset == null ? new SunsetState.LastChance(lastChance, c.path("requests").asInt(1))
                    : new SunsetState.Sunset(lastChance, sunset));
        }
        return new Evaluation.Evaluated(RiskState.valueOf(n.path("state").asText().toUpperCase(Locale.ROOT)),
                IsoInstants.parse(n.path("since").asText()), n.path("score").asDouble(), signals,
                new ChannelSunsets(sunsets), IsoInstants.parse(n.path("at").asText()),
                Optional.ofNullable(instant(n, "next")), readEpisode(n.path("episode")));
    }

    private static Optional<RiskEpisode> readEpisode(JsonNode n) {
        if (n.isMissingNode()) return Optional.empty();
        List<String> campaigns = new ArrayList<>();
        n.path("campaigns").forEach(c -> campaigns.add(c.asText()));
        return Optional.of(new RiskEpisode(IsoInstants.parse(n.path("since").asText()), campaigns));
    }

    private static Preferences readPreferences(JsonNode n) {
        if (n.isMissingNode()) return Preferences.NONE;
        return new Preferences(
                stampedSet(n.get("mutedCategories"), name -> MessageCategory.byWireName(name).orElseThrow(
                        () -> new IllegalArgumentException("a stored muted category is not a category"))),
                stampedSet(n.get("mutedChannels"), name -> Channel.valueOf(name.toUpperCase(Locale.ROOT))),
                stamped(n.get("maxPerWeek"), Integer::valueOf),
                stamped(n.get("quietHours"), text -> {
                    String[] ends = text.split("-");
                    return new QuietHours(LocalTime.parse(ends[0]), LocalTime.parse(ends[1]));
                }),
                stamped(n.get("pausedUntil"), Instant::parse));
    }

    private static <T> Stamped<Set<T>> stampedSet(JsonNode n, Function<String, T> element) {
        if (n == null) return null;
        Set<T> values = new HashSet<>();
        n.path("value").forEach(v -> values.add(element.apply(v.asText())));
        return new Stamped<>(Set.copyOf(values), IsoInstants.parse(n.path("at").asText()));
    }

    /** Open exposures (storage only: a measurement's bookkeeping, not something to show a customer). */
    private static void writeExposures(JsonGenerator g, Exposures exposures) throws IOException {
        if (exposures.isEmpty()) return;
        g.writeArrayFieldStart("exposures");
        for (Exposures.Exposure e : exposures.open()) {
            g.writeStartObject();
            g.writeStringField("unit", e.unit());
            g.writeStringField("group", e.group().wireName());
            g.writeStringField("at", IsoInstants.format(e.at()));
            if (e.convertedAt().isPresent()) g.writeStringField("converted", IsoInstants.format(e.convertedAt().get()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static Exposures readExposures(JsonNode n) {
        if (n.isMissingNode()) return Exposures.NONE;
        List<Exposures.Exposure> open = new ArrayList<>();
        n.forEach(e -> open.add(new Exposures.Exposure(e.path("unit").asText(),
                Assignment.valueOf(e.path("group").asText().toUpperCase(Locale.ROOT)),
                IsoInstants.parse(e.path("at").asText()), Optional.ofNullable(instant(e, "converted")))));
        return new Exposures(open);
    }

    private static SendLog readSendLog(JsonNode n) {
        if (n.isMissingNode()) return SendLog.EMPTY;
        List<SendLog.Sent> sends = new ArrayList<>();
        n.forEach(s -> sends.add(new SendLog.Sent(Channel.valueOf(s.path("channel").asText().toUpperCase(Locale.ROOT)),
                IsoInstants.parse(s.path("at").asText()))));
        return new SendLog(sends);
    }

    private static <T> Stamped<T> stamped(JsonNode n, Function<String, T> value) {
        if (n == null) return null;
        return new Stamped<>(value.apply(n.path("value").asText()), IsoInstants.parse(n.path("at").asText()),
                instant(n, "receivedAt"));
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null ? null : IsoInstants.parse(v.asText());
    }
}
