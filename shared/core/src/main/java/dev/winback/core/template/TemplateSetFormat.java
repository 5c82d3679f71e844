package dev.winback.core.template;

import java.util.Optional;

/** How a template set is written as text for {@link TemplateVersions}, and read back. */
public interface TemplateSetFormat {

    String write(TemplateSet set);

    /** Empty when the text is not a template set (only a hand-edited item can be). */
    Optional<TemplateSet> read(String text);
}
