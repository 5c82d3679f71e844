package dev.winback.core.campaign;

import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A one-off campaign: one message to every member of a segment, through the normal delivery path.
 *
 * @param id             the operator's id, which makes starting it idempotent
 * @param segmentId      whose members receive it, read through {@link dev.winback.core.segment.SegmentMembers}
 * @param templateId     which template set renders it (a campaign id of the template sets)
 * @param channels       the channels to try, in order; empty for the default plan of the purpose
 * @param purpose        marketing (consent, caps, quiet hours, holdouts apply) or transactional
 * @param category       the preference-centre category muting it stops
 * @param schedule       at once, or at a local time in each customer's own zone
 * @param ratePerSecond  at most this many messages handed to delivery a second, on average
 * @param testRecipients customer ids a test send goes to before the real run
 */
public record Campaign(String id, String segmentId, String templateId, List<Channel> channels, Purpose purpose,
                       MessageCategory category, CampaignSchedule schedule, int ratePerSecond,
                       List<String> testRecipients) {

    /** Ids of campaigns, segments and templates: lower-case letters, digits and dashes. */
    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    /** A test send is for a handful of people, not an audience. */
    public static final int MAX_TEST_RECIPIENTS = 20;
    public static final int MAX_RATE_PER_SECOND = 10_000;

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(schedule, "schedule");
        channels = List.copyOf(channels);
        testRecipients = List.copyOf(testRecipients);
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("invalid campaign id");
        if (ratePerSecond < 1 || ratePerSecond > MAX_RATE_PER_SECOND) {
            throw new IllegalArgumentException("ratePerSecond must be 1.." + MAX_RATE_PER_SECOND);
        }
        if (testRecipients.size() > MAX_TEST_RECIPIENTS) {
            throw new IllegalArgumentException("at most " + MAX_TEST_RECIPIENTS + " test recipients");
        }
    }
}
