package dev.winback.core.feedback;

import java.time.Instant;

/** The account-health guard: marketing email pauses while one of its alarms is in ALARM. */
@FunctionalInterface
public interface AccountHealthAlarms {
    /** Applies an alarm's new state; only a change at the same or a later instant wins. */
    void alarm(String alarmName, boolean inAlarm, Instant at);
}
