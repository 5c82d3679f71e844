package dev.winback.local.backtest.replay;

import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.model.Transaction;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A transaction log as contract events. A log says only who bought, when and for how much, so the
 * replay assumes the rest, the same way for everyone, and says so in its output ({@link #ASSUMPTIONS}):
 * each transaction is a {@code purchase_completed} on the web at noon UTC of its day, without line
 * items; and every customer, a minute before their first purchase, gave an email address and
 * granted email marketing consent. Without an address and a consent no message could be sent, and
 * the playbook could not be judged at all.
 */
final class TransactionEvents {

    static final String ASSUMPTIONS = "each transaction is a purchase_completed on the web at 12:00 UTC of its day"
            + " (no line items); every customer gave an email address and email marketing consent a minute before"
            + " their first purchase";
    static final String CONSENT_SOURCE = "replay-assumption";
    static final String WORDING_VERSION = "replay";
    static final String EMAIL_DOMAIN = "replay.invalid";
    private static final Duration NOON = Duration.ofHours(12);
    private static final Duration BEFORE_FIRST_PURCHASE = Duration.ofMinutes(1);

    private TransactionEvents() {
    }

    /** Contract events as JSON lines, in the order of the log (the replay sorts them by time). */
    static List<String> jsonLines(List<Transaction> log, String currency) {
        EventJsonWriter writer = new EventJsonWriter();
        return events(log, currency).stream().map(writer::toJson).toList();
    }

    static List<EngagementEvent> events(List<Transaction> log, String currency) {
        Map<String, Instant> firstPurchase = new HashMap<>();
        for (Transaction t : log) firstPurchase.merge(t.customerId(), at(t, 0), (a, b) -> a.isBefore(b) ? a : b);
        Map<String, Integer> sameDay = new HashMap<>();
        Map<String, Integer> customerNumbers = new HashMap<>();
        List<EngagementEvent> events = new ArrayList<>();
        for (Transaction t : log) {
            String customerId = t.customerId();
            if (!customerNumbers.containsKey(customerId)) {
                int number = customerNumbers.size() + 1;
                customerNumbers.put(customerId, number);
                Instant before = firstPurchase.get(customerId).minus(BEFORE_FIRST_PURCHASE);
                events.add(new EngagementEvent("replay-profile-" + customerId, customerId, before, Optional.empty(),
                        new EventPayload.ProfileUpdated(Optional.of("customer-" + number + "@" + EMAIL_DOMAIN),
                                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                                Optional.empty())));
                events.add(new EngagementEvent("replay-consent-" + customerId, customerId, before, Optional.empty(),
                        new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, CONSENT_SOURCE,
                                WORDING_VERSION)));
            }
            String day = t.date().toString().replace("-", "");
            int nth = sameDay.merge(customerId + "/" + day, 1, Integer::sum);
            String orderId = "replay-" + customerId + "-" + day + "-" + nth;
            events.add(new EngagementEvent(orderId, customerId, at(t, nth - 1), Optional.of(Platform.WEB),
                    new EventPayload.PurchaseCompleted(orderId, t.amount(), currency, List.of())));
        }
        return events;
    }

    /** Noon UTC of the transaction's day, a second later for each earlier transaction that day. */
    private static Instant at(Transaction t, int earlierThatDay) {
        return t.date().atStartOfDay(ZoneOffset.UTC).toInstant().plus(NOON).plusSeconds(earlierThatDay);
    }
}
