package dev.winback.core.delivery;

import java.util.Map;
import java.util.Objects;

/**
 * A template rendered for one customer. Each channel uses what fits it: email the subject, HTML and
 * text; push the subject as title and the text as body; SMS and messengers the text; in-app all.
 *
 * @param data small key-value payload for apps (deep link, campaign), never personal data
 */
public record RenderedContent(String subject, String html, String text, Map<String, String> data) {

    public RenderedContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        data = Map.copyOf(data);
    }
}
