package dev.winback.local.demo;

/** When in a customer's local day something tends to happen: browsing peaks in the evening, stores keep opening hours. */
enum LocalHours {
    BROWSING(1.0, 0.5, 0.3, 0.2, 0.2, 0.4, 1.0, 2.0, 2.8, 3.0, 3.0, 3.2,
            4.0, 3.6, 3.0, 3.0, 3.2, 3.6, 4.4, 5.0, 5.4, 5.0, 3.6, 2.0),
    STORE_OPENING(0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 5,
            6, 6, 5, 5, 5, 6, 6, 4, 2, 0, 0, 0),
    /** Marketing sends go out in business hours, local to the customer. */
    SENDING(0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 5, 4,
            3, 2, 2, 2, 2, 3, 4, 3, 1, 0, 0, 0);

    private final double[] cumulative = new double[24];

    LocalHours(double... weights) {
        if (weights.length != 24) {
            throw new IllegalArgumentException("one weight per hour");
        }
        double sum = 0;
        for (int hour = 0; hour < 24; hour++) {
            sum += weights[hour];
            cumulative[hour] = sum;
        }
    }

    /** An instant within the UTC day starting at {@code dayStart}, at a local hour drawn from this profile. */
    long instantOn(long dayStart, int utcOffsetHours, Rng rng) {
        double roll = rng.nextDouble() * cumulative[23];
        int hour = 0;
        while (cumulative[hour] <= roll) {
            hour++;
        }
        long localSecond = hour * Window.HOUR + rng.uniformLong(0, Window.HOUR);
        return dayStart + Math.floorMod(localSecond - utcOffsetHours * Window.HOUR, Window.DAY);
    }
}
