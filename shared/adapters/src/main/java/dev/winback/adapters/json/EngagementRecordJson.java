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
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.Evaluation;
import dev.winback.core.evaluation.EvaluationReport;
import dev.winback.core.record.RiskEpisode;
import dev.winback.core.record.RiskState;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.InstallState;
import dev.winback.core.record.Membership;
import dev.winback.core.record.PlatformActivity;
import dev.winback.core.record.Preferences;
import dev.winback.core.record.Profile;
import dev.winback.core.record.Purchases;
import dev.winback.core.record.PushPermission;
import dev.winback.core.record.Reachability;
import dev.winback.core.record.RecentEvent;
import dev.winback.core.record.SeenEvents;
import dev.winback.core.record.ArchivedIdFilter;
import dev.winback.core.record.SendLog;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import dev.winback.core.record.ChannelSunsets;
import dev.winback.core.record.SunsetState;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

/**
 * The one explicit mapping between {@link EngagementRecord} and JSON, used both for storage and for
 * the API. Streaming writes and tree reads: no reflection, so it costs nothing at cold start.
 * Times are ISO-8601 strings; absent values are omitted.
 *
 * <p>The evaluation is written in two shapes. Stored, it is compact (write units are billed per
 * KB): the signals without their explanations and the next deadline without its reason, which
 * {@link EvaluationReport} words again on read. For the API it has readable names and, given a
 * report, the words. A record never evaluated has no {@code evaluation}.
 */
public final class EngagementRecordJson {

    /** Bumped when the stored layout changes incompatibly; readers reject what they do not know. */
    public static final int FORMAT = 1;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    private EngagementRecordJson() {
    }

