package dev.winback.core.cdp;

import dev.winback.core.ingest.FieldError;

import java.util.List;

/** What became of one CDP message. */
public sealed interface CdpOutcome {

    /** Its events were taken for ingestion (which still recognises duplicates). */
    record Accepted(int events) implements CdpOutcome {
    }

    /** Refused at receipt, with the contract's reasons (a date too far ahead); nothing of it is kept. */
    record Refused(List<FieldError> errors) implements CdpOutcome {
        public Refused {
            errors = List.copyOf(errors);
        }
    }

    /** A transient failure: the sender must send it again (a resend is harmless). */
    record Retry() implements CdpOutcome {
    }
}
