package dev.winback.adapters.dynamodb;

import dev.winback.core.delivery.SendingPauses;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.cache.RefreshTimer;

import java.time.Duration;
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
    private final RefreshTimer refresh;
    private boolean paused;

    /** @param refresh how often, in {@code elapsed} time, the flag is read again */
    public AccountHealthPauses(AccountHealth health, ElapsedTime elapsed, Duration refresh) {
        this.health = health;
        this.refresh = new RefreshTimer(refresh, elapsed);
    }

    @Override
    public boolean paused(Channel channel, Purpose purpose) {
        if (channel != Channel.EMAIL || purpose != Purpose.MARKETING) return false;
        return marketingEmailPaused();
    }

    private synchronized boolean marketingEmailPaused() {
        long now = refresh.now();
        if (refresh.dueAt(now)) {
            try {
                paused = health.marketingEmailPaused();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reading the account-health flag failed; marketing email is held", e);
                paused = true;
            }
            refresh.readAt(now);
        }
        return paused;
    }
}
