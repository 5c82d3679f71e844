package dev.winback.core.template;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The message templates of one campaign: its files by name, {@code <channel>[.<locale>].<part>}
 * ({@code email.subject}, {@code email.de.text}, see {@link TemplateFileName}), each a Mustache source.
 * A stored set replaces the campaign's shipped templates as a whole.
 */
public record TemplateSet(Map<String, String> files) {

    /** What a campaign id may be: it names a folder of shipped templates and a key in the table. */
    public static final Pattern CAMPAIGN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public TemplateSet {
        Objects.requireNonNull(files, "files");
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static boolean isCampaignId(String campaignId) {
        return campaignId != null && CAMPAIGN_ID.matcher(campaignId).matches();
    }

    /** The characters of every source, for the size a stored version may have. */
    public int size() {
        return files.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
    }
}
