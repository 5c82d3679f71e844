package dev.winback.core.record;

import java.time.Instant;

/** Whether the app is installed; an uninstall is the clearest signal of all. */
public record InstallState(Stamped<Boolean> installed, Instant firstInstalled, Instant lastInstalled,
                           Instant lastUninstalled) {

    public static final InstallState UNKNOWN = new InstallState(null, null, null, null);

    InstallState changed(boolean nowInstalled, Instant at) {
        Stamped<Boolean> merged = Stamped.latest(installed, new Stamped<>(nowInstalled, at), PushPermission.WITHDRAWAL_WINS);
        return nowInstalled
                ? new InstallState(merged, Instants.min(firstInstalled, at), Instants.max(lastInstalled, at),
                lastUninstalled)
                : new InstallState(merged, firstInstalled, lastInstalled, Instants.max(lastUninstalled, at));
    }
}
