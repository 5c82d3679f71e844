package dev.winback.core.lifecycle;

import dev.winback.core.record.RiskState;
import java.time.Instant;

/** A state and when it began. */
record Standing(RiskState state, Instant since) {
}
