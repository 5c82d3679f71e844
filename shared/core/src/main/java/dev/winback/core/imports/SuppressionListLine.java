package dev.winback.core.imports;

/** One row of a suppression list as read: a row to import, or one already decided (blank, invalid). */
public sealed interface SuppressionListLine permits SuppressionRow, SuppressionListLine.Decided {

    record Decided(ImportLine line) implements SuppressionListLine {
    }
}
