package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Evaluation;
import dev.winback.core.record.InstallState;
import dev.winback.core.record.Membership;
import dev.winback.core.record.PlatformActivity;
import dev.winback.core.record.Preferences;
import dev.winback.core.record.Profile;
import dev.winback.core.record.Purchases;
import dev.winback.core.record.PushPermission;
import dev.winback.core.record.RecentEvent;
import dev.winback.core.record.SendLog;
import dev.winback.core.record.Stamped;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The fields of an {@link EngagementRecord} that the stored shape ({@link StoredRecordJson}) and the
 * API's ({@link CustomerView}) write alike, so the two cannot drift apart. Times are ISO-8601
 * strings; absent values are omitted.
 */
final class RecordFields {

    private RecordFields() {
    }

    /** The fields both shapes open with, in their order: everything up to and including the recent events. */
    static void writeCommon(JsonGenerator g, EngagementRecord record) throws IOException {
        g.writeNumberField("format", StoredRecordJson.FORMAT);
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
    }

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
        writeAttributes(g, p.attributes());
        g.writeEndObject();
    }

    /** Answers to interest questions, by name so that equal profiles serialise identically; absent when none. */
    private static void writeAttributes(JsonGenerator g, Map<String, Stamped<String>> attributes) throws IOException {
        if (attributes.isEmpty()) return;
        g.writeObjectFieldStart("attributes");
        for (Map.Entry<String, Stamped<String>> attribute : new TreeMap<>(attributes).entrySet()) {
            stamped(g, attribute.getKey(), attribute.getValue(), Function.identity());
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

    /** The episode of risk, the same in both shapes; absent outside one. */
    static void writeEpisode(JsonGenerator g, Evaluation.Evaluated e) throws IOException {
        if (e.episode().isEmpty()) return;
        g.writeObjectFieldStart("episode");
        g.writeStringField("since", IsoInstants.format(e.episode().get().since()));
        g.writeArrayFieldStart("campaigns");
        for (String campaign : e.episode().get().campaigns()) g.writeString(campaign);
        g.writeEndArray();
        g.writeEndObject();
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

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
