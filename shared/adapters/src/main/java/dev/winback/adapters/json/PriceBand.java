package dev.winback.adapters.json;

import java.util.List;

/** The coarse price bands a catalog may give a product, as conditions test them ({@code event.priceBand}). */
final class PriceBand {

    static final List<String> NAMES = List.of("low", "mid", "high");

    private PriceBand() {
    }
}
