package dev.winback.core.model;

import java.util.Arrays;
import java.util.Optional;

public enum PurchaseModelType {
    /** Fader, Hardie and Lee (2005): dropout possible after each repeat purchase. */
    BG_NBD("bgnbd"),
    /** Batislam, Denizel and Filiztekin (2007): dropout also possible right after the first purchase. */
    MBG_NBD("mbgnbd");

    private final String label;

    PurchaseModelType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public PurchaseModel withParameters(BgNbdParameters parameters) {
        return switch (this) {
            case BG_NBD -> new BgNbdModel(parameters);
            case MBG_NBD -> new ModifiedBgNbdModel(parameters);
        };
    }

    public static Optional<PurchaseModelType> fromLabel(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equalsIgnoreCase(label)).findFirst();
    }
}
