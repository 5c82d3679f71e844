package dev.winback.local.demo;

/**
 * How a customer answers messages while still engaged: the chance to really read one per channel, then to
 * click and to buy. A privacy proxy opens every delivered email by itself, which is why opens are weak evidence.
 */
record Responsiveness(
        double emailRead,
        double pushTap,
        double smsClick,
        double inAppView,
        double clickGivenRead,
        double convertGivenClick,
        boolean privacyProxy) {

    static Responsiveness none(boolean privacyProxy) {
        return new Responsiveness(0, 0, 0, 0, 0, 0, privacyProxy);
    }
}
