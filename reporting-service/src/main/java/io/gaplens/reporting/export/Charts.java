package io.gaplens.reporting.export;

import io.gaplens.reporting.api.ReportViews.GroupCompliance;
import io.gaplens.reporting.api.ReportViews.HeatCell;
import io.gaplens.reporting.api.ReportViews.PhaseView;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static io.gaplens.reporting.export.Markup.escape;

/** Draws the charts of the human-readable report as inline SVG, sized for an A4 page. */
final class Charts {

    private static final String SVG_OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">";
    private static final String RED = "#c0392b";
    private static final String AMBER = "#e67e22";
    private static final String GREEN = "#27ae60";
    private static final String GREY = "#7f8c8d";
    private static final String LIGHT = "#ecf0f1";

    private Charts() {
    }

    /** Draws a horizontal bar per group with its compliance percentage on a 0-100 axis. */
    static String complianceBars(List<GroupCompliance> groups) {
        int labelWidth = 230;
        int barWidth = 330;
        int rowHeight = 26;
        int width = labelWidth + barWidth + 80;
        int height = 30 + groups.size() * rowHeight;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, SVG_OPEN, width, height, width, height));
        for (int tick = 0; tick <= 100; tick += 25) {
            int x = labelWidth + tick * barWidth / 100;
            svg.append(line(x, 4, x, height - 22, "#bdc3c7"));
            svg.append(text(x, height - 6, tick + " %", "middle", GREY));
        }
        int y = 6;
        for (GroupCompliance group : groups) {
            String label = group.title() == null ? group.group() : group.group() + " " + group.title();
            svg.append(text(labelWidth - 8, y + 15, label, "end", "#2c3e50"));
            svg.append(rect(labelWidth, y + 2, barWidth, 18, LIGHT));
            BigDecimal percent = group.compliance().percent();
            if (percent == null) {
                svg.append(text(labelWidth + 6, y + 15, "not assessed", "start", GREY));
            } else {
                int length = percent.multiply(BigDecimal.valueOf(barWidth)).divide(BigDecimal.valueOf(100), 0,
                        java.math.RoundingMode.HALF_UP).intValue();
                svg.append(rect(labelWidth, y + 2, length, 18, percentColour(percent)));
                svg.append(text(labelWidth + barWidth + 8, y + 15, percent.toPlainString() + " %", "start", "#2c3e50"));
            }
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    /** Draws a likelihood (rows, highest on top) by impact (columns) grid with the count of risks per cell. */
    static String heatMap(List<HeatCell> cells, int scale, String title) {
        int cell = Math.max(28, 260 / scale);
        int left = 40;
        int top = 24;
        int width = left + scale * cell + 10;
        int height = top + scale * cell + 40;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, SVG_OPEN, width, height, width, height));
        svg.append(text(left + scale * cell / 2, 14, title, "middle", "#2c3e50"));
        for (HeatCell heatCell : cells) {
            int x = left + (heatCell.impact() - 1) * cell;
            int y = top + (scale - heatCell.likelihood()) * cell;
            double ratio = (double) heatCell.likelihood() * heatCell.impact() / (scale * scale);
            svg.append(rect(x, y, cell - 2, cell - 2, zoneColour(ratio)));
            if (heatCell.count() > 0) {
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"#000000\">%d</text>",
                        x + cell / 2 - 1, y + cell / 2 + 5, heatCell.count()));
            }
        }
        for (int i = 1; i <= scale; i++) {
            svg.append(text(left + (i - 1) * cell + cell / 2, top + scale * cell + 14, String.valueOf(i), "middle", GREY));
            svg.append(text(left - 8, top + (scale - i) * cell + cell / 2 + 4, String.valueOf(i), "end", GREY));
        }
        svg.append(text(left + scale * cell / 2, top + scale * cell + 32, "impact", "middle", GREY));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"12\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\" transform=\"rotate(-90 12 %d)\">likelihood</text>",
                top + scale * cell / 2, GREY, top + scale * cell / 2));
        return svg.append("</svg>").toString();
    }

    /** Draws a progress bar per phase: completed actions in green, overdue ones in red, the rest grey. */
    static String phaseProgress(List<PhaseView> phases) {
        int labelWidth = 210;
        int barWidth = 300;
        int rowHeight = 30;
        int width = labelWidth + barWidth + 170;
        int height = 10 + phases.size() * rowHeight;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, SVG_OPEN, width, height, width, height));
        int y = 6;
        for (PhaseView phase : phases) {
            svg.append(text(labelWidth - 8, y + 15, "Phase " + phase.phase() + ": " + phase.name(), "end", "#2c3e50"));
            svg.append(rect(labelWidth, y + 2, barWidth, 18, LIGHT));
            if (phase.actions() > 0) {
                int done = barWidth * phase.completed() / phase.actions();
                int late = barWidth * phase.overdue() / phase.actions();
                svg.append(rect(labelWidth, y + 2, done, 18, GREEN));
                svg.append(rect(labelWidth + done, y + 2, late, 18, RED));
                svg.append(text(labelWidth + barWidth + 8, y + 15, phase.completed() + " of " + phase.actions()
                        + " done, " + phase.overdue() + " overdue", "start", "#2c3e50"));
            } else {
                svg.append(text(labelWidth + 6, y + 15, "no actions", "start", GREY));
            }
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static String percentColour(BigDecimal percent) {
        if (percent.compareTo(BigDecimal.valueOf(50)) < 0) {
            return RED;
        }
        return percent.compareTo(BigDecimal.valueOf(80)) < 0 ? AMBER : GREEN;
    }

    private static String zoneColour(double ratio) {
        if (ratio <= 0.16) {
            return "#a9dfbf";
        }
        if (ratio <= 0.36) {
            return "#f9e79f";
        }
        return ratio <= 0.6 ? "#f5b041" : "#ec7063";
    }

    private static String rect(int x, int y, int width, int height, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                x, y, width, height, fill);
    }

    private static String line(int x1, int y1, int x2, int y2, String stroke) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1\"/>",
                x1, y1, x2, y2, stroke);
    }

    private static String text(int x, int y, String content, String anchor, String fill) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                x, y, anchor, fill, escape(content));
    }
}
