package dev.winback.core.model;

/**
 * Where the fitted purchase model is kept. Every reader scores with the same one: the evaluator, the
 * ingestion that arms timers and the API that explains them.
 */
public interface PurchaseModels {

    /** The latest stored fit, or BG/NBD with {@link BgNbdParameters#defaults()} when none is stored. */
    PurchaseModel current();

    void store(StoredPurchaseModel model);
}
