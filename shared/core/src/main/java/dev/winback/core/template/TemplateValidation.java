package dev.winback.core.template;

import dev.winback.core.delivery.MessageTemplates;
import dev.winback.core.event.Channel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every problem of a template set, so an operator fixes them in one go: file names that are not
 * {@code <channel>[.<locale>].<part>} (unknown channel or part, a part the channel does not have),
 * sources that do not read, names no message supplies ({@link TemplateSamples#documentedNames}),
 * unescaped variables, a channel's variant without a part it needs, a variant that does not render
 * with the sample variables, and a channel the shipped templates serve that the set leaves out (the
 * campaign could no longer be sent there).
 */
public final class TemplateValidation {

    /** What one stored version may hold: an item stays well under DynamoDB's 400 KB. */
    public static final int MAX_CHARACTERS = 300_000;

    private final TemplateEngine engine;
    private final ShippedTemplates shipped;

    public TemplateValidation(TemplateEngine engine, ShippedTemplates shipped) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
    }

    public List<TemplateProblem> problems(String campaignId, TemplateSet set) {
        List<TemplateProblem> problems = new ArrayList<>();
        if (!TemplateSet.isCampaignId(campaignId)) {
            problems.add(new TemplateProblem("campaignId", "not a campaign id (lower-case letters, digits and '-', at most 64)"));
        }
        if (set.files().isEmpty()) problems.add(new TemplateProblem("files", "a set has at least one file"));
        if (set.size() > MAX_CHARACTERS) {
            problems.add(new TemplateProblem("files", "the set holds " + set.size() + " characters; at most " + MAX_CHARACTERS));
        }
        // channel -> locale -> the parts present; a variant with a broken file is not rendered.
        Map<Channel, Map<String, Set<String>>> variants = new TreeMap<>();
        Set<String> broken = new TreeSet<>();
        Set<String> documented = TemplateSamples.documentedNames();
        for (Map.Entry<String, String> file : set.files().entrySet()) {
            String where = "files." + file.getKey();
            switch (TemplateFileName.parse(file.getKey())) {
                case TemplateFileName.Parsed.Wrong wrong -> problems.add(new TemplateProblem(where, wrong.problem()));
                case TemplateFileName.Parsed.Name parsed -> {
                    TemplateFileName name = parsed.name();
                    variants.computeIfAbsent(name.channel(), c -> new TreeMap<>())
                            .computeIfAbsent(name.locale(), l -> new TreeSet<>()).add(name.part());
                    int before = problems.size();
                    source(where, name, file.getValue(), documented, problems);
                    if (problems.size() > before) broken.add(TemplateFileName.name(name.channel(), name.locale(), ""));
                }
            }
        }
        variants.forEach((channel, locales) -> locales.forEach((locale, parts) -> {
            String variant = TemplateFileName.name(channel, locale, "");
            List<String> missing = new ArrayList<>(TemplateParts.of(channel).required());
            missing.removeAll(parts);
            for (String part : missing) {
                problems.add(new TemplateProblem("files." + TemplateFileName.name(channel, locale, part),
                        "missing: the " + channel.wireName() + " template" + (locale.isEmpty() ? "" : " for " + locale)
                                + " needs a " + part + " part"));
            }
            if (missing.isEmpty() && !broken.contains(variant)) rendered(campaignId, set, channel, locale, problems);
        }));
        shippedChannels(campaignId).stream().filter(channel -> !variants.containsKey(channel)).forEach(channel ->
                problems.add(new TemplateProblem("files", "no " + channel.wireName() + " template: the shipped templates send "
                        + campaignId + " by " + channel.wireName() + ", and this set would leave it without one")));
        return List.copyOf(problems);
    }

    private void source(String where, TemplateFileName name, String source, Set<String> documented,
                        List<TemplateProblem> problems) {
        if (source.contains("{{{") || source.contains("{{&")) {
            problems.add(new TemplateProblem(where, "unescaped variables ({{{…}}}, {{&…}}) are not allowed"));
        }
        if (name.part().equals(TemplateParts.HTML) && source.matches("(?s).*=\\s*\\{\\{.*")) {
            problems.add(new TemplateProblem(where, "a variable in an unquoted attribute (quote it: escaping relies on the quotes)"));
        }
        switch (engine.read(name, source)) {
            case TemplateEngine.Read.Broken read -> read.problems().forEach(p -> problems.add(new TemplateProblem(where, p)));
            case TemplateEngine.Read.Names read -> new TreeSet<>(read.names()).stream()
                    .filter(variable -> !documented.contains(variable))
                    .forEach(variable -> problems.add(new TemplateProblem(where, "undocumented variable '" + variable
                            + "' (documented: " + String.join(", ", documented) + ")")));
        }
    }

    private void rendered(String campaignId, TemplateSet set, Channel channel, String locale, List<TemplateProblem> problems) {
        Set<String> failures = new LinkedHashSet<>();
        for (Map<String, Object> sample : TemplateSamples.all()) {
            try {
                engine.render(campaignId, set, channel, new TemplateFileName(channel, locale, "").renderLocale(), sample);
            } catch (MessageTemplates.TemplateException e) {
                failures.add(e.getMessage());
            }
        }
        String where = "files." + TemplateFileName.name(channel, locale, "").replaceAll("\\.$", "");
        failures.forEach(failure -> problems.add(new TemplateProblem(where,
                "does not render with the sample variables: " + failure)));
    }

    private Set<Channel> shippedChannels(String campaignId) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (!TemplateSet.isCampaignId(campaignId)) return channels;
        shipped.set(campaignId).ifPresent(set -> set.files().keySet().forEach(file -> {
            if (TemplateFileName.parse(file) instanceof TemplateFileName.Parsed.Name name) channels.add(name.name().channel());
        }));
        return channels;
    }
}
