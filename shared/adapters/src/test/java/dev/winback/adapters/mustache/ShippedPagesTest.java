package dev.winback.adapters.mustache;

import dev.winback.adapters.mustache.MustachePages.Page;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The link pages as shipped: every page renders in every shipped locale, whatever a customer or a
 * link puts in a page is escaped, and a locale without its own file falls back as messages do.
 */
class ShippedPagesTest {

    private static final Pattern LOCALIZED = Pattern.compile("[a-z0-9-]+\\.([a-z]{2,3}(?:-[A-Z]{2})?)\\.mustache");
    private final MustachePages pages = MustachePages.shipped();

    @Test
    void everyPage_rendersInEveryShippedLocale_asAWholeAccessiblePage() throws IOException {
        List<String> locales = new ArrayList<>(shippedLocales());
        locales.addFirst("");
        assertThat(locales).as("a translation ships besides the default").hasSizeGreaterThan(1);
        for (String locale : locales) {
            for (Page page : Page.values()) {
                String html = pages.render(page, locale.isEmpty() ? null : Locale.forLanguageTag(locale), sample(page));
                assertThat(html).as(page + " " + locale)
                        .startsWith("<!doctype html>\n<html lang=\"" + (locale.isEmpty() ? "en" : locale) + "\">")
                        .contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
                        .containsPattern("<title>[^<]+</title>").containsPattern("<h1>[^<]+</h1>")
                        .doesNotContain("{{").doesNotContain("}}").endsWith("</html>\n");
                if (html.contains("<form")) assertThat(html).as(page + " " + locale).contains("<button type=\"submit\">");
            }
        }
    }

