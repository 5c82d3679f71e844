package dev.winback.core.journey;

import dev.winback.core.record.EngagementRecord;

import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Journeys entered once a year at a local time: armed in the book's {@code annual} timers, entered
 * when the time comes (the run's key is the year) and armed again for the next year. A fixed date
 * is armed the first time the customer's journeys are looked at; a birthday once the profile has one.
 */
final class AnnualTriggers {

    private final RunBook book;
    private final Admission admission;
    private final EngagementRecord record;
    private final Facts recordFacts;
    private final ZoneId zone;

    AnnualTriggers(RunBook book, Admission admission, EngagementRecord record, Facts recordFacts, ZoneId zone) {
        this.book = book;
        this.admission = admission;
        this.record = record;
        this.recordFacts = recordFacts;
        this.zone = zone;
    }

    /** Arms every annual journey not armed yet; with {@code birthdayChanged}, birthdays afresh. */
    void arm(boolean birthdayChanged) {
        for (JourneyDefinition definition : book.journeys.definitions().values()) {
            if (!(definition.trigger() instanceof Trigger.Annual annual)) continue;
            Instant armedAt = book.annual.get(definition.id());
            if (armedAt != null && !(birthdayChanged && annual.birthday())) continue;
            // Due already: entered at this call's end; re-arming from now would skip it for a year.
            if (armedAt != null && !armedAt.isAfter(book.now)) continue;
            dateOf(annual).ifPresentOrElse(
                    date -> book.annual.put(definition.id(), LocalTimes.nextOn(date, annual.at(), zone, book.now)),
                    () -> book.annual.remove(definition.id()));
        }
    }

    /** Enters the annual journeys whose time came and arms each for its next year. */
    void enterDue() {
        List<String> due = new ArrayList<>();
        for (String journeyId : book.journeys.definitions().keySet()) {
            Instant at = book.annual.get(journeyId);
            if (at != null && !at.isAfter(book.now)) due.add(journeyId);
        }
        book.annual.keySet().removeIf(id -> !(book.journeys.get(id).map(JourneyDefinition::trigger).orElse(null)
                instanceof Trigger.Annual));
        for (String journeyId : due) {
            JourneyDefinition definition = book.journeys.get(journeyId).orElseThrow();
            if (!(definition.trigger() instanceof Trigger.Annual annual)) continue;
            Instant at = book.annual.get(journeyId);
            String year = Integer.toString(at.atZone(zone).getYear());
            if (Conditions.allHold(annual.when(), recordFacts, book.now)) {
                admission.admit(definition, year, at, Map.of("year", year));
            } else {
                book.notEntered(journeyId, year, "conditions");
            }
            Optional<MonthDay> date = dateOf(annual);
            if (date.isPresent()) {
                book.annual.put(journeyId, LocalTimes.nextOn(date.get(), annual.at(), zone, book.now.plusNanos(1)));
            } else {
                book.annual.remove(journeyId);
            }
        }
    }

    private Optional<MonthDay> dateOf(Trigger.Annual annual) {
        if (annual.date().isPresent()) return annual.date();
        return Optional.ofNullable(record.profile().birthday()).flatMap(b -> LocalTimes.birthday(b.value()));
    }
}
