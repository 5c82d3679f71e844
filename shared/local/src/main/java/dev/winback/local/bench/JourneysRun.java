package dev.winback.local.bench;

import dev.winback.core.journey.AdvanceDueJourneys;

import java.util.Map;

/**
 * One timed journeys timer run and what it cost.
 *
 * @param readUnits  read units on the table's meter during the run (the index queries included)
 * @param writeUnits write units on the table's meter during the run
 * @param indexUnits the read units of the due-index queries alone, measured just before the run
 * @param calls      DynamoDB requests during the run, by "DynamoDb.Operation"
 * @param handedOver what the run handed to the delivery queue's stand-in
 * @param billed     what the run's requests cost by DynamoDB's billing rules ({@link BillingMeter})
 */
record JourneysRun(AdvanceDueJourneys.Report report, double seconds, double readUnits, double writeUnits,
                   double indexUnits, Map<String, Long> calls, CountingMessageRequests.Counts handedOver,
                   BillingMeter.Totals billed) {

    JourneysRun {
        calls = Map.copyOf(calls);
    }

    int due() {
        return report.due();
    }

    double readUnitsPerStep() {
        return readUnits / Math.max(1, due());
    }

    double writeUnitsPerStep() {
        return writeUnits / Math.max(1, due());
    }

    double unitsPerStep() {
        return (readUnits + writeUnits) / Math.max(1, due());
    }

    BillingMeter.Totals billedPerStep() {
        return billed.per(due());
    }

    long requests() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    double requestsPerStep() {
        return (double) requests() / Math.max(1, due());
    }
}
