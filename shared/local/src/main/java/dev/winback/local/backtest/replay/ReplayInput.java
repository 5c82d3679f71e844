package dev.winback.local.backtest.replay;

import dev.winback.adapters.json.EventJsonParser;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.ingest.ParseResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history to replay: contract events (JSON, one a line) in occurredAt order, with what the
 * report needs to know beforehand: each customer's purchases and the time span. Each line is read
 * with the contract's own parser, as ingestion will read it. A line the contract refuses is still
 * fed (first), so that ingestion deals with it as it would in AWS (it keeps the rejection); the
 * report counts it as invalid.
 *
 * @param events    the lines, valid ones in occurredAt order (stable), invalid ones first
 * @param customers every customer of a valid event, in the order of the file
 * @param purchases each customer's purchase_completed times, in the order of the file
 * @param invalid   lines the contract refuses
 */
record ReplayInput(List<Dated> events, Set<String> customers, Map<String, List<Instant>> purchases, long invalid) {

    /** One line and its time; {@code at} is empty for a line the contract refuses. */
    record Dated(String line, Optional<Instant> at) {
    }

    ReplayInput {
        events = List.copyOf(events);
        customers = Collections.unmodifiableSet(customers);
        purchases = Collections.unmodifiableMap(purchases);
    }

    static ReplayInput of(List<String> lines) {
        EventJsonParser parser = new EventJsonParser();
        List<Dated> dated = new ArrayList<>();
        Set<String> customers = new LinkedHashSet<>();
        Map<String, List<Instant>> purchases = new LinkedHashMap<>();
        long invalid = 0;
        for (String line : lines) {
            if (line.isBlank()) continue;
            if (parser.parse(line) instanceof ParseResult.Parsed parsed) {
                EngagementEvent event = parsed.event();
                customers.add(event.customerId());
                if (event.payload() instanceof EventPayload.PurchaseCompleted) {
                    purchases.computeIfAbsent(event.customerId(), c -> new ArrayList<>()).add(event.occurredAt());
                }
                dated.add(new Dated(line, Optional.of(event.occurredAt())));
            } else {
                invalid++;
                dated.add(new Dated(line, Optional.empty()));
            }
        }
        dated.sort(Comparator.comparing((Dated d) -> d.at().orElse(Instant.MIN)));
        return new ReplayInput(dated, customers, purchases, invalid);
    }

    Optional<Instant> first() {
        return events.stream().flatMap(d -> d.at().stream()).findFirst();
    }

    Optional<Instant> last() {
        return events.isEmpty() ? Optional.empty() : events.getLast().at();
    }
}
