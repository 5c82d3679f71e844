package dev.winback.local.demo;

/** When a customer buys next: regularly, with gamma-distributed gaps, or just once. */
sealed interface PurchaseRhythm {

    long firstAt();

    long nextAfter(long purchasedAt, Rng rng);

    record Once(long firstAt) implements PurchaseRhythm {
        public long nextAfter(long purchasedAt, Rng rng) {
            return Window.NEVER;
        }
    }

    /** Shape 1 is memoryless (exponential gaps); a higher shape makes the rhythm steadier around the mean. */
    record Renewal(long firstAt, double meanGapDays, double shape) implements PurchaseRhythm {
        public long nextAfter(long purchasedAt, Rng rng) {
            long gap = (long) (rng.gamma(shape, meanGapDays) * Window.DAY);
            return purchasedAt + Math.max(Window.HOUR, gap);
        }
    }
}
