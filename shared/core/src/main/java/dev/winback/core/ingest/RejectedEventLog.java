package dev.winback.core.ingest;

import java.time.Instant;
import java.util.List;

/** Where invalid inputs are kept with their reasons, for the sender to look up and fix. */
public interface RejectedEventLog {

    /**
     * @param errors  the reasons named (implementations may keep fewer)
     * @param omitted how many more reasons the input had
     * @throws RuntimeException when it could not be kept now; the input must then be redelivered
     */
    void keep(String source, String sourceId, String body, List<FieldError> errors, int omitted, Instant at);
}
