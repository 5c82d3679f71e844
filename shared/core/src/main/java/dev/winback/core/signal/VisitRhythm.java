package dev.winback.core.signal;

import dev.winback.core.event.Platform;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.PlatformActivity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How often a customer usually comes to each platform they used, and when they last did. A customer
 * is only as quiet as their least quiet platform: someone who moved from the website to the app is
 * not quiet at all.
 *
 * @param platforms the platforms with at least one visit, in {@link Platform} order
 */
public record VisitRhythm(List<PlatformRhythm> platforms) {

    public VisitRhythm {
        platforms = List.copyOf(platforms);
    }

    /** One platform's rhythm: first and last visit and the usual gap between visits. */
    public record PlatformRhythm(Platform platform, Instant firstSeen, Instant lastSeen, UsualGap.Estimate usualGap) {

        /** When this platform has been quiet for the threshold, with no new visit. */
        public Instant quietAt(QuietThreshold threshold) {
            return lastSeen.plus(threshold.after(usualGap.gap()));
        }
    }

    public static VisitRhythm of(EngagementRecord record, UsualGap usualGap) {
        List<PlatformRhythm> used = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            PlatformActivity activity = record.platform(platform);
            if (activity.lastSeen() != null) {
                used.add(new PlatformRhythm(platform, activity.firstSeen(), activity.lastSeen(), usualGap.of(activity)));
            }
        }
        return new VisitRhythm(used);
    }

    public boolean isEmpty() {
        return platforms.isEmpty();
    }

    public Optional<PlatformRhythm> on(Platform platform) {
        return platforms.stream().filter(p -> p.platform() == platform).findFirst();
    }

    /** The first visit anywhere; empty for a customer never seen on a platform. */
    public Optional<Instant> firstVisit() {
        return platforms.stream().map(PlatformRhythm::firstSeen).min(Instant::compareTo);
    }

    /** The last visit anywhere; empty for a customer never seen on a platform. */
    public Optional<PlatformRhythm> lastVisited() {
        PlatformRhythm last = null;
        for (PlatformRhythm p : platforms) {
            if (last == null || p.lastSeen().isAfter(last.lastSeen())) last = p;
        }
        return Optional.ofNullable(last);
    }

    /**
     * When every platform has been quiet for the threshold, each by its own rhythm; empty for a
     * customer never seen on a platform (who cannot fall quiet).
     */
    public Optional<Instant> everywhereQuietAt(QuietThreshold threshold) {
        return platforms.stream().map(p -> p.quietAt(threshold)).max(Instant::compareTo);
    }

    /**
     * How many thresholds' worth of silence the least quiet platform has at {@code now}: 0 right after
     * a visit, 1 exactly when {@link #everywhereQuietAt} is reached. Zero for no platforms.
     */
    public double overdue(Instant now, QuietThreshold threshold) {
        double least = Double.POSITIVE_INFINITY;
        for (PlatformRhythm p : platforms) {
            double silence = Math.max(0, seconds(Duration.between(p.lastSeen(), now)));
            least = Math.min(least, silence / seconds(threshold.after(p.usualGap().gap())));
        }
        return platforms.isEmpty() ? 0 : least;
    }

    /** In seconds as a double: nanoseconds in a long overflow after 292 years, and a stored date may be that far off. */
    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** "6 days" for one platform, "app 6 days, web 20 days" for several. */
    public String describeGaps() {
        if (platforms.size() == 1) return platforms.getFirst().usualGap().describe();
        List<String> parts = new ArrayList<>();
        for (PlatformRhythm p : platforms) parts.add(p.platform().wireName() + " " + p.usualGap().describe());
        return String.join(", ", parts);
    }
}
