package dev.winback.core.delivery;

import java.time.ZoneId;
import java.util.List;

/**
 * The time zones a phone number may be in, for customers with no time zone on file. A port: the
 * numbering-plan data lives in an adapter. Every zone returned is taken as possible, so a number
 * that only names its country yields all of the country's zones.
 */
@FunctionalInterface
public interface TimeZoneGuess {

    /** Knows nothing: every customer without a time zone gets the conservative fallback. */
    TimeZoneGuess NONE = phone -> List.of();

    /** The zones the number may be in; empty when the number says nothing usable. Never throws. */
    List<ZoneId> zonesFor(String phoneNumber);
}
