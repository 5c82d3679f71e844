package dev.winback.local.demo;

/** Opaque, deterministic identifiers; zero padding keeps them in creation order when sorted as text. */
final class Ids {

    private Ids() {
    }

    /** Customers are numbered from 1: {@code c-000001}. */
    static String customerId(int customerNumber) {
        return "c-" + pad(customerNumber, 6);
    }

    static String eventId(int customerNumber, int sequence) {
        return "e-" + pad(customerNumber, 6) + "-" + pad(sequence, 4);
    }

    static String messageId(int customerNumber, int sequence) {
        return "m-" + pad(customerNumber, 6) + "-" + pad(sequence, 4);
    }

    static String orderId(int customerNumber, int sequence) {
        return "o-" + pad(customerNumber, 6) + "-" + pad(sequence, 4);
    }

    static String storeId(int storeNumber) {
        return "s-" + pad(storeNumber, 3);
    }

    /** Only fake addresses: {@code c-000123@example.com}. */
    static String email(String customerId) {
        return customerId + "@example.com";
    }

    /** Only the fictional 555 range: {@code +1555xxxxxxx}. */
    static String phone(int sevenDigits) {
        return "+1555" + pad(sevenDigits, 7);
    }

    static String pad(int value, int width) {
        String digits = Integer.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
