package dev.winback.core.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Everything Winback holds on one customer, for privacy requests. */
public interface CustomerDataStore {

    /** Every item held on the customer: none once erased (the erasure marker is not data about them). */
    List<HeldItem> held(String customerId);

    AddressTrail addressTrail(String customerId);

    /**
     * Replaces the record with the erasure marker, from which on no write can create or change the
     * record; a customer already erased keeps the time of the first erasure.
     */
    void markErased(String customerId, Instant at);

    /** The address no longer leads to the customer, and can never be given to another customer. */
    void tombstoneAddress(String addressHash, String customerId, Instant at);

    /** @return how many items of the customer's were deleted (all but the erasure marker) */
    int deleteAllButMarker(String customerId);

    /**
     * Deletes the kept rejected events whose raw body {@code names}.
     *
     * @return how many were deleted
     */
    int forgetRejected(Predicate<String> names, Instant now);
}
