package dev.winback.local.report;

/**
 * Writes SVG markup: elements with attributes given as name/value pairs, escaped. Knows nothing of
 * charts.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    /** Opens {@code tag}; every {@link #open} needs its {@link #close}. */
    Svg open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        return this;
    }

    Svg close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element without content. */
    Svg leaf(String tag, String... attributes) {
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only text. */
    Svg text(String tag, String text, String... attributes) {
        open(tag, attributes);
        out.append(Markup.escape(text));
        return close(tag);
    }

    private void start(String tag, String... attributes) {
        if (attributes.length % 2 != 0) throw new IllegalArgumentException("attributes come as name/value pairs");
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(Markup.escape(attributes[i + 1])).append('"');
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
