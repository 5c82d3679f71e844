package dev.winback.core.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Exports everything held on one customer: the record, the consent log, archives, the action outbox,
 * the send ledger with a copy of each message's content, the inbox. The export reads only the
 * customer's own data, so it can never contain another customer's.
 */
public final class ExportCustomer {

    private final CustomerDataStore store;
    private final Clock clock;

    public ExportCustomer(CustomerDataStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return empty when nothing is held on the customer (never known, or erased) */
    public Optional<CustomerExport> export(String customerId) {
        List<HeldItem> items = store.held(customerId);
        return items.isEmpty() ? Optional.empty() : Optional.of(new CustomerExport(customerId, clock.instant(), items));
    }
}
