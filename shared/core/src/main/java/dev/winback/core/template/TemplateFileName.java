package dev.winback.core.template;

import dev.winback.core.event.Channel;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of one template file, {@code <channel>[.<locale>].<part>}: a channel's wire name, an
 * optional BCP 47 locale ({@code de}, {@code de-AT}; none is the default template) and a part.
 */
public record TemplateFileName(Channel channel, String locale, String part) {

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

    public TemplateFileName {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(part, "part");
    }

    /** The name's channel, locale and part, or what is wrong with it. */
    public sealed interface Parsed {
        record Name(TemplateFileName name) implements Parsed {
        }

        record Wrong(String problem) implements Parsed {
        }
    }

    public static Parsed parse(String name) {
        String[] pieces = name.split("\\.", -1);
        if (pieces.length < 2 || pieces.length > 3) {
            return new Parsed.Wrong("not a file name: <channel>[.<locale>].<part>, such as email.de.subject");
        }
        Optional<Channel> channel = channel(pieces[0]);
        if (channel.isEmpty()) return new Parsed.Wrong("unknown channel " + quoted(pieces[0]) + " (email, push, sms, in_app, webhook)");
        String locale = pieces.length == 3 ? pieces[1] : "";
        if (pieces.length == 3 && !LOCALE.matcher(locale).matches()) {
            return new Parsed.Wrong("not a locale: " + quoted(locale) + " (a language, and a region after it: de, de-AT)");
        }
        String part = pieces[pieces.length - 1];
        if (!TemplateParts.KNOWN.contains(part)) return new Parsed.Wrong("unknown part " + quoted(part) + " (subject, html, text)");
        if (!TemplateParts.of(channel.get()).all().contains(part)) {
            return new Parsed.Wrong("the " + channel.get().wireName() + " channel has no " + part + " part (it has "
                    + String.join(", ", TemplateParts.of(channel.get()).all()) + ")");
        }
        return new Parsed.Name(new TemplateFileName(channel.get(), locale, part));
    }

    public static String name(Channel channel, String locale, String part) {
        return channel.wireName() + (locale.isEmpty() ? "" : "." + locale) + "." + part;
    }

    public String name() {
        return name(channel, locale, part);
    }

    /** The locale to render this file's variant with: the default template renders for {@link Locale#ROOT}. */
    public Locale renderLocale() {
        return locale.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(locale);
    }

    private static Optional<Channel> channel(String wireName) {
        for (Channel channel : Channel.values()) {
            if (channel.wireName().equals(wireName)) return Optional.of(channel);
        }
        return Optional.empty();
    }

    /** At most 40 characters of what the operator wrote, so a problem stays short. */
    private static String quoted(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }
}
