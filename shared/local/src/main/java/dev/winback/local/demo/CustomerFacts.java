package dev.winback.local.demo;

import dev.winback.core.event.Platform;

import java.util.Optional;

/**
 * The facts about a customer that every lifecycle planner needs: who, where, since when, and the turning
 * points of their persona ({@link Window#NEVER} when a persona has none).
 *
 * @param joinedOn where a new customer signed up; existing customers are imported without one
 * @param switchAt when a migrant installs the app or a mover starts on the website
 * @param lapseAt  when a lapsing customer stops everything
 * @param homeStore the store a customer mostly visits, if they visit stores
 */
record CustomerFacts(
        int number,
        String customerId,
        Persona persona,
        PlatformMix mix,
        Region region,
        String locale,
        Window window,
        boolean newInWindow,
        long joinAt,
        Optional<Platform> joinedOn,
        long switchAt,
        long lapseAt,
        boolean emailKnown,
        boolean phoneKnown,
        int homeStore) {

    boolean usesApp() {
        return mix.perDay(Platform.APP) > 0 || persona == Persona.WEB_TO_APP_MIGRANT;
    }

    boolean usesStore() {
        return mix.perDay(Platform.STORE) > 0;
    }

    /** Existing app users installed before the window, so their install is not an event. */
    boolean appInstalledBeforeWindow() {
        return usesApp() && !newInWindow && persona != Persona.WEB_TO_APP_MIGRANT;
    }

    long appInstallAt() {
        return persona == Persona.WEB_TO_APP_MIGRANT ? switchAt : joinAt;
    }

    /** Where a consent given at sign-up or import came from. */
    String signupSource(Rng rng) {
        if (newInWindow) {
            return joinedOn.orElse(Platform.WEB) == Platform.STORE ? "store_pos" : "signup_form";
        }
        double roll = rng.nextDouble();
        if (usesStore() && roll < 0.3) {
            return "store_pos";
        }
        return roll < 0.65 ? "signup_form" : "checkout";
    }
}
