package dev.winback.core.campaign;

import java.util.Locale;

/** scheduled → sending → done | cancelled (cancelled from either of the first two). */
public enum CampaignStatus {
    /** Stored; nothing handed to delivery yet (its time has not come, or no run took it up). */
    SCHEDULED,
    /** Members are being handed to delivery, page by page. */
    SENDING,
    /** Every member was handed to delivery; held messages still go out at their time. */
    DONE,
    /** Stopped by an operator: no further member is handed over. */
    CANCELLED;

    public boolean active() {
        return this == SCHEDULED || this == SENDING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
