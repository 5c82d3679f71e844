package dev.winback.local.runtime.schedule;

/** A schedule expression the local runtime cannot read; the message quotes it and says why. */
public final class InvalidScheduleException extends IllegalArgumentException {

    public InvalidScheduleException(String expression, String reason) {
        super("schedule expression \"" + expression + "\": " + reason);
    }
}
