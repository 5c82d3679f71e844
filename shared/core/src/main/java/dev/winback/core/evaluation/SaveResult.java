package dev.winback.core.evaluation;

/** How a conditional evaluation write ended. */
public sealed interface SaveResult {

    /** Written, with the actions to publish held in the record. */
    record Saved() implements SaveResult { }

    /** The record changed since it was read: read it again. Nothing was written. */
    record VersionConflict() implements SaveResult { }
}
