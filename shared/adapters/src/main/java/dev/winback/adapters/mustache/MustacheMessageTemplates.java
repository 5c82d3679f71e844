package dev.winback.adapters.mustache;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.winback.core.delivery.MessageTemplates;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.template.TemplateFileName;
import dev.winback.core.template.TemplateParts;
import dev.winback.core.template.TemplateSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository's message templates, rendered with jmustache. A template is a set of files on the
 * class path, one per part:
 * {@code winback/templates/<campaignId>/<channel>[.<locale>].<part>.mustache}, where channel is a
 * wire name (email, push, sms, in_app, webhook), locale a BCP 47 tag (de, de-AT) and part one of
 * subject, html, text (see {@link #parts}). The rules (escaping, strict names, locale fallback,
 * messengers served by SMS text) are {@link MustacheRendering}'s, which stored sets share.
 *
 * <p>Files are read and compiled on first use and kept: nothing is loaded at start-up.
 */
public final class MustacheMessageTemplates implements MessageTemplates {

    public static final String SHIPPED_ROOT = "winback/templates";
    public static final String SUBJECT = TemplateParts.SUBJECT;
    public static final String HTML = TemplateParts.HTML;
    public static final String TEXT = TemplateParts.TEXT;

    /** The escaper of HTML parts, which the pages share (see {@link MustacheRendering#HTML_ESCAPER}). */
    static final Mustache.Escaper HTML_ESCAPER = MustacheRendering.HTML_ESCAPER;

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

    /** The parts a channel needs, and the ones it may have. */
    public static TemplateParts parts(Channel channel) {
        return TemplateParts.of(channel);
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
        if (!TemplateSet.isCampaignId(campaignId)) {
            throw new TemplateException("not a campaign id (lower-case letters, digits and '-')");
        }
        return MustacheRendering.render(campaignId, channel, locale, variables, new MustacheRendering.Files() {
            @Override
            public Optional<Template> template(Channel source, String candidate, String part) {
                return MustacheMessageTemplates.this.template(path(campaignId, source, candidate, part));
            }

            @Override
            public String where(Channel source, String candidate, String part) {
                return path(campaignId, source, candidate, part);
            }
        });
    }

    /** The class-path resource of one part. */
    public String path(String campaignId, Channel channel, String locale, String part) {
        return root + "/" + campaignId + "/" + TemplateFileName.name(channel, locale, part) + ".mustache";
    }

    private Optional<Template> template(String path) {
        return compiled.computeIfAbsent(path, this::load);
    }

    private Optional<Template> load(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) return Optional.empty();
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String part = path.substring(0, path.length() - ".mustache".length());
            try {
                return Optional.of(MustacheRendering.compile(part.substring(part.lastIndexOf('.') + 1), source));
            } catch (MustacheException e) {
                throw new TemplateException("template " + path + " does not compile: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading template " + path, e);
        }
    }
}
