package dev.winback.adapters.mustache;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.template.TemplateEngine;
import dev.winback.core.template.TemplateFileName;
import dev.winback.core.template.TemplateSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Template sets read and rendered as delivery renders them ({@link MustacheRendering}), for validation. */
public final class MustacheTemplateEngine implements TemplateEngine {

    @Override
    public Read read(TemplateFileName name, String source) {
        Template template;
        try {
            template = MustacheRendering.compile(name.part(), source);
        } catch (MustacheException e) {
            return new Read.Broken(List.of("does not read: " + e.getMessage()));
        }
        // jmustache reads a tag left open as text, which would reach the customer as it is.
        if (count(source, "{{") != count(source, "}}")) return new Read.Broken(List.of("a tag is not closed ('{{' without its '}}')"));
        Set<String> names = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String variable) {
                add(variable);
            }

            @Override
            public boolean visitInclude(String partial) {
                problems.add("partials ({{> " + partial + "}}) are not supported: a set is whole in itself");
                return false;
            }

            @Override
            public boolean visitSection(String section) {
                add(section);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String section) {
                add(section);
                return true;
            }

            /** The name looked up first ({@code a} of {@code a.b}); the current item and loop names are no names. */
            private void add(String variable) {
                if (variable.equals(".") || variable.equals("this") || variable.startsWith("-")) return;
                int dot = variable.indexOf('.');
                names.add(dot > 0 ? variable.substring(0, dot) : variable);
            }
        });
        return problems.isEmpty() ? new Read.Names(names) : new Read.Broken(problems);
    }

    @Override
    public RenderedContent render(String campaignId, TemplateSet set, Channel channel, Locale locale,
                                  Map<String, Object> variables) {
        String where = campaignId + "/";
        return MustacheRendering.render(campaignId, channel, locale, variables,
                MustacheRendering.of(MustacheRendering.compileAll(set.files(), where), where));
    }

    private static int count(String source, String tag) {
        return source.split(java.util.regex.Pattern.quote(tag), -1).length - 1;
    }
}
