package dev.winback.core.fit;

import dev.winback.core.record.Purchases;

import java.util.List;

/** Reads the purchases of a sample of the customer base, for fitting the purchase model. */
public interface CustomerSample {

    /**
     * @return the purchases of at most {@code maximum} customers, spread over the whole base (not the
     *         first ones in any order that could correlate with behaviour)
     */
    List<Purchases> sample(int maximum);
}
