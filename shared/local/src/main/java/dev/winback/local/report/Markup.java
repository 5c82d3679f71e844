package dev.winback.local.report;

import java.util.Locale;

/** Escaping and number formatting shared by the page and its charts: text in markup is always escaped. */
final class Markup {

    private Markup() {
    }

    /** Text or an attribute value made safe for HTML and SVG. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coordinate: two decimals at most, never an exponent or a locale's comma. */
    static String coordinate(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** A count for people: 12,345. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A proportion as percentage points with a sign: +1.2 pp. */
    static String points(double proportion) {
        return String.format(Locale.ROOT, "%+.1f pp", 100 * proportion);
    }

    /** A proportion as whole percentage points with a sign, for axis ticks: +20 pp. */
    static String wholePoints(double proportion) {
        return String.format(Locale.ROOT, "%+.0f pp", 100 * proportion);
    }

    /** A proportion as a percentage: 12.3%. */
    static String percent(double proportion) {
        return Double.isFinite(proportion) ? String.format(Locale.ROOT, "%.1f%%", 100 * proportion) : "-";
    }
}
