package dev.winback.local.report;

import java.util.List;

/** The charts' colours: the Okabe-Ito set, told apart with the common kinds of colour blindness. */
final class Palette {

    private static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
            "#D55E00", "#F0E442", "#000000");

    private Palette() {
    }

    /** The colour of the {@code index}-th series (colours repeat after eight). */
    static String colour(int index) {
        return COLOURS.get(Math.floorMod(index, COLOURS.size()));
    }
}
