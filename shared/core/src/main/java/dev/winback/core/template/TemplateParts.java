package dev.winback.core.template;

import dev.winback.core.event.Channel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The parts a channel's template needs, and the ones it may have. */
public record TemplateParts(List<String> required, List<String> optional) {

    public static final String SUBJECT = "subject";
    public static final String HTML = "html";
    public static final String TEXT = "text";
    public static final List<String> KNOWN = List.of(SUBJECT, HTML, TEXT);

    private static final Map<Channel, TemplateParts> BY_CHANNEL = new EnumMap<>(Map.of(
            Channel.EMAIL, new TemplateParts(List.of(SUBJECT, HTML, TEXT), List.of()),
            Channel.PUSH, new TemplateParts(List.of(SUBJECT, TEXT), List.of()),
            Channel.SMS, new TemplateParts(List.of(TEXT), List.of()),
            Channel.IN_APP, new TemplateParts(List.of(SUBJECT, TEXT), List.of(HTML)),
            Channel.WEBHOOK, new TemplateParts(List.of(TEXT), List.of(SUBJECT))));

    public TemplateParts {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
    }

    public static TemplateParts of(Channel channel) {
        return BY_CHANNEL.get(channel);
    }

    public List<String> all() {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return all;
    }
}
