package dev.winback.local.demo;

import dev.winback.core.event.Platform;

/** Where a customer shows up and how often, before their personal activity level scales it. */
enum PlatformMix {
    APP(0.18, 0, 0),
    WEB(0, 0.13, 0),
    STORE(0, 0, 0.05),
    OMNICHANNEL(0.11, 0.06, 0.025);

    private final double appPerDay;
    private final double webPerDay;
    private final double storePerDay;

    PlatformMix(double appPerDay, double webPerDay, double storePerDay) {
        this.appPerDay = appPerDay;
        this.webPerDay = webPerDay;
        this.storePerDay = storePerDay;
    }

    double perDay(Platform platform) {
        return switch (platform) {
            case APP -> appPerDay;
            case WEB -> webPerDay;
            case STORE -> storePerDay;
        };
    }

    /** The platform this mix uses most: where a new customer signs up. */
    Platform primary() {
        return switch (this) {
            case APP, OMNICHANNEL -> Platform.APP;
            case WEB -> Platform.WEB;
            case STORE -> Platform.STORE;
        };
    }

    /** The mix a persona starts with; movers and migrants add their destination platform later. */
    static PlatformMix draw(Persona persona, Rng rng) {
        return switch (persona) {
            case APP_ONLY -> APP;
            case WEB_ONLY, WEB_TO_APP_MIGRANT -> WEB;
            case STORE_ONLY, STORE_TO_WEB_MOVER -> STORE;
            case OMNICHANNEL -> OMNICHANNEL;
            case LOYAL_BUYER, LAPSED -> weighted(rng, 30, 35, 15, 20);
            case ONE_TIME_BUYER -> weighted(rng, 25, 60, 15, 0);
            case MESSAGE_IGNORER -> weighted(rng, 40, 40, 0, 20);
        };
    }

    private static PlatformMix weighted(Rng rng, int app, int web, int store, int omnichannel) {
        int roll = rng.nextInt(app + web + store + omnichannel);
        if (roll < app) {
            return APP;
        }
        if (roll < app + web) {
            return WEB;
        }
        if (roll < app + web + store) {
            return STORE;
        }
        return OMNICHANNEL;
    }
}
