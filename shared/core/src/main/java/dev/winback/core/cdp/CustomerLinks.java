package dev.winback.core.cdp;

import java.util.Collection;
import java.util.Map;

/** Which customer an anonymous customer turned out to be. Implementations throw only for infrastructure failures. */
public interface CustomerLinks {

    /**
     * @param customerId the customer the anonymous one is linked to (the first link made; later ones do not move it)
     * @param folded     whether the anonymous record's registers were handed to ingestion for that customer
     */
    record Link(String customerId, boolean folded) {
    }

    /** The links of those anonymous customers that have one (strongly consistent). */
    Map<String, Link> linksOf(Collection<String> anonymousCustomerIds);

    /** Links the anonymous customer unless it is linked already; answers the link that holds. */
    Link link(String anonymousCustomerId, String customerId);

    /** Notes that the anonymous record was folded into its customer, so a retried identify does not fold again. */
    void markFolded(String anonymousCustomerId);
}
