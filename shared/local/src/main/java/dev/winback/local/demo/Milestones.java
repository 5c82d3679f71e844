package dev.winback.local.demo;

import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The planned one-off events of a customer (profile, consents, installs, opt-outs, subscriptions, membership)
 * and the traits they amount to. Anything planned after the window is dropped, so traits only name what the
 * events show.
 */
final class Milestones {

    private final long end;
    private final List<Draft> drafts = new ArrayList<>();
    private final EnumSet<Trait> traits = EnumSet.noneOf(Trait.class);

    Milestones(long end) {
        this.end = end;
    }

    /** Returns whether the milestone falls inside the window and was kept. */
    boolean add(long at, Optional<Platform> platform, EventPayload payload) {
        if (at >= end) {
            return false;
        }
        drafts.add(new Draft(at, drafts.size(), platform, payload));
        return true;
    }

    void trait(Trait trait) {
        traits.add(trait);
    }

    List<Draft> drafts() {
        return List.copyOf(drafts);
    }

    Set<Trait> traits() {
        return traits.clone();
    }
}
