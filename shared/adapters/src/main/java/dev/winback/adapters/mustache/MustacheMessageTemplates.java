package dev.winback.adapters.mustache;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.winback.core.delivery.MessageTemplates;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The repository's message templates, rendered with jmustache. A template is a set of files on the
 * class path, one per part:
 * {@code winback/templates/<campaignId>/<channel>[.<locale>].<part>.mustache}, where channel is a
 * wire name (email, push, sms, in_app, webhook), locale a BCP 47 tag (de, de-AT) and part one of
 * subject, html, text (see {@link #parts}). HTML parts escape variables; subject and text parts do
 * not. A variable or section name the caller did not supply fails the render, naming the file and
 * the name. Locales fall back from de-AT to de to the file without a locale, and a channel's
 * locale is chosen as a whole (all parts in one language). The webhook channel (messengers) uses
 * the campaign's SMS template when it has none of its own.
 *
 * <p>Files are read and compiled on first use and kept: nothing is loaded at start-up.
 */
public final class MustacheMessageTemplates implements MessageTemplates {

    public static final String SHIPPED_ROOT = "winback/templates";
    public static final String SUBJECT = "subject";
    public static final String HTML = "html";
    public static final String TEXT = "text";

    private static final Pattern CAMPAIGN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .strictSections(true)
            .emptyStringIsFalse(true);
    /**
     * The five characters that matter in HTML text and quoted attributes. jmustache's default also
     * escapes '=' and '`' (for unquoted attributes), which turns every link's query string into
     * {@code &#x3D;}: templates quote their attributes (the tests check), so this set is enough.
     */
    static final Mustache.Escaper HTML_ESCAPER = Escapers.simple(
            new String[]{"&", "&amp;"}, new String[]{"<", "&lt;"}, new String[]{">", "&gt;"},
            new String[]{"\"", "&quot;"}, new String[]{"'", "&#39;"});
    private static final Mustache.Compiler HTML_COMPILER = COMPILER.withEscaper(HTML_ESCAPER);
    private static final Mustache.Compiler PLAIN_COMPILER = COMPILER.withEscaper(Escapers.NONE);

    /** The parts a channel needs, and the ones it may have. */
    public record Parts(List<String> required, List<String> optional) {
        public List<String> all() {
            List<String> all = new ArrayList<>(required);
            all.addAll(optional);
            return all;
        }
    }

    private static final Map<Channel, Parts> PARTS = new EnumMap<>(Map.of(
            Channel.EMAIL, new Parts(List.of(SUBJECT, HTML, TEXT), List.of()),
            Channel.PUSH, new Parts(List.of(SUBJECT, TEXT), List.of()),
            Channel.SMS, new Parts(List.of(TEXT), List.of()),
            Channel.IN_APP, new Parts(List.of(SUBJECT, TEXT), List.of(HTML)),
            Channel.WEBHOOK, new Parts(List.of(TEXT), List.of(SUBJECT))));

    private final String root;
    private final ClassLoader loader;
    private final Map<String, Optional<Template>> compiled = new ConcurrentHashMap<>();

    /** The templates shipped in the artifact. */
    public static MustacheMessageTemplates shipped() {
        return new MustacheMessageTemplates(SHIPPED_ROOT, MustacheMessageTemplates.class.getClassLoader());
    }

    public MustacheMessageTemplates(String root, ClassLoader loader) {
        this.root = root;
        this.loader = loader;
    }

    public static Parts parts(Channel channel) {
        return PARTS.get(channel);
    }

    /** The locales tried for a customer's locale, most specific first; "" is the default template. */
    public static List<String> localeCandidates(Locale locale) {
        List<String> candidates = new ArrayList<>();
        if (locale != null && !locale.getLanguage().isEmpty()) {
            String language = locale.getLanguage();
            if (!locale.getCountry().isEmpty()) candidates.add(language + "-" + locale.getCountry());
            candidates.add(language);
        }
        candidates.add("");
        return candidates;
    }

    @Override
    public RenderedContent render(String campaignId, Channel channel, Locale locale, Map<String, Object> variables) {
        if (campaignId == null || !CAMPAIGN.matcher(campaignId).matches()) {
            throw new TemplateException("not a campaign id (lower-case letters, digits and '-')");
        }
        for (Channel source : sources(channel)) {
            for (String candidate : localeCandidates(locale)) {
                String first = path(campaignId, source, candidate, PARTS.get(source).required().get(0));
                if (template(first).isPresent()) {
                    return render(campaignId, source, candidate, variables);
                }
            }
        }
        throw new TemplateException("no template for campaign " + campaignId + " on channel " + channel.wireName()
                + " (looked for " + path(campaignId, channel, "", PARTS.get(channel).required().get(0)) + ")");
    }

    /** Which channel's files serve a channel: its own, and for messengers the SMS text after that. */
    private static List<Channel> sources(Channel channel) {
        return channel == Channel.WEBHOOK ? List.of(Channel.WEBHOOK, Channel.SMS) : List.of(channel);
    }

    private RenderedContent render(String campaignId, Channel source, String locale, Map<String, Object> variables) {
        Map<String, String> rendered = new LinkedHashMap<>();
        Parts parts = PARTS.get(source);
        for (String part : parts.all()) {
            String path = path(campaignId, source, locale, part);
            Optional<Template> template = template(path);
            if (template.isEmpty()) {
                if (parts.required().contains(part)) {
                    throw new TemplateException("template " + path + " is missing: the " + source.wireName()
                            + " template" + (locale.isEmpty() ? "" : " for locale " + locale) + " needs a " + part
                            + " part");
                }
                continue;
            }
            try {
                rendered.put(part, template.get().execute(variables));
            } catch (MustacheException.Context e) {
                throw new TemplateException("template " + path + ": variable '" + e.key + "' (line " + e.lineNo
                        + ") was not supplied");
            } catch (MustacheException e) {
                throw new TemplateException("template " + path + " could not be rendered: " + e.getMessage());
            }
        }
        Map<String, String> data = Map.of("campaignId", campaignId, "templateLocale", locale.isEmpty() ? "default" : locale);
        return new RenderedContent(
                rendered.getOrDefault(SUBJECT, "").strip(),
                rendered.getOrDefault(HTML, ""),
                rendered.getOrDefault(TEXT, "").strip(),
                data);
    }

    /** The class-path resource of one part. */
    public String path(String campaignId, Channel channel, String locale, String part) {
        return root + "/" + campaignId + "/" + channel.wireName() + (locale.isEmpty() ? "" : "." + locale) + "."
                + part + ".mustache";
    }

    private Optional<Template> template(String path) {
        return compiled.computeIfAbsent(path, this::load);
    }

    private Optional<Template> load(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) return Optional.empty();
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Mustache.Compiler compiler = path.endsWith("." + HTML + ".mustache") ? HTML_COMPILER : PLAIN_COMPILER;
            try {
                return Optional.of(compiler.compile(source));
            } catch (MustacheException e) {
                throw new TemplateException("template " + path + " does not compile: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading template " + path, e);
        }
    }
}
