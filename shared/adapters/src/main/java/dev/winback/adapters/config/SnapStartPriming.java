package dev.winback.adapters.config;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work done once before SnapStart takes its snapshot, so that a restored function does not pay for
 * it on its first real request: each function registers its composition's {@code prime()}, which runs
 * the code its first call would through the same classes the handler calls (the SDK client's
 * marshalling, signing and HTTP stack, Jackson, the parsers, rules, routes and templates) on keys no
 * one has and samples held in memory. Priming reads no real item, caches nothing from the table beyond
 * the refresh intervals a warm function has (a snapshot lives for weeks), and writes nothing
 * ({@code SnapStartPrimingIT}). No queue, bus, bucket, SES or SNS is called, so no provider connection
 * is kept in the snapshot.
 *
 * <p>Outside SnapStart (the local runtime, a JVM without CRaC) registering does nothing; the
 * cold-start benchmark calls {@link #primeAll} itself to measure a primed first call.
 */
public final class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class.getName());
    /** Strong references: CRaC's global context holds its resources weakly. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String name;
    private final Runnable prime;

    private SnapStartPriming(String name, Runnable prime) {
        this.name = name;
        this.prime = prime;
    }

    /** Runs {@code prime} before the snapshot is taken; a failure leaves the snapshot unprimed, never fails it. */
    public static void register(String name, Runnable prime) {
        SnapStartPriming resource = new SnapStartPriming(name, prime);
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /** What a checkpoint runs: every registered priming, in order. Returns how many ran without failing. */
    public static int primeAll() {
        int primed = 0;
        for (SnapStartPriming resource : REGISTERED) {
            if (resource.run()) primed++;
        }
        return primed;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the SDK clients re-open connections as they need them.
    }

    private boolean run() {
        try {
            prime.run();
            return true;
        } catch (RuntimeException e) {
            // The type only: an SDK message may name a key.
            LOG.log(Level.WARNING, "priming {0} failed ({1}); the snapshot is taken unprimed",
                    new Object[] {name, e.getClass().getSimpleName()});
            return false;
        }
    }
}
