package dev.winback.core.segment;

/**
 * The segments in force now: asked at every record write, so an implementation caches what it
 * reads and an operator's change applies within its refresh.
 */
@FunctionalInterface
public interface CurrentSegments {

    /** No segment: writes keep no membership. */
    CurrentSegments NONE = () -> Segments.NONE;

    Segments current();
}