    @Test
    void everyShippedPageFile_escapesWhatItShows() throws IOException {
        try (Stream<Path> files = Files.list(shippedDirectory())) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.getFileName().toString())
                        .doesNotContain("{{{").doesNotContain("{{&");
            }
        }
    }

    @Test
    void customerAndLinkValues_areHtmlEscaped() {
        String hostile = "<script>alert(\"x\")</script> & 'co'";
        String escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;";

        Map<String, Object> unsubscribe = new HashMap<>(sample(Page.UNSUBSCRIBE_CONFIRM));
        unsubscribe.put("category", hostile);
        assertThat(pages.render(Page.UNSUBSCRIBE_CONFIRM, null, unsubscribe))
                .contains("(" + escaped + " and all other marketing on this channel)").doesNotContain("<script>");

        Map<String, Object> preferences = new HashMap<>(sample(Page.PREFERENCES));
        preferences.put("channels", List.of(Map.of("name", "channels.sms", "label", Map.of("sms", true),
                "checked", false, "error", hostile, "unavailable", hostile)));
        preferences.put("zone", hostile);
        String html = pages.render(Page.PREFERENCES, null, preferences);
        assertThat(html).doesNotContain("<script>")
                .contains("<strong>Text messages (SMS):</strong> not available. " + escaped + "</p>")
                .contains("<p id=\"channels.sms-error\"><strong>Error:</strong> " + escaped + "</p>")
                .contains("in your time zone (" + escaped + ")");
    }

    @Test
    void aLocaleWithoutItsOwnFiles_fallsBackToTheLanguage_thenToTheDefault() {
        Map<String, Object> view = sample(Page.PREFERENCES);
        assertThat(pages.render(Page.PREFERENCES, Locale.forLanguageTag("de-AT"), view))
                .contains("<html lang=\"de\">").contains("<h1>Ihre Nachrichten-Einstellungen</h1>")
                // the checkbox partial is shared; its label is the German one
                .contains("<label for=\"categories.promotions\">Aktionen und Sonderangebote</label>")
                .contains("bis zum Ende des 24 Dezember 2026 pausiert");
        assertThat(pages.render(Page.PREFERENCES, Locale.FRENCH, view))
                .contains("<html lang=\"en\">").contains("<h1>Your message preferences</h1>")
                .contains("paused until the end of 24 December 2026.");
    }

    @Test
    void visitorsWithEveryLanguageUnderTheSun_getPagesButNeverGrowTheCaches() {
        Map<String, Object> view = sample(Page.UNSUBSCRIBE_INVALID);
        for (int i = 0; i < 3 * MustachePages.CACHE_LIMIT; i++) {
            String language = "zz" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26) + (char) ('a' + i / 676 % 26);
            assertThat(pages.render(Page.UNSUBSCRIBE_INVALID, Locale.forLanguageTag(language), view))
                    .contains("<html lang=\"en\">");
        }
        assertThat(pages.cachedEntries()).isLessThanOrEqualTo(2 * MustachePages.CACHE_LIMIT);
    }

    @Test
    void aVariableThePageNeeds_butTheViewLacks_failsTheRender() {
        assertThatThrownBy(() -> pages.render(Page.PREFERENCES, null, Map.of()))
                .hasMessageContaining("preferences");
    }

    /** A view with every variable each page uses. */
    static Map<String, Object> sample(Page page) {
        return switch (page) {
            case UNSUBSCRIBE_CONFIRM, UNSUBSCRIBE_DONE -> Map.of("email", true, "category", "promotions");
            case PREFERENCES -> preferences();
            default -> Map.of();
        };
    }

    private static Map<String, Object> preferences() {
        Map<String, Object> view = new HashMap<>();
        view.put("notice", Map.of("saved", true, "unchanged", false));
        view.put("refused", Map.of("oneError", false, "errorCount", "2", "summary", List.of(
                Map.of("label", Map.of("maxPerWeek", true), "message", "must be a whole number"),
                Map.of("label", Map.of("someChoice", true), "message", "unknown"))));
        view.put("categories", List.of(
                control("categories.promotions", Map.of("promotions", true), true, ""),
                control("categories.surveys", Map.of("surveys", true), false, "must be on or off")));
        Map<String, Object> push = new HashMap<>(control("channels.push", Map.of("push", true), false, ""));
        push.put("unavailable", "Turn notifications on in your settings.");
        Map<String, Object> email = new HashMap<>(control("channels.email", Map.of("email", true), true, ""));
        email.put("unavailable", "");
        view.put("channels", List.of(email, push));
        view.put("frequency", Map.of("name", "maxPerWeek", "error", "", "options", List.of(
                Map.of("value", "0", "selected", false, "noLimit", true),
                Map.of("value", "1", "selected", true, "noLimit", false))));
        view.put("zone", "Europe/Madrid");
        view.put("quietFrom", Map.of("name", "quietHours.start", "error", "", "value", "22:00"));
        view.put("quietUntil", Map.of("name", "quietHours.end", "error", "use HH:MM", "value", ""));
        view.put("resumeNow", Map.of("name", "resume", "error", "", "pausedUntilDay", LocalDate.of(2026, 12, 24)));
        view.put("pauseUntil", Map.of("name", "pausedUntil", "error", "", "min", "2026-11-24", "max", "2027-11-23",
                "value", "2026-12-24"));
        return view;
    }

    private static Map<String, Object> control(String name, Map<String, Boolean> label, boolean checked, String error) {
        return Map.of("name", name, "label", label, "checked", checked, "error", error);
    }

    private static Set<String> shippedLocales() throws IOException {
        Set<String> locales = new TreeSet<>();
        try (Stream<Path> files = Files.list(shippedDirectory())) {
            for (Path file : files.toList()) {
                Matcher m = LOCALIZED.matcher(file.getFileName().toString());
                if (m.matches()) locales.add(m.group(1));
            }
        }
        return locales;
    }

    private static Path shippedDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/adapters/src/main/resources").resolve(MustachePages.SHIPPED_ROOT);
            if (Files.isDirectory(candidate)) return candidate;
            candidate = dir.resolve("src/main/resources").resolve(MustachePages.SHIPPED_ROOT);
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("the shipped pages are not under this directory");
    }
}
