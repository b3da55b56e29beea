package io.gaplens.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles by the nearest-rank method, and number formats for the results table. */
final class Stats {

    private Stats() {
    }

    /** Returns the {@code percent} percentile of {@code values} (nearest rank), or NaN when there are none. */
    static double percentile(List<Double> values, double percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value < 10 ? String.format("%.2f ms", value) : String.format("%.0f ms", value);
    }

    static String rate(double perSecond) {
        return String.format("%,.0f /s", perSecond);
    }

    static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return value < 10 ? String.format("%.1fx", value) : String.format("%,.0fx", value);
    }
}
