package dev.winback.adapters.mustache;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.json.JsonTemplateSets;
import dev.winback.core.delivery.MessageTemplates.TemplateException;
import dev.winback.core.event.Channel;
import dev.winback.core.template.TemplateSet;
import dev.winback.core.template.TemplateSetSummary;
import dev.winback.core.template.TemplateVersions;
import dev.winback.core.template.TemplateSamples;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A campaign's active stored set serves it, else the shipped templates; read at most once per refresh. */
class StoredMessageTemplatesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Map<String, Object> VARIABLES = TemplateSamples.loyalMember();

    private final JsonTemplateSets format = new JsonTemplateSets();
    private final Store store = new Store();
    private final List<String> warnings = new ArrayList<>();
    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final StoredMessageTemplates templates = new StoredMessageTemplates(store, format,
            MustacheMessageTemplates.shipped(), ElapsedTime.following(clock), Duration.ofMinutes(1), (message, cause) -> warnings.add(message));

    private String sms(Locale locale) {
        return templates.render("lapsed-any-channel", Channel.SMS, locale, VARIABLES).text();
    }

    private void store(String campaign, int version, Map<String, String> files, boolean activate) {
        store.texts.put(campaign + "#" + version, format.write(new TemplateSet(files)));
        if (activate) store.active.put(campaign, version);
    }

    @Test
    void withoutStoredSets_theShippedTemplatesServe() {
        assertThat(sms(Locale.ENGLISH)).isEqualTo(MustacheMessageTemplates.shipped()
                .render("lapsed-any-channel", Channel.SMS, Locale.ENGLISH, VARIABLES).text());
    }

    @Test
    void anActiveSet_servesItsCampaign_withTheShippedRules_fromTheNextRefresh() {
        sms(Locale.ENGLISH);
        store("lapsed-any-channel", 1, Map.of("sms.text", "{{brandName}}: v1 <b>{{lastPurchaseCategory}}</b>",
                "sms.de.text", "{{brandName}}: Deutsch"), true);

        assertThat(sms(Locale.ENGLISH)).as("read a moment ago").doesNotContain("v1");
        now = now.plusSeconds(60);
        assertThat(sms(Locale.ENGLISH)).as("text is not escaped").isEqualTo("Demo Shop: v1 <b>running shoes</b>");
        assertThat(sms(Locale.forLanguageTag("de-AT"))).as("de-AT falls back to de").isEqualTo("Demo Shop: Deutsch");
        assertThat(templates.render("lapsed-any-channel", Channel.WEBHOOK, Locale.FRENCH, VARIABLES).text())
                .as("messengers use the SMS text").isEqualTo("Demo Shop: v1 <b>running shoes</b>");
        assertThatThrownBy(() -> templates.render("lapsed-any-channel", Channel.EMAIL, Locale.ENGLISH, VARIABLES))
                .as("the set replaces the campaign's templates whole").isInstanceOf(TemplateException.class)
                .hasMessageContaining("stored lapsed-any-channel v1/email.subject");
        assertThat(templates.render("lapse-new-products", Channel.PUSH, Locale.ENGLISH, VARIABLES).subject())
                .as("other campaigns keep their shipped templates").isEqualTo("New arrivals");
    }

    @Test
    void htmlParts_escape_andAMissingVariable_namesTheStoredFile() {
        store("lapsed-any-channel", 1, Map.of("email.subject", "{{brandName}}", "email.html", "<p>{{brandName}}</p>",
                "email.text", "{{daysSinceLastActivity}}"), true);
        Map<String, Object> variables = new HashMap<>(VARIABLES);
        variables.put("brandName", "A&B");
        assertThat(templates.render("lapsed-any-channel", Channel.EMAIL, Locale.ROOT, variables).html()).isEqualTo("<p>A&amp;B</p>");

        variables.remove("daysSinceLastActivity");
        assertThatThrownBy(() -> templates.render("lapsed-any-channel", Channel.EMAIL, Locale.ROOT, variables))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template stored lapsed-any-channel v1/email.text: variable 'daysSinceLastActivity' (line 1) was not supplied");
    }

    @Test
    void reads_atMostOncePerRefresh_andAVersionOnlyWhenItBecameActive() {
        store("lapsed-any-channel", 1, Map.of("sms.text", "v1"), true);
        for (int i = 0; i < 5; i++) sms(Locale.ENGLISH);
        assertThat(store.lists.get()).isEqualTo(1);
        now = now.plusSeconds(61);
        sms(Locale.ENGLISH);
        assertThat(store.lists.get()).isEqualTo(2);
        assertThat(store.versionReads.get()).as("the same version is not read again").isEqualTo(1);

        templates.refreshNow();
        sms(Locale.ENGLISH);
        assertThat(store.lists.get()).as("a change in this process is read at once").isEqualTo(3);
    }

    @Test
    void anUnreadableSet_isSkippedWithAWarning_andTheLastGoodSetKeepsServing() {
        store("lapsed-any-channel", 1, Map.of("sms.text", "v1"), true);
        assertThat(sms(Locale.ENGLISH)).isEqualTo("v1");

        store.texts.put("lapsed-any-channel#2", "{not json");
        store.active.put("lapsed-any-channel", 2);
        now = now.plusSeconds(60);
        assertThat(sms(Locale.ENGLISH)).isEqualTo("v1");
        store.texts.put("lapsed-any-channel#3", format.write(new TemplateSet(Map.of("sms.text", "{{#open}}"))));
        store.active.put("lapsed-any-channel", 3);
        now = now.plusSeconds(60);
        assertThat(sms(Locale.ENGLISH)).isEqualTo("v1");
        assertThat(warnings).containsExactly(
                "stored template set lapsed-any-channel version 2 is unreadable; the templates before it keep serving",
                "stored template set lapsed-any-channel version 3 does not compile; the templates before it keep serving");

        store("lapse-new-products", 1, Map.of("push.subject", "{{#open}}"), true);
        now = now.plusSeconds(60);
        assertThat(templates.render("lapse-new-products", Channel.PUSH, Locale.ENGLISH, VARIABLES).subject())
                .as("no good set before it: the shipped one").isEqualTo("New arrivals");
    }

    @Test
    void whenTheStoreCannotBeRead_whatWasReadKeepsServing() {
        store("lapsed-any-channel", 1, Map.of("sms.text", "v1"), true);
        assertThat(sms(Locale.ENGLISH)).isEqualTo("v1");
        store.failing = true;
        now = now.plusSeconds(60);
        assertThat(sms(Locale.ENGLISH)).isEqualTo("v1");
        assertThat(warnings).containsExactly("reading the active template sets failed; the templates read before keep serving");

        store.failing = false;
        store.active.remove("lapsed-any-channel");
        now = now.plusSeconds(60);
        assertThat(sms(Locale.ENGLISH)).as("deactivated: shipped again").startsWith("Demo Shop:").isNotEqualTo("v1");
    }

    /** Only what rendering reads: the summaries and the versions' text. */
    private static final class Store implements TemplateVersions {
        final Map<String, String> texts = new HashMap<>();
        final Map<String, Integer> active = new TreeMap<>();
        final AtomicInteger lists = new AtomicInteger();
        final AtomicInteger versionReads = new AtomicInteger();
        boolean failing;

        @Override
        public List<TemplateSetSummary> list() {
            lists.incrementAndGet();
            if (failing) throw new IllegalStateException("down");
            List<TemplateSetSummary> out = new ArrayList<>();
            active.forEach((campaign, version) -> out.add(new TemplateSetSummary(campaign, version, Optional.of(version))));
            return out;
        }

        @Override
        public Optional<String> version(String campaignId, int version) {
            versionReads.incrementAndGet();
            return Optional.ofNullable(texts.get(campaignId + "#" + version));
        }

        @Override
        public int put(String campaignId, String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean activate(String campaignId, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Integer> active(String campaignId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean rollback(String campaignId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deactivate(String campaignId) {
            throw new UnsupportedOperationException();
        }
    }
}
