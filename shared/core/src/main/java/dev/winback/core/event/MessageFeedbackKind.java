package dev.winback.core.event;

/** Receipts and engagement, weakest first. Opens are weak evidence: privacy proxies open mail by themselves. */
public enum MessageFeedbackKind {
    DELIVERED("message_delivered"),
    OPENED("message_opened"),
    CLICKED("message_clicked"),
    CONVERTED("message_converted");

    private final String wireName;

    MessageFeedbackKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
