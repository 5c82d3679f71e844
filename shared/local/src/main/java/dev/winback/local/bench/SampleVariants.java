package dev.winback.local.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each timed call of the cold-start probe a sample of its own. A function recognises an event
 * or message it has already taken by its id and skips it, so a warm call that repeated the first
 * call's sample would do less work than the first call and flatter the first/warm ratio. Here every
 * id that names an event or a message (event, message and endpoint ids, an EventBridge envelope's id,
 * a delivery request's slot) gets a suffix of the call's own, also inside JSON carried as a string
 * (an SQS body, an SNS message, an HTTP body). Customers stay the same, so every call works on the
 * same records. Plain text, no JSON library: the probe must not load classes the function's first
 * call would otherwise be the one to load.
 */
final class SampleVariants {

    /** A field name in quotes (escaped once when inside a JSON string), a colon and an opening quote. */
    private static final Pattern ID_VALUE = Pattern.compile(
            "(\\\\?\"(?:eventId|messageId|MessageId|id|Id|slot)\\\\?\"\\s*:\\s*\\\\?\")([^\"\\\\]*)");

    private SampleVariants() {
    }

    /** {@code json} (or newline-delimited JSON) with {@code suffix} appended to every event or message id. */
    static String vary(String json, String suffix) {
        if (!suffix.matches("[A-Za-z0-9._:-]+")) throw new IllegalArgumentException("suffix must be id characters");
        Matcher m = ID_VALUE.matcher(json);
        StringBuilder out = new StringBuilder(json.length() + 64);
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + suffix));
        m.appendTail(out);
        return out.toString();
    }
}
