package dev.winback.core.settings;

import dev.winback.core.journey.Checked;

/** How a document is written down (JSON with a published schema): read with every problem listed. */
public interface DocumentFormat<T> {

    Checked<T> read(String text);
}
