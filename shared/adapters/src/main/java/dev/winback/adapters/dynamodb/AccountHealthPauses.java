package dev.winback.adapters.dynamodb;

import dev.winback.core.delivery.SendingPauses;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The account-health guard as a sending pause: marketing email is skipped while the flag is set.
 * The flag is read at most once per {@code refresh} (its alarms work in 15-minute periods), and
 * when it cannot be read marketing email counts as paused: the guard fails closed.
 */
public final class AccountHealthPauses implements SendingPauses {

    private static final Logger LOG = Logger.getLogger(AccountHealthPauses.class.getName());

    private final AccountHealth health;
    private final Clock clock;
    private final Duration refresh;
    private Instant readAt;
    private boolean paused;

    public AccountHealthPauses(AccountHealth health, Clock clock, Duration refresh) {
        this.health = health;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Override
    public boolean paused(Channel channel, Purpose purpose) {
        if (channel != Channel.EMAIL || purpose != Purpose.MARKETING) return false;
        return marketingEmailPaused();
    }

    private synchronized boolean marketingEmailPaused() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(refresh)) || now.isBefore(readAt)) {
            try {
                paused = health.marketingEmailPaused();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reading the account-health flag failed; marketing email is held", e);
                paused = true;
            }
            readAt = now;
        }
        return paused;
    }
}
