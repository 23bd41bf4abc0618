package com.invgov.console.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A trend as an inline SVG polyline, generated on the server: no chart library, so no change to the frontend
 * bundle. The line spans the tile's width; the lowest value sits at the bottom, the highest at the top, a flat
 * trend in the middle. The last value is marked with a dot.
 */
final class Sparkline {

    static final int WIDTH = 120;
    static final int HEIGHT = 32;
    private static final double PAD = 3;

    private Sparkline() {
    }

    /** The SVG markup for {@code values} (oldest first); empty for no values. */
    static String svg(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return "";
        }
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        StringBuilder points = new StringBuilder();
        double x = 0;
        double y = 0;
        for (int i = 0; i < values.size(); i++) {
            x = values.size() == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2 * PAD) / (values.size() - 1);
            double v = values.get(i).doubleValue();
            y = max == min ? HEIGHT / 2.0 : PAD + (max - v) * (HEIGHT - 2 * PAD) / (max - min);
            points.append(i == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
        }
        String label = "trend of " + values.size() + " values from " + plain(values.get(0)) + " to "
                + plain(values.get(values.size() - 1)) + ", low " + plain(BigDecimal.valueOf(min)) + ", high "
                + plain(BigDecimal.valueOf(max));
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"100%\""
                + " height=\"" + HEIGHT + "\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"" + label + "\">"
                + "<title>" + label + "</title>"
                + "<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\""
                + " vector-effect=\"non-scaling-stroke\" points=\"" + points + "\"/>"
                + "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"2\" fill=\"currentColor\"/></svg>";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
