package dev.winback.local.demo;

/**
 * Something that happened to a synthetic customer inside the window, on top of the persona. Each trait
 * is backed by events of that customer, so tests can check the events against the label.
 */
public enum Trait {
    /** First seen during the window rather than imported at its start. */
    NEW_IN_WINDOW,
    /** Declined push at the prompt or switched it off within days of installing: a weak signal. */
    PUSH_DECLINED_AFTER_INSTALL,
    /** Switched push off weeks after having granted it: a strong signal. */
    PUSH_OPTED_OUT_AFTER_OPT_IN,
    APP_UNINSTALLED,
    APP_REINSTALLED,
    EMAIL_UNSUBSCRIBED,
    EMAIL_COMPLAINED,
    EMAIL_BLOCKED,
    SMS_SUBSCRIBED,
    SMS_UNSUBSCRIBED,
    MEMBER,
    MEMBERSHIP_CANCELLED,
    /** Reads mail through a privacy proxy: every delivered email shows as opened, clicked or not. */
    PRIVACY_PROXY_OPENS
}