    /** @param withBookkeeping include the duplicate-detection window (storage) or not (API) */
    public static byte[] toBytes(EngagementRecord record, boolean withBookkeeping) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        write(record, withBookkeeping, out);
        return out.toByteArray();
    }

    public static void write(EngagementRecord record, boolean withBookkeeping, OutputStream out) {
        write(record, withBookkeeping, Optional.empty(), out);
    }

    /** The API's shape, with the evaluation's explanations and deadline reason when a report is given. */
    public static void writeForApi(EngagementRecord record, Optional<EvaluationReport> report, OutputStream out) {
        write(record, false, report, out);
    }

    private static void write(EngagementRecord record, boolean withBookkeeping, Optional<EvaluationReport> report,
                              OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("customerId", record.customerId());
            writePlatforms(g, record);
            writePurchases(g, record.purchases());
            writeChannels(g, record);
            writePushPermission(g, record.pushPermission());
            writeMembership(g, record.membership());
            writeInstall(g, record.install());
            writeProfile(g, record.profile());
            writePreferences(g, record.preferences());
            writeSendLog(g, record.sendLog());
            g.writeArrayFieldStart("recent");
            for (RecentEvent e : record.recent()) {
                g.writeStartObject();
                g.writeStringField("type", e.type());
                g.writeStringField("at", IsoInstants.format(e.at()));
                if (!e.detail().isEmpty()) g.writeStringField("detail", e.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (record.evaluation() instanceof Evaluation.Evaluated evaluated) {
                if (withBookkeeping) {
                    writeStoredEvaluation(g, evaluated);
                } else {
                    writeApiEvaluation(g, evaluated, report.filter(r -> r.evaluation().equals(evaluated)));
                }
            }
            if (withBookkeeping) writeSeen(g, record.seen());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing an engagement record", e);
        }
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
                readSendLog(n.path("sendLog")));
    }

    // ---- writing

    private static void writePlatforms(JsonGenerator g, EngagementRecord r) throws IOException {
        g.writeObjectFieldStart("platforms");
        for (Platform p : Platform.values()) {
            PlatformActivity a = r.platforms().get(p);
            if (a == null) continue;
            g.writeObjectFieldStart(p.wireName());
            instant(g, "firstSeen", a.firstSeen());
            instant(g, "lastSeen", a.lastSeen());
            g.writeNumberField("count", a.count());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writePurchases(JsonGenerator g, Purchases p) throws IOException {
        g.writeObjectFieldStart("purchases");
        instant(g, "first", p.first());
        instant(g, "last", p.last());
        g.writeNumberField("orders", p.orders());
        g.writeNumberField("purchaseDays", p.purchaseDays());
        g.writeNumberField("repeatPurchaseDays", p.repeatPurchaseDays());
        g.writeArrayFieldStart("recentDays");
        for (long day : new TreeSet<>(p.recentDays())) g.writeNumber(day);
        g.writeEndArray();
        g.writeNumberField("archivedDays", p.archivedDays());
        g.writeObjectFieldStart("spend");
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(p.spendByCurrency()).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().toPlainString());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("recentCategories");
        for (Map.Entry<String, Instant> e : new TreeMap<>(p.recentCategories()).entrySet()) {
            g.writeStringField(e.getKey(), IsoInstants.format(e.getValue()));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeChannels(JsonGenerator g, EngagementRecord r) throws IOException {
        g.writeObjectFieldStart("channels");
        for (Channel ch : Channel.values()) {
            ChannelState c = r.channels().get(ch);
            if (c == null) continue;
            g.writeObjectFieldStart(ch.wireName());
            stamped(g, "reachability", c.reachability(), v -> lower(v.name()));
            if (!c.consent().isEmpty()) {
                g.writeObjectFieldStart("consent");
                for (Purpose purpose : Purpose.values()) {
                    Stamped<ConsentGrant> s = c.consent().get(purpose);
                    if (s == null) continue;
                    g.writeObjectFieldStart(purpose.wireName());
                    g.writeBooleanField("granted", s.value().granted());
                    g.writeStringField("source", s.value().source());
                    g.writeStringField("wordingVersion", s.value().wordingVersion());
                    if (s.value().evidenced()) g.writeBooleanField("evidenced", true);
                    g.writeStringField("at", IsoInstants.format(s.at()));
                    receivedAt(g, s);
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            stamped(g, "subscription", c.subscription(), v -> lower(v.name()));
            instant(g, "lastSent", c.lastSent());
            instant(g, "lastDelivered", c.lastDelivered());
            instant(g, "lastOpened", c.lastOpened());
            instant(g, "lastClicked", c.lastClicked());
            instant(g, "lastConverted", c.lastConverted());
            g.writeNumberField("sends", c.sends());
            g.writeNumberField("opens", c.opens());
            g.writeNumberField("clicks", c.clicks());
            g.writeNumberField("conversions", c.conversions());
            g.writeArrayFieldStart("sendsSinceEngagement");
            for (Instant at : c.sendsSinceEngagement()) g.writeString(IsoInstants.format(at));
            g.writeEndArray();
            if (!c.failuresSinceDelivery().isEmpty()) {
                g.writeArrayFieldStart("failuresSinceDelivery");
                for (Instant at : c.failuresSinceDelivery()) g.writeString(IsoInstants.format(at));
                g.writeEndArray();
                g.writeBooleanField("degraded", c.degraded());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writePushPermission(JsonGenerator g, PushPermission p) throws IOException {
        g.writeObjectFieldStart("pushPermission");
        stamped(g, "granted", p.granted(), String::valueOf);
        instant(g, "firstGranted", p.firstGranted());
        instant(g, "lastGranted", p.lastGranted());
        instant(g, "lastWithdrawn", p.lastWithdrawn());
        g.writeEndObject();
    }

    private static void writeMembership(JsonGenerator g, Membership m) throws IOException {
        g.writeObjectFieldStart("membership");
        if (m.state() != null) {
            g.writeObjectFieldStart("state");
            g.writeStringField("tier", m.state().value().tier());
            g.writeStringField("status", m.state().value().status().wireName());
            g.writeStringField("at", IsoInstants.format(m.state().at()));
            g.writeEndObject();
        }
        instant(g, "firstStarted", m.firstStarted());
        g.writeEndObject();
    }

    private static void writeInstall(JsonGenerator g, InstallState i) throws IOException {
        g.writeObjectFieldStart("install");
        stamped(g, "installed", i.installed(), String::valueOf);
        instant(g, "firstInstalled", i.firstInstalled());
        instant(g, "lastInstalled", i.lastInstalled());
        instant(g, "lastUninstalled", i.lastUninstalled());
        g.writeEndObject();
    }

    private static void writeProfile(JsonGenerator g, Profile p) throws IOException {
        g.writeObjectFieldStart("profile");
        stamped(g, "email", p.email(), Function.identity());
        stamped(g, "phone", p.phone(), Function.identity());
        stamped(g, "timezone", p.timezone(), Function.identity());
        stamped(g, "locale", p.locale(), Function.identity());
        stamped(g, "birthday", p.birthday(), Function.identity());
        stamped(g, "pushEndpoint", p.pushEndpoint(), Function.identity());
        g.writeEndObject();
    }

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

    /** The episode of risk, the same in both shapes; absent outside one. */
    private static void writeEpisode(JsonGenerator g, Evaluation.Evaluated e) throws IOException {
        if (e.episode().isEmpty()) return;
        g.writeObjectFieldStart("episode");
        g.writeStringField("since", IsoInstants.format(e.episode().get().since()));
        g.writeArrayFieldStart("campaigns");
        for (String campaign : e.episode().get().campaigns()) g.writeString(campaign);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeApiEvaluation(JsonGenerator g, Evaluation.Evaluated e, Optional<EvaluationReport> report)
            throws IOException {
        g.writeObjectFieldStart("evaluation");
        g.writeStringField("state", lower(e.state().name()));
        g.writeStringField("since", IsoInstants.format(e.since()));
        g.writeNumberField("riskScore", e.score());
        g.writeStringField("evaluatedAt", IsoInstants.format(e.evaluatedAt()));
        g.writeArrayFieldStart("signals");
        for (int i = 0; i < e.signals().size(); i++) {
            EvaluatedSignal signal = e.signals().get(i);
            g.writeStartObject();
            g.writeStringField("type", signal.type().wireName());
            if (!signal.subject().isEmpty()) g.writeStringField("subject", signal.subject());
            g.writeStringField("strength", lower(signal.strength().name()));
            g.writeStringField("since", IsoInstants.format(signal.since()));
            if (report.isPresent()) g.writeStringField("explanation", report.get().signals().get(i).explanation());
            g.writeArrayFieldStart("actionKeys");
            for (String key : signal.actionKeys()) g.writeString(key);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("sunsets");
        for (Channel channel : Channel.values()) {
            switch (e.sunsets().state(channel)) {
                case SunsetState.Active active -> { }
                case SunsetState.LastChance lastChance -> {
                    g.writeObjectFieldStart(channel.wireName());
                    g.writeStringField("state", "last_chance");
                    g.writeStringField("lastChanceSentAt", IsoInstants.format(lastChance.sentAt()));
                    g.writeEndObject();
                }
                case SunsetState.Sunset sunset -> {
                    g.writeObjectFieldStart(channel.wireName());
                    g.writeStringField("state", "sunset");
                    g.writeStringField("lastChanceSentAt", IsoInstants.format(sunset.lastChanceSentAt()));
                    g.writeStringField("since", IsoInstants.format(sunset.since()));
                    g.writeEndObject();
                }
            }
        }
        g.writeEndObject();
        writeEpisode(g, e);
        if (e.next().isPresent()) {
            g.writeObjectFieldStart("nextDeadline");
            g.writeStringField("at", IsoInstants.format(e.next().get()));
            if (report.isPresent() && report.get().next().isPresent()) {
                g.writeStringField("reason", report.get().next().get().reason());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Written only when the customer set something: most records have no preferences. */
    private static void writePreferences(JsonGenerator g, Preferences p) throws IOException {
        if (p.isEmpty()) return;
        g.writeObjectFieldStart("preferences");
        if (p.mutedCategories() != null) {
            stampedList(g, "mutedCategories", p.mutedCategories().value().stream().sorted()
                    .map(MessageCategory::wireName).toList(), p.mutedCategories().at());
        }
        if (p.mutedChannels() != null) {
            stampedList(g, "mutedChannels", p.mutedChannels().value().stream().sorted().map(Channel::wireName).toList(),
                    p.mutedChannels().at());
        }
        stamped(g, "maxPerWeek", p.maxPerWeek(), String::valueOf);
        stamped(g, "quietHours", p.quietHours(), hours -> hours.start() + "-" + hours.end());
        stamped(g, "pausedUntil", p.pausedUntil(), Instant::toString);
        g.writeEndObject();
    }

    private static void stampedList(JsonGenerator g, String field, List<String> values, Instant at) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeArrayFieldStart("value");
        for (String value : values) g.writeString(value);
        g.writeEndArray();
        g.writeStringField("at", IsoInstants.format(at));
        g.writeEndObject();
    }

    private static void writeSendLog(JsonGenerator g, SendLog log) throws IOException {
        if (log.isEmpty()) return;
        g.writeArrayFieldStart("sendLog");
        for (SendLog.Sent sent : log.recent()) {
            g.writeStartObject();
            g.writeStringField("channel", sent.channel().wireName());
            g.writeStringField("at", IsoInstants.format(sent.at()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static <T> void stamped(JsonGenerator g, String field, Stamped<T> s, Function<T, String> value)
            throws IOException {
        if (s == null) return;
        g.writeObjectFieldStart(field);
        g.writeStringField("value", value.apply(s.value()));
        g.writeStringField("at", IsoInstants.format(s.at()));
        receivedAt(g, s);
        g.writeEndObject();
    }

    /** Written only where it differs from the claimed time: consent and subscriptions. */
    private static void receivedAt(JsonGenerator g, Stamped<?> s) throws IOException {
        if (s.receivedAt() != null && !s.receivedAt().equals(s.at())) {
            g.writeStringField("receivedAt", IsoInstants.format(s.receivedAt()));
        }
    }

    private static void instant(JsonGenerator g, String field, Instant at) throws IOException {
        if (at != null) g.writeStringField(field, IsoInstants.format(at));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
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
                stamped(n.get("birthday"), Function.identity()), stamped(n.get("pushEndpoint"), Function.identity()));
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
