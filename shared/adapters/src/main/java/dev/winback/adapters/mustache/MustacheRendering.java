package dev.winback.adapters.mustache;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.winback.core.delivery.MessageTemplates.TemplateException;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.template.TemplateFileName;
import dev.winback.core.template.TemplateParts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a campaign's message is rendered from its files, wherever they are kept (shipped in the
 * artifact or stored by an operator): HTML parts escape variables, subject and text parts do not; a
 * name the caller did not supply fails the render, naming the file and the name; locales fall back
 * from de-AT to de to the file without a locale, and a channel's locale is chosen as a whole (all
 * parts in one language); the webhook channel (messengers) uses the SMS template when it has none.
 */
final class MustacheRendering {

    /**
     * The five characters that matter in HTML text and quoted attributes. jmustache's default also
     * escapes '=' and '`' (for unquoted attributes), which turns every link's query string into
     * {@code &#x3D;}: templates quote their attributes (the tests and validation check), so this set is enough.
     */
    static final Mustache.Escaper HTML_ESCAPER = Escapers.simple(
            new String[]{"&", "&amp;"}, new String[]{"<", "&lt;"}, new String[]{">", "&gt;"},
            new String[]{"\"", "&quot;"}, new String[]{"'", "&#39;"});
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .strictSections(true)
            .emptyStringIsFalse(true);
    private static final Mustache.Compiler HTML_COMPILER = COMPILER.withEscaper(HTML_ESCAPER);
    private static final Mustache.Compiler PLAIN_COMPILER = COMPILER.withEscaper(Escapers.NONE);

    /** One campaign's files, by channel, locale ("" for the default) and part. */
    interface Files {
        Optional<Template> template(Channel channel, String locale, String part);

        /** How a failure names the file. */
        String where(Channel channel, String locale, String part);
    }

    private MustacheRendering() {
    }

    /** @throws MustacheException when the source does not compile */
    static Template compile(String part, String source) {
        return (part.equals(TemplateParts.HTML) ? HTML_COMPILER : PLAIN_COMPILER).compile(source);
    }

    static RenderedContent render(String campaignId, Channel channel, Locale locale, Map<String, Object> variables,
                                  Files files) {
        for (Channel source : sources(channel)) {
            for (String candidate : MustacheMessageTemplates.localeCandidates(locale)) {
                if (files.template(source, candidate, TemplateParts.of(source).required().get(0)).isPresent()) {
                    return render(campaignId, source, candidate, variables, files);
                }
            }
        }
        throw new TemplateException("no template for campaign " + campaignId + " on channel " + channel.wireName()
                + " (looked for " + files.where(channel, "", TemplateParts.of(channel).required().get(0)) + ")");
    }

    /** Which channel's files serve a channel: its own, and for messengers the SMS text after that. */
    private static List<Channel> sources(Channel channel) {
        return channel == Channel.WEBHOOK ? List.of(Channel.WEBHOOK, Channel.SMS) : List.of(channel);
    }

    private static RenderedContent render(String campaignId, Channel source, String locale, Map<String, Object> variables,
                                          Files files) {
        Map<String, String> rendered = new LinkedHashMap<>();
        TemplateParts parts = TemplateParts.of(source);
        for (String part : parts.all()) {
            String where = files.where(source, locale, part);
            Optional<Template> template = files.template(source, locale, part);
            if (template.isEmpty()) {
                if (parts.required().contains(part)) {
                    throw new TemplateException("template " + where + " is missing: the " + source.wireName()
                            + " template" + (locale.isEmpty() ? "" : " for locale " + locale) + " needs a " + part
                            + " part");
                }
                continue;
            }
            try {
                rendered.put(part, template.get().execute(variables));
            } catch (MustacheException.Context e) {
                throw new TemplateException("template " + where + ": variable '" + e.key + "' (line " + e.lineNo
                        + ") was not supplied");
            } catch (MustacheException e) {
                throw new TemplateException("template " + where + " could not be rendered: " + e.getMessage());
            }
        }
        Map<String, String> data = Map.of("campaignId", campaignId, "templateLocale", locale.isEmpty() ? "default" : locale);
        return new RenderedContent(
                rendered.getOrDefault(TemplateParts.SUBJECT, "").strip(),
                rendered.getOrDefault(TemplateParts.HTML, ""),
                rendered.getOrDefault(TemplateParts.TEXT, "").strip(),
                data);
    }

    /** The compiled files of a set, by their names ({@code email.de.subject}). */
    static Files of(Map<String, Template> byName, String whereBefore) {
        return new Files() {
            @Override
            public Optional<Template> template(Channel channel, String locale, String part) {
                return Optional.ofNullable(byName.get(TemplateFileName.name(channel, locale, part)));
            }

            @Override
            public String where(Channel channel, String locale, String part) {
                return whereBefore + TemplateFileName.name(channel, locale, part);
            }
        };
    }

    /** Every file of a set compiled, by name. @throws TemplateException naming the first file that does not compile */
    static Map<String, Template> compileAll(Map<String, String> files, String whereBefore) {
        Map<String, Template> compiled = new LinkedHashMap<>();
        for (String name : files.keySet()) {
            String part = name.substring(name.lastIndexOf('.') + 1);
            try {
                compiled.put(name, compile(part, files.get(name)));
            } catch (MustacheException e) {
                throw new TemplateException("template " + whereBefore + name + " does not compile: " + e.getMessage());
            }
        }
        return compiled;
    }
}
