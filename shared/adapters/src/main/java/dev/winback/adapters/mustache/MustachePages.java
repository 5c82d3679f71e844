package dev.winback.adapters.mustache;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages people see when they follow a link in a message (unsubscribe, keep me subscribed, the
 * preference centre), rendered with jmustache from
 * {@code winback/pages/<page>[.<locale>].mustache}, so an operator can brand and translate them.
 * Pages extend the {@code layout} page ({@code {{<layout}}}) and fill its {@code title} and
 * {@code body} blocks; they may include partials ({@code {{> labels}}}). A page and everything it
 * includes are looked up in one locale chain, as message templates are: de-AT, then de, then the
 * file without a locale (see {@link MustacheMessageTemplates#localeCandidates}).
 *
 * <p>Every variable is HTML-escaped; a date ({@link LocalDate}) reads as "20 November 2026" in the
 * language of the page's file (English for the file without a locale); a section whose name the view does not have is false (labels
 * pick their wording by the one key a view item has), but a variable the view does not have fails
 * the render. Files are read and compiled on first use and kept.
 */
public final class MustachePages {

    public static final String SHIPPED_ROOT = "winback/pages";

    /** Every page the functions render; each must exist without a locale. */
    public enum Page {
        UNSUBSCRIBE_CONFIRM("unsubscribe-confirm"),
        UNSUBSCRIBE_DONE("unsubscribe-done"),
        UNSUBSCRIBE_UNCLEAR("unsubscribe-unclear"),
        UNSUBSCRIBE_INVALID("unsubscribe-invalid"),
        KEEP_SUBSCRIBED_CONFIRM("keep-subscribed-confirm"),
        KEEP_SUBSCRIBED_DONE("keep-subscribed-done"),
        KEEP_SUBSCRIBED_UNCLEAR("keep-subscribed-unclear"),
        KEEP_SUBSCRIBED_INVALID("keep-subscribed-invalid"),
        CHOICE_TRY_AGAIN("choice-try-again"),
        PREFERENCES("preferences"),
        PREFERENCES_INVALID("preferences-invalid"),
        PREFERENCES_UNREADABLE("preferences-unreadable"),
        PREFERENCES_TRY_AGAIN("preferences-try-again");

        private final String file;

        Page(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    /** How a date (a {@link LocalDate} in the view) reads, in the language of the page it is on. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu");
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .strictSections(false)
            .emptyStringIsFalse(true)
            .withEscaper(MustacheMessageTemplates.HTML_ESCAPER);

    private final String root;
    private final ClassLoader loader;
    /**
     * Entries each cache keeps at most. The language comes from the visitor's Accept-Language, which
     * anyone can vary at will on the anonymous link routes: past this bound, pages are still served but
     * no longer remembered, so random languages cost a little CPU and never memory.
     */
    static final int CACHE_LIMIT = 512;

    private final Map<String, Optional<String>> sources = new ConcurrentHashMap<>();
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    /** The pages shipped in the artifact. */
    public static MustachePages shipped() {
        return new MustachePages(SHIPPED_ROOT, MustachePages.class.getClassLoader());
    }

    public MustachePages(String root, ClassLoader loader) {
        this.root = root;
        this.loader = loader;
    }

    /**
     * @param locale the visitor's language, or null for the default pages
     * @param view   the page's variables: strings, dates, booleans, lists and maps of them
     */
    public String render(Page page, Locale locale, Map<String, ?> view) {
        List<String> chain = MustacheMessageTemplates.localeCandidates(locale);
        String name = page.file();
        try {
            String html = cached(compiled, name + "|" + String.join(",", chain), key -> compile(name, chain))
                    .execute(view);
            // One final line break, whatever the files end with.
            return html.stripTrailing() + "\n";
        } catch (MustacheException.Context e) {
            throw new IllegalStateException("page " + name + ": variable '" + e.key + "' (line " + e.lineNo
                    + ") was not supplied");
        } catch (MustacheException e) {
            throw new IllegalStateException("page " + name + " could not be rendered: " + e.getMessage());
        }
    }

    private Template compile(String name, List<String> chain) {
        Locale language = language(name, chain);
        Mustache.Compiler compiler = COMPILER
                .withLoader(partial -> new StringReader(source(partial, chain)))
                .withFormatter(value -> value instanceof LocalDate day
                        ? DAY.withLocale(language).format(day) : String.valueOf(value));
        try {
            return compiler.compile(source(name, chain));
        } catch (MustacheException e) {
            throw new IllegalStateException("page " + name + " does not compile: " + e.getMessage());
        }
    }

    /** The language of the page's most specific file: its locale, English for the file without one. */
    private Locale language(String name, List<String> chain) {
        for (String locale : chain) {
            if (!locale.isEmpty() && cached(sources, path(name, locale), this::read).isPresent()) {
                return Locale.forLanguageTag(locale);
            }
        }
        return Locale.ENGLISH;
    }

    /** The most specific file of a page or partial in the locale chain. */
    private String source(String name, List<String> chain) {
        for (String locale : chain) {
            Optional<String> source = cached(sources, path(name, locale), this::read);
            if (source.isPresent()) return source.get();
        }
        throw new IllegalStateException("no page " + path(name, ""));
    }

    /** The class-path resource of a page or partial in one locale ("" for the default). */
    public String path(String name, String locale) {
        return root + "/" + name + (locale.isEmpty() ? "" : "." + locale) + ".mustache";
    }

    private static <V> V cached(Map<String, V> cache, String key, java.util.function.Function<String, V> load) {
        V known = cache.get(key);
        if (known != null) return known;
        V loaded = load.apply(key);
        if (cache.size() < CACHE_LIMIT) cache.putIfAbsent(key, loaded);
        return loaded;
    }

    /** How many entries the caches hold (for the test that random languages cannot grow them). */
    int cachedEntries() {
        return sources.size() + compiled.size();
    }

    private Optional<String> read(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading page " + path, e);
        }
    }
}
