package dev.winback.core.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an operator does with journeys: list them, check a definition, store it as a new version,
 * activate a version, roll back, switch a journey off. Nothing invalid is ever stored or activated,
 * so the version running keeps running until a valid one replaces it. The shipped journeys run
 * until the operator stores a version of their own (version 0 is the shipped one); storing one
 * takes the journey over with its shipped text as the active version 1.
 */
public final class ManageJourneys {

    /** @param source {@code shipped} while the operator has not taken the journey over, else {@code stored} */
    public record Listed(String journeyId, String source, int latest, Optional<Integer> active) {
        public Listed {
            Objects.requireNonNull(journeyId, "journeyId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(active, "active");
        }
    }

    public sealed interface Submitted {
        record Stored(StoredVersion version) implements Submitted {
        }

        record Refused(List<JourneyProblem> problems) implements Submitted {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }

    /** The outcome of an activation: done, no such version, or the stored text no longer reads. */
    public enum Activation { ACTIVATED, NO_SUCH_VERSION, UNREADABLE }

    private final JourneyVersions versions;
    private final JourneyFormat format;
    private final ActiveJourneys shipped;
    private final Runnable changed;

    /** @param changed told after every change, so this process reads the journeys again at once */
    public ManageJourneys(JourneyVersions versions, JourneyFormat format, ActiveJourneys shipped, Runnable changed) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.format = Objects.requireNonNull(format, "format");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    public List<Listed> list() {
        Map<String, Listed> all = new TreeMap<>();
        shipped.definitions().keySet().forEach(id -> all.put(id, new Listed(id, "shipped", 0, Optional.of(0))));
        for (JourneySummary summary : versions.list()) {
            all.put(summary.journeyId(), new Listed(summary.journeyId(), "stored", summary.latest(), summary.active()));
        }
        return List.copyOf(all.values());
    }

    public Checked<JourneyDefinition> validate(String text) {
        return format.definition(text);
    }

    /**
     * Stores the definition as the journey's next version, without activating it. A shipped journey
     * is taken over first, its shipped text stored as version 1 and active.
     */
    public Submitted submit(String journeyId, String text) {
        switch (format.definition(text)) {
            case Checked.Invalid<JourneyDefinition> invalid -> {
                return new Submitted.Refused(invalid.problems());
            }
            case Checked.Valid<JourneyDefinition> valid -> {
                if (!valid.value().id().equals(journeyId)) {
                    return new Submitted.Refused(List.of(new JourneyProblem("id",
                            "the definition is of journey " + valid.value().id() + ", not " + journeyId)));
                }
                takeOver(journeyId);
                return new Submitted.Stored(versions.put(journeyId, text));
            }
        }
    }

    /** The text of a stored version, or for version 0 the shipped definition written out. */
    public Optional<String> show(String journeyId, int version) {
        if (version == 0) return shipped.get(journeyId).map(format::write);
        return versions.version(journeyId, version);
    }

    public Activation activate(String journeyId, int version) {
        Optional<String> text = versions.version(journeyId, version);
        if (text.isEmpty()) return Activation.NO_SUCH_VERSION;
        if (format.definition(text.get()) instanceof Checked.Invalid<JourneyDefinition>) return Activation.UNREADABLE;
        if (!versions.activate(journeyId, version)) return Activation.NO_SUCH_VERSION;
        changed.run();
        return Activation.ACTIVATED;
    }

    /** @return false when there is no earlier activation to return to */
    public boolean rollback(String journeyId) {
        boolean done = versions.rollback(journeyId);
        if (done) changed.run();
        return done;
    }

    /**
     * Stops a journey: its runs end when they next move ({@code journey_retired}). A shipped journey
     * is taken over with its shipped text as version 1, then switched off (a rollback restarts it).
     */
    public void deactivate(String journeyId) {
        takeOver(journeyId);
        versions.deactivate(journeyId);
        changed.run();
    }

    /**
     * The operator's first change to a shipped journey takes it over: its shipped text is stored as
     * version 1 and activated, so the journey keeps running as shipped until a version of the
     * operator's is activated, and a rollback returns to it.
     */
    private void takeOver(String journeyId) {
        if (versions.list().stream().anyMatch(s -> s.journeyId().equals(journeyId))) return;
        shipped.get(journeyId).ifPresent(definition -> {
            StoredVersion first = versions.put(journeyId, format.write(definition));
            versions.activate(journeyId, first.version());
        });
    }

    /** Every problem of the stored versions, for a health check. */
    public List<String> unreadable() {
        List<String> out = new ArrayList<>();
        for (JourneySummary summary : versions.list()) {
            summary.active().flatMap(v -> versions.version(summary.journeyId(), v)).ifPresent(text -> {
                if (format.definition(text) instanceof Checked.Invalid<JourneyDefinition>) out.add(summary.journeyId());
            });
        }
        return List.copyOf(out);
    }
}
