package dev.winback.core.signal;

import dev.winback.core.event.Platform;
import dev.winback.core.record.Strength;
import dev.winback.core.signal.VisitRhythm.PlatformRhythm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the customer stopped showing up. Quiet everywhere is a lapse; quiet on one platform while a
 * newer one is not is a migration. Both use the same quiet threshold, so they exclude each other.
 */
final class PlatformSignals {

    private PlatformSignals() {
    }

    /** Every platform the customer used has been quiet for the threshold, each by its own rhythm. */
    static Optional<Signal> lapsed(VisitRhythm rhythm, SignalPolicy policy, ThresholdWatch at) {
        Optional<Instant> quietEverywhere = rhythm.everywhereQuietAt(policy.platformQuiet());
        if (quietEverywhere.isEmpty()
                || !at.reached(quietEverywhere.get(), "every platform quiet for " + policy.platformQuiet().describe())) {
            return Optional.empty();
        }
        Instant last = rhythm.lastVisited().orElseThrow().lastSeen();
        String why = "no app, web or store activity for " + Wording.days(Duration.between(last, at.instant()))
                + "; usual gap " + rhythm.describeGaps();
        return Optional.of(new Signal.Lapsed(Strength.STRONG, quietEverywhere.get(), why));
    }

    /**
     * For each quiet platform, the first route in the policy to a platform that is not quiet, started
     * later than the quiet one and no earlier than {@link SignalPolicy#migrationOverlap} before its
     * last visit. The migration became true when both held: the old platform quiet and the new one
     * started.
     */
    static List<Signal> migrations(VisitRhythm rhythm, SignalPolicy policy, ThresholdWatch at) {
        List<Signal> found = new ArrayList<>();
        Set<Platform> moved = EnumSet.noneOf(Platform.class);
        for (MigrationRoute route : policy.migrationRoutes()) {
            if (moved.contains(route.from())) continue;
            Optional<PlatformRhythm> from = rhythm.on(route.from());
            Optional<PlatformRhythm> to = rhythm.on(route.to());
            if (from.isEmpty() || to.isEmpty() || !tookOver(from.get(), to.get(), policy)) continue;
            Instant fromQuiet = from.get().quietAt(policy.platformQuiet());
            Instant toQuiet = to.get().quietAt(policy.platformQuiet());
            String quiet = " quiet for " + policy.platformQuiet().describe();
            if (at.reached(fromQuiet, route.from().wireName() + quiet)
                    && !at.reached(toQuiet, route.to().wireName() + quiet)) {
                moved.add(route.from());
                Instant since = fromQuiet.isAfter(to.get().firstSeen()) ? fromQuiet : to.get().firstSeen();
                found.add(new Signal.PlatformMigration(route.from(), route.to(), Strength.WEAK, since,
                        explain(from.get(), to.get(), at.instant())));
            }
        }
        return found;
    }

    private static boolean tookOver(PlatformRhythm from, PlatformRhythm to, SignalPolicy policy) {
        return to.firstSeen().isAfter(from.firstSeen())
                && !to.firstSeen().isBefore(from.lastSeen().minus(policy.migrationOverlap()));
    }

    private static String explain(PlatformRhythm from, PlatformRhythm to, Instant now) {
        return from.platform().wireName() + " quiet for " + Wording.days(Duration.between(from.lastSeen(), now))
                + " while " + Wording.place(to.platform()) + " is active (last " + Wording.visit(to.platform()) + " "
                + Wording.ago(to.lastSeen(), now) + "): migration, not churn";
    }
}
