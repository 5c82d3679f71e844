package dev.winback.core.template;

import dev.winback.core.delivery.MessageTemplates;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The template language: what a file's source uses, and a set rendered as delivery renders it. */
public interface TemplateEngine {

    /** One file read: the names it uses, or why it cannot be read (each problem once). */
    sealed interface Read {
        record Names(Set<String> names) implements Read {
            public Names {
                names = Set.copyOf(names);
            }
        }

        record Broken(List<String> problems) implements Read {
            public Broken {
                problems = List.copyOf(problems);
            }
        }
    }

    Read read(TemplateFileName name, String source);

    /**
     * Renders the set as delivery would render the campaign: locale fallback, escaping, strict names.
     *
     * @throws MessageTemplates.TemplateException when it cannot
     */
    RenderedContent render(String campaignId, TemplateSet set, Channel channel, Locale locale,
                           Map<String, Object> variables);
}
