package dev.winback.core.journey;

import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What puts a customer into a journey. */
public sealed interface Trigger {

    /**
     * An event that matches. {@code keyFact} names the fact whose value keys the run (one run per
     * order, per product line); empty means one run per customer. With {@code perLineItem} a
     * purchase is tested, and may enter, once per line item, with the item's own facts.
     *
     * @param when conditions over the record (and the event) beyond the match's own
     */
    record OnEvent(EventMatch match, Optional<String> keyFact, boolean perLineItem, List<Condition> when)
            implements Trigger {
        public OnEvent {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(keyFact, "keyFact");
            when = List.copyOf(when);
        }
    }

    /**
     * Once a year at a local time in the customer's zone: on their birthday (from the profile; the
     * year is never needed) or on a fixed date. The run's key is the year.
     *
     * @param date empty for the customer's birthday
     */
    record Annual(Optional<MonthDay> date, LocalTime at, List<Condition> when) implements Trigger {
        public Annual {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(at, "at");
            when = List.copyOf(when);
        }

        public boolean birthday() {
            return date.isEmpty();
        }
    }
}
