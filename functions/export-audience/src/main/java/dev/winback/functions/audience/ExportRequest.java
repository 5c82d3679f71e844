package dev.winback.functions.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to export, from a direct invocation or a scheduled rule's constant input:
 * {@code {"segmentId": "premium-cancelled", "definitionVersion": 3}} (the version is optional).
 * The segment id becomes part of the files' keys, so it is held to a safe alphabet.
 */
public record ExportRequest(String segmentId, Optional<Integer> definitionVersion) {

    static final Pattern SEGMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    /** The request, or an exception naming every field that is wrong. */
    public static ExportRequest of(Map<String, Object> input) {
        List<String> problems = new ArrayList<>();
        Object segment = input == null ? null : input.get("segmentId");
        if (!(segment instanceof String id) || !SEGMENT_ID.matcher(id).matches()) {
            problems.add("segmentId: required, 1 to 128 letters, digits, '-' or '_', starting with a letter or digit");
        }
        Object version = input == null ? null : input.get("definitionVersion");
        if (version != null && !(version instanceof Integer v && v > 0)) {
            problems.add("definitionVersion: when given, a whole number from 1");
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return new ExportRequest((String) segment, Optional.ofNullable((Integer) version));
    }
}
