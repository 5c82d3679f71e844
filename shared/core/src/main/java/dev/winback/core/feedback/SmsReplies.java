package dev.winback.core.feedback;

/** Sends a text back to the number a message came from, from the number it was sent to. */
@FunctionalInterface
public interface SmsReplies {
    void send(String to, String from, String text);
}
