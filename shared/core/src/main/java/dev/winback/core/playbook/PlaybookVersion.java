package dev.winback.core.playbook;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A playbook's version: year, month and a revision within the month, written {@code 2026-11-1}.
 * Every request carries it, so an outcome can be traced to the rules that caused it.
 */
public record PlaybookVersion(int year, int month, int revision) implements Comparable<PlaybookVersion> {

    public static final String FORMAT = "year-month-revision, such as 2026-11-1 (month 01 to 12, revision from 1)";
    private static final Pattern PATTERN = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])-([1-9]\\d{0,3})");
    private static final Comparator<PlaybookVersion> ORDER = Comparator.comparingInt(PlaybookVersion::year)
            .thenComparingInt(PlaybookVersion::month).thenComparingInt(PlaybookVersion::revision);

    public PlaybookVersion {
        if (year < 2000 || year > 9999 || month < 1 || month > 12 || revision < 1 || revision > 9999) {
            throw new IllegalArgumentException("playbook version must be " + FORMAT);
        }
    }

    public static Optional<PlaybookVersion> parse(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 2000) return Optional.empty();
        return Optional.of(new PlaybookVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    @Override
    public int compareTo(PlaybookVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return String.format("%04d-%02d-%d", year, month, revision);
    }
}
