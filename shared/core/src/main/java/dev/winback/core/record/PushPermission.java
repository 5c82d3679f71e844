package dev.winback.core.record;

import java.time.Instant;

/**
 * The OS push permission. {@code firstGranted} tells an opt-out right after install (weak: many
 * people decline push for every app) from one after having been opted in (strong).
 */
public record PushPermission(Stamped<Boolean> granted, Instant firstGranted, Instant lastGranted,
                             Instant lastWithdrawn) {

    /** At the same instant a withdrawal beats a grant. */
    static final java.util.Comparator<Boolean> WITHDRAWAL_WINS = java.util.Comparator.comparing((Boolean g) -> !g);

    public static final PushPermission UNKNOWN = new PushPermission(null, null, null, null);

    PushPermission changed(boolean nowGranted, Instant at) {
        Stamped<Boolean> merged = Stamped.latest(granted, new Stamped<>(nowGranted, at), WITHDRAWAL_WINS);
        return nowGranted
                ? new PushPermission(merged, Instants.min(firstGranted, at), Instants.max(lastGranted, at), lastWithdrawn)
                : new PushPermission(merged, firstGranted, lastGranted, Instants.max(lastWithdrawn, at));
    }
}
