package dev.winback.adapters.dynamodb;

import java.time.YearMonth;

/** The single-table key layout, in one place. */
public final class Keys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String RECORD_SK = "RECORD";

    private Keys() {
    }

    public static String customer(String customerId) {
        return "C#" + customerId;
    }

    public static String archiveMonth(YearMonth month) {
        return "SEEN#" + month;
    }

    public static String rejectedDay(String isoDate) {
        return "REJECTED#" + isoDate;
    }
}
