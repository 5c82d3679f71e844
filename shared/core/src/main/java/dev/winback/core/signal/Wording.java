package dev.winback.core.signal;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** How explanations say durations, dates, counts and places. Dates are UTC calendar days. */
final class Wording {

    private Wording() {
    }

    /** Whole days, rounded down: "less than a day", "1 day", "41 days". */
    static String days(Duration duration) {
        long days = duration.toDays();
        if (duration.isNegative() || days == 0) return "less than a day";
        return count(days, "day");
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** "today" for less than a day, otherwise "3 days ago". */
    static String ago(Instant then, Instant now) {
        Duration elapsed = Duration.between(then, now);
        return elapsed.toDays() <= 0 ? "today" : days(elapsed) + " ago";
    }

    /** The platform as the subject of a sentence: "the app", "the website", "the store". */
    static String place(Platform platform) {
        return switch (platform) {
            case APP -> "the app";
            case WEB -> "the website";
            case STORE -> "the store";
        };
    }

    /** One visit to the platform: "app session", "web visit", "store visit". */
    static String visit(Platform platform) {
        return switch (platform) {
            case APP -> "app session";
            case WEB -> "web visit";
            case STORE -> "store visit";
        };
    }

    /** One message on the channel: "email", "SMS", "push", "in-app message", "webhook". */
    static String message(Channel channel) {
        return switch (channel) {
            case EMAIL -> "email";
            case SMS -> "SMS";
            case PUSH -> "push";
            case IN_APP -> "in-app message";
            case WEBHOOK -> "webhook";
        };
    }

    /** "9 emails", "1 push", "3 SMS". */
    static String messages(long n, Channel channel) {
        return n + " " + messageNoun(n, channel);
    }

    /** "16 or more emails" when the record stopped counting at {@code n}. */
    static String messages(long n, Channel channel, boolean orMore) {
        return orMore ? n + " or more " + messageNoun(n, channel) : messages(n, channel);
    }

    private static String messageNoun(long n, Channel channel) {
        boolean one = n == 1;
        return switch (channel) {
            case EMAIL -> one ? "email" : "emails";
            case SMS -> "SMS";
            case PUSH -> one ? "push" : "pushes";
            case IN_APP -> one ? "in-app message" : "in-app messages";
            case WEBHOOK -> one ? "webhook" : "webhooks";
        };
    }
}
