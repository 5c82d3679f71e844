package dev.winback.core.settings;

import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.PlaybookPlans;
import dev.winback.core.evaluation.EvaluationPolicies;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.journey.Checked;
import dev.winback.core.guardrail.GuardrailPolicy;
import dev.winback.core.guardrail.UnitPauses;
import dev.winback.core.guardrail.UnitState;
import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.cache.RefreshTimer;
import dev.winback.core.observe.Warnings;
import dev.winback.core.playbook.Playbook;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules to run: the active stored playbook and settings, else the shipped ones, less the units
 * their guardrails paused. Read at most
 * once per {@code refresh} of elapsed time, so an activation reaches every function within that time without a
 * deployment. A stored version that does not read (it was checked before it could be stored, so
 * only a hand-edited item can be unreadable) is skipped with a warning and the version read before
 * keeps running. If the store cannot be read, what was read before keeps running; before a first
 * read succeeds nothing runs (the callers' timers and queue messages are retried): the shipped
 * rules could be looser than the operator's, and a cap they lowered must never be lifted.
 */
public final class CurrentPolicies implements EvaluationPolicies, DeliveryPolicies {

    private record Running(Playbook playbook, Settings settings, Set<String> paused, EvaluationPolicy evaluation,
                           DeliveryPolicy delivery) {
    }

    private final Source<Playbook> playbooks;
    private final Source<Settings> settings;
    private final UnitPauses pauses;
    private final DeliveryPolicy base;
    private final RefreshTimer refresh;
    private final Warnings warnings;
    private Running current;

    /**
     * @param base what delivery keeps of its own (where customers' quiet hours apply, the send lease,
     *             the phone-number time zones); the channel plans come from the playbook running
     */
    public CurrentPolicies(DocumentVersions playbooks, DocumentFormat<Playbook> playbookFormat, Playbook shippedPlaybook,
                           DocumentVersions settings, DocumentFormat<Settings> settingsFormat, Settings shippedSettings,
                           DeliveryPolicy base, ElapsedTime elapsed, Duration refresh, Warnings warnings) {
        this(playbooks, playbookFormat, shippedPlaybook, settings, settingsFormat, shippedSettings, UnitPauses.NONE, base,
                elapsed, refresh, warnings);
    }

    /**
     * @param pauses the units their guardrails paused, read with the documents: a paused campaign's
     *               marketing actions are out of the playbook the evaluator runs (see
     *               {@link Playbook#withPaused}), and paused journeys admit nobody ({@link #paused()})
     */
    public CurrentPolicies(DocumentVersions playbooks, DocumentFormat<Playbook> playbookFormat, Playbook shippedPlaybook,
                           DocumentVersions settings, DocumentFormat<Settings> settingsFormat, Settings shippedSettings,
                           UnitPauses pauses, DeliveryPolicy base, ElapsedTime elapsed, Duration refresh,
                           Warnings warnings) {
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.playbooks = new Source<>("playbook", playbooks, playbookFormat, shippedPlaybook);
        this.settings = new Source<>("settings", settings, settingsFormat, shippedSettings);
        this.base = Objects.requireNonNull(base, "base");
        this.refresh = new RefreshTimer(refresh, elapsed);
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public EvaluationPolicy evaluation() {
        return running().evaluation();
    }

    @Override
    public DeliveryPolicy delivery() {
        return running().delivery();
    }

    /** The playbook as activated, with nothing paused: what outcomes are measured by. */
    public Playbook playbook() {
        return running().playbook();
    }

    /** The units (campaigns, journeys) their guardrails paused, as read at most a refresh ago. */
    public Set<String> paused() {
        return running().paused();
    }

    /** When units are paused automatically, from the settings running. */
    public GuardrailPolicy guardrails() {
        return running().settings().guardrails();
    }

    /** Forgets what was read, so the next call reads again (after an activation in this process). */
    public synchronized void refreshNow() {
        refresh.expire();
    }

    private synchronized Running running() {
        long now = refresh.now();
        if (current != null && !refresh.dueAt(now)) return current;
        try {
            Playbook playbook = playbooks.read(current == null ? null : current.playbook());
            Settings read = settings.read(current == null ? null : current.settings());
            Set<String> paused = pauses.all().stream().filter(UnitState::paused).map(UnitState::unit)
                    .collect(Collectors.toUnmodifiableSet());
            current = new Running(playbook, read, paused, read.evaluation(playbook.withPaused(paused)),
                    read.delivery(base).withPlans(PlaybookPlans.of(playbook, base.plans())));
        } catch (RuntimeException e) {
            if (current == null) throw new IllegalStateException("the playbook and settings could not be read yet", e);
            warnings.warn("reading the playbook, settings and paused units failed; the ones read before keep running", e);
        }
        refresh.readAt(now);
        return current;
    }

    /** One document: the active stored version that reads, else the one read before, else the shipped one. */
    private final class Source<T> {
        private final String name;
        private final DocumentVersions versions;
        private final DocumentFormat<T> format;
        private final T shipped;

        Source(String name, DocumentVersions versions, DocumentFormat<T> format, T shipped) {
            this.name = name;
            this.versions = Objects.requireNonNull(versions, name);
            this.format = Objects.requireNonNull(format, name);
            this.shipped = Objects.requireNonNull(shipped, name);
        }

        /** @param before what ran until now, null before a first read */
        T read(T before) {
            Optional<Integer> active = versions.active();
            if (active.isEmpty()) return shipped;
            Optional<String> text = versions.version(active.get());
            if (text.isPresent() && format.read(text.get()) instanceof Checked.Valid<T> valid) return valid.value();
            warnings.warn("the stored " + name + " version " + active.get() + " is unreadable; the " + name
                    + " read before it keeps running");
            if (before != null) return before;
            throw new IllegalStateException("the active " + name + " version " + active.get() + " does not read");
        }
    }
}
