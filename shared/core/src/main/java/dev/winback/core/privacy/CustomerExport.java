package dev.winback.core.privacy;

import java.time.Instant;
import java.util.List;

/** Everything held on one customer, as of {@code exportedAt}. */
public record CustomerExport(String customerId, Instant exportedAt, List<HeldItem> items) {
}
