package dev.winback.adapters.mustache;

import dev.winback.core.delivery.MessageTemplates;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.observe.Warnings;
import dev.winback.core.template.TemplateSet;
import dev.winback.core.template.TemplateSetFormat;
import dev.winback.core.template.TemplateSetSummary;
import dev.winback.core.template.TemplateVersions;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.cache.RefreshTimer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The templates operators change without a deployment: a campaign whose stored set has an active
 * version renders from that set, any other from the shipped templates, by the same rules
 * ({@link MustacheRendering}). The active versions are read at most once per {@code refresh}, and a
 * version is read and compiled only when it became active, so an activation reaches every function
 * within that time. A stored set that cannot be read or compiled (it was checked before it could be
 * stored, so only a hand-edited item can be) is skipped with a warning and the set that served the
 * campaign before it keeps serving; if the store cannot be read at all, everything read before does.
 */
public final class StoredMessageTemplates implements MessageTemplates {

    /** One active version, compiled. */
    private record ActiveSet(int version, MustacheRendering.Files files) {
    }

    private final TemplateVersions versions;
    private final TemplateSetFormat format;
    private final MessageTemplates shipped;
    private final RefreshTimer refresh;
    private final Warnings warnings;
    private Map<String, ActiveSet> active = Map.of();

    /**
     * @param refresh how often, in {@code elapsed} time, the active versions are read again (zero: on
     *                every render, for tests)
     */
    public StoredMessageTemplates(TemplateVersions versions, TemplateSetFormat format, MessageTemplates shipped,
                                  ElapsedTime elapsed, Duration refresh, Warnings warnings) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.format = Objects.requireNonNull(format, "format");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.refresh = new RefreshTimer(refresh, elapsed);
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public RenderedContent render(String campaignId, Channel channel, Locale locale, Map<String, Object> variables) {
        ActiveSet set = active().get(campaignId);
        if (set == null) return shipped.render(campaignId, channel, locale, variables);
        return MustacheRendering.render(campaignId, channel, locale, variables, set.files());
    }

    /** Forgets when the versions were read, so the next render reads them again (after a change in this process). */
    public synchronized void refreshNow() {
        refresh.expire();
    }

    private synchronized Map<String, ActiveSet> active() {
        long now = refresh.now();
        if (!refresh.dueAt(now)) return active;
        try {
            active = read(active);
        } catch (RuntimeException e) {
            warnings.warn("reading the active template sets failed; the templates read before keep serving", e);
        }
        refresh.readAt(now);
        return active;
    }

    private Map<String, ActiveSet> read(Map<String, ActiveSet> before) {
        Map<String, ActiveSet> read = new HashMap<>();
        for (TemplateSetSummary summary : versions.list()) {
            if (summary.active().isEmpty()) continue;
            String campaignId = summary.campaignId();
            int version = summary.active().get();
            ActiveSet previous = before.get(campaignId);
            if (previous != null && previous.version() == version) {
                read.put(campaignId, previous);
                continue;
            }
            compiled(campaignId, version).or(() -> Optional.ofNullable(previous))
                    .ifPresent(set -> read.put(campaignId, set));
        }
        return Map.copyOf(read);
    }

    private Optional<ActiveSet> compiled(String campaignId, int version) {
        Optional<TemplateSet> set = versions.version(campaignId, version).flatMap(format::read);
        if (set.isEmpty()) {
            warnings.warn("stored template set " + campaignId + " version " + version
                    + " is unreadable; the templates before it keep serving");
            return Optional.empty();
        }
        String where = "stored " + campaignId + " v" + version + "/";
        try {
            return Optional.of(new ActiveSet(version,
                    MustacheRendering.of(MustacheRendering.compileAll(set.get().files(), where), where)));
        } catch (TemplateException e) {
            warnings.warn("stored template set " + campaignId + " version " + version
                    + " does not compile; the templates before it keep serving", e);
            return Optional.empty();
        }
    }
}
