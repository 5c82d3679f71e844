package dev.winback.core.record;

import dev.winback.core.event.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The most recent marketing sends on every channel, newest first, for frequency caps over rolling
 * windows. Bounded: the top {@link #CAPACITY} by (time, channel), a total order, so the log is the
 * same whatever order the sends arrive in (duplicates never reach it: {@link SeenEvents}).
 * Transactional sends are not logged: they are never capped and never count toward a cap.
 */
public record SendLog(List<Sent> recent) {

    /** Caps must allow at most this many sends per window: a longer history is not kept. */
    public static final int CAPACITY = 16;
    public static final SendLog EMPTY = new SendLog(List.of());

    static final Comparator<Sent> NEWEST_FIRST = Comparator.comparing(Sent::at).reversed()
            .thenComparing(Sent::channel);

    public SendLog {
        recent = List.copyOf(recent);
    }

    public record Sent(Channel channel, Instant at) {
        public Sent {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(at, "at");
        }
    }

    public boolean isEmpty() {
        return recent.isEmpty();
    }

    SendLog with(Channel channel, Instant at) {
        List<Sent> next = new ArrayList<>(recent);
        next.add(new Sent(channel, at));
        next.sort(NEWEST_FIRST);
        return new SendLog(next.size() > CAPACITY ? next.subList(0, CAPACITY) : next);
    }
}
