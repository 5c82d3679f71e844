package dev.winback.core.feedback;

/** Remembers what was already done for a notification, so a replay does not do it twice. */
public interface Once {
    /** @return true the first time for this key (and records it), false ever after */
    boolean firstTime(String key);

    boolean done(String key);

    void markDone(String key);
}
