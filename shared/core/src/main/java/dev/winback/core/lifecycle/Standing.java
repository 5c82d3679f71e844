package dev.winback.core.lifecycle;

import java.time.Instant;

/** A state and when it began. */
record Standing(RiskState state, Instant since) {
}
