package dev.winback.core.delivery;

import dev.winback.core.event.Channel;

import java.util.Locale;
import java.util.Map;

/**
 * The repository's message templates: one per campaign and channel, with per-locale variants.
 * Rendering escapes HTML, falls back from the customer's locale to its language and then to the
 * default, and fails on a variable the template uses but the caller did not supply.
 */
public interface MessageTemplates {

    /**
     * @param variables personalisation drawn from the record and the request (names documented with
     *                  the templates); values are strings, numbers, booleans or nested maps
     * @throws TemplateException when there is no template for the campaign and channel, or a
     *                           variable is missing
     */
    RenderedContent render(String campaignId, Channel channel, Locale locale, Map<String, Object> variables);

    /** Why a message could not be rendered; the message names the template and variable, never a value. */
    final class TemplateException extends RuntimeException {
        public TemplateException(String message) {
            super(message);
        }
    }
}
