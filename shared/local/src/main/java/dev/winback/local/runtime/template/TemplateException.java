package dev.winback.local.runtime.template;

/** The template cannot be run locally as written; the message names the place and the fix. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
