package dev.winback.core.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an operator does with message templates: list the campaigns, check a set, store it as a
 * campaign's new version, activate a version, roll back, return to the shipped templates (version 0,
 * or {@link #deactivate}). Nothing invalid is ever stored or activated, so the templates in use keep
 * serving until a valid set replaces them.
 */
public final class ManageTemplates {

    public static final int SHIPPED = 0;

    /** @param source {@code shipped} while the shipped templates serve the campaign, else {@code stored} */
    public record Listed(String campaignId, String source, int latest, Optional<Integer> active) {
        public Listed {
            Objects.requireNonNull(campaignId, "campaignId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(active, "active");
        }
    }

    /** The set serving a campaign: {@code version} 0 for the shipped one. */
    public record Shown(String campaignId, int version, int latest, TemplateSet set) {
        public Shown {
            Objects.requireNonNull(campaignId, "campaignId");
            Objects.requireNonNull(set, "set");
        }
    }

    public sealed interface Submitted {
        record Stored(String campaignId, int version) implements Submitted {
        }

        record Refused(List<TemplateProblem> problems) implements Submitted {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }

    /** The outcome of an activation: done, no such version, or the stored set no longer passes. */
    public enum Activation { ACTIVATED, NO_SUCH_VERSION, UNREADABLE }

    private final TemplateVersions versions;
    private final TemplateSetFormat format;
    private final ShippedTemplates shipped;
    private final TemplateValidation validation;
    private final Runnable changed;

    /** @param changed told after every change, so this process reads the templates again at once */
    public ManageTemplates(TemplateVersions versions, TemplateSetFormat format, ShippedTemplates shipped,
                           TemplateEngine engine, Runnable changed) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.format = Objects.requireNonNull(format, "format");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.validation = new TemplateValidation(engine, shipped);
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    public List<Listed> list() {
        Map<String, Listed> all = new TreeMap<>();
        shipped.campaigns().forEach(id -> all.put(id, new Listed(id, "shipped", SHIPPED, Optional.of(SHIPPED))));
        for (TemplateSetSummary summary : versions.list()) {
            String id = summary.campaignId();
            all.put(id, summary.active().isPresent()
                    ? new Listed(id, "stored", summary.latest(), summary.active())
                    : new Listed(id, "shipped", summary.latest(),
                    shipped.set(id).isPresent() ? Optional.of(SHIPPED) : Optional.empty()));
        }
        return List.copyOf(all.values());
    }

    /** The active set of a campaign, else the shipped one; empty when it has neither. */
    public Optional<Shown> show(String campaignId) {
        if (!TemplateSet.isCampaignId(campaignId)) return Optional.empty();
        Optional<TemplateSetSummary> summary = versions.list().stream()
                .filter(s -> s.campaignId().equals(campaignId)).findFirst();
        int latest = summary.map(TemplateSetSummary::latest).orElse(SHIPPED);
        Optional<Integer> active = summary.flatMap(TemplateSetSummary::active);
        if (active.isPresent()) {
            Optional<TemplateSet> set = versions.version(campaignId, active.get()).flatMap(format::read);
            if (set.isPresent()) return Optional.of(new Shown(campaignId, active.get(), latest, set.get()));
        }
        return shipped.set(campaignId).map(set -> new Shown(campaignId, SHIPPED, latest, set));
    }

    public List<TemplateProblem> validate(String campaignId, TemplateSet set) {
        return validation.problems(campaignId, set);
    }

    /** Stores the set as the campaign's next version, without activating it. */
    public Submitted submit(String campaignId, TemplateSet set) {
        List<TemplateProblem> problems = validation.problems(campaignId, set);
        if (!problems.isEmpty()) return new Submitted.Refused(problems);
        return new Submitted.Stored(campaignId, versions.put(campaignId, format.write(set)));
    }

    /** Version 0 returns the campaign to its shipped templates. */
    public Activation activate(String campaignId, int version) {
        if (!TemplateSet.isCampaignId(campaignId)) return Activation.NO_SUCH_VERSION;
        if (version == SHIPPED) {
            if (shipped.set(campaignId).isEmpty()) return Activation.NO_SUCH_VERSION;
            deactivate(campaignId);
            return Activation.ACTIVATED;
        }
        Optional<String> text = versions.version(campaignId, version);
        if (text.isEmpty()) return Activation.NO_SUCH_VERSION;
        Optional<TemplateSet> set = format.read(text.get());
        if (set.isEmpty() || !validation.problems(campaignId, set.get()).isEmpty()) return Activation.UNREADABLE;
        if (!versions.activate(campaignId, version)) return Activation.NO_SUCH_VERSION;
        changed.run();
        return Activation.ACTIVATED;
    }

    /** @return false when there is no earlier activation to return to */
    public boolean rollback(String campaignId) {
        if (!TemplateSet.isCampaignId(campaignId)) return false;
        boolean done = versions.rollback(campaignId);
        if (done) changed.run();
        return done;
    }

    /** Back to the shipped templates (a campaign without any then has no template). */
    public void deactivate(String campaignId) {
        versions.deactivate(campaignId);
        changed.run();
    }
}
