package io.gaplens.reporting.export;

import io.gaplens.reporting.api.ReportViews.ActionView;
import io.gaplens.reporting.api.ReportViews.AssessmentHeader;
import io.gaplens.reporting.api.ReportViews.AssessmentSummary;
import io.gaplens.reporting.api.ReportViews.Compliance;
import io.gaplens.reporting.api.ReportViews.EventWatermark;
import io.gaplens.reporting.api.ReportViews.GapView;
import io.gaplens.reporting.api.ReportViews.GroupCompliance;
import io.gaplens.reporting.api.ReportViews.GroupTrend;
import io.gaplens.reporting.api.ReportViews.HeatMap;
import io.gaplens.reporting.api.ReportViews.PhaseView;
import io.gaplens.reporting.api.ReportViews.Roadmap;
import io.gaplens.reporting.api.ReportViews.SoaCounts;
import io.gaplens.reporting.api.ReportViews.SoaEntry;
import io.gaplens.reporting.api.ReportViews.StatementOfApplicability;
import io.gaplens.reporting.api.ReportViews.Trend;
import io.gaplens.reporting.service.ComplianceRules;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.gaplens.reporting.export.Markup.escape;

/**
 * Writes the human-readable report as a well-formed XHTML document with inline SVG charts, so that
 * the same document is served as HTML and rendered to PDF.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private static final String STYLE = """
            @page { size: A4; margin: 16mm 14mm; }
            body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; color: #2c3e50; }
            h1 { font-size: 18pt; margin: 0 0 4pt 0; }
            h2 { font-size: 13pt; margin: 16pt 0 6pt 0; border-bottom: 1px solid #bdc3c7; padding-bottom: 2pt; }
            h3 { font-size: 11pt; margin: 10pt 0 4pt 0; }
            p.meta { color: #7f8c8d; margin: 2pt 0; }
            table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
            th, td { border: 1px solid #d5dbdb; padding: 3pt 5pt; text-align: left; vertical-align: top; }
            th { background: #ecf0f1; }
            td.number { text-align: right; }
            table.figures td { border: none; padding: 2pt 14pt 2pt 0; }
            td.figure { font-size: 20pt; font-weight: bold; }
            div.chart { margin: 4pt 0 8pt 0; }
            table.maps td { border: none; vertical-align: top; }
            .overdue { color: #c0392b; font-weight: bold; }
            table.keep, div.chart { page-break-inside: avoid; }
            td.date { white-space: nowrap; }
            p.legend { color: #7f8c8d; font-size: 9pt; margin: 0 0 6pt 0; }
            """;

    private HtmlReport() {
    }

    public static String render(ReportBundle bundle) {
        AssessmentSummary summary = bundle.summary();
        AssessmentHeader assessment = summary.assessment();
        StringBuilder html = new StringBuilder(32_000);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>").append(escape(title(assessment))).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>");

        html.append("<h1>").append(escape(title(assessment))).append("</h1>");
        html.append("<p class=\"meta\">Catalogue ").append(escape(assessment.catalogId())).append(' ')
                .append(escape(assessment.catalogVersion())).append(", target maturity ")
                .append(escape(assessment.targetMaturity())).append(", state ").append(escape(assessment.state()))
                .append(".</p>");
        html.append("<p class=\"meta\">").append(escape(asOfSentence(summary.asOf()))).append("</p>");

        summarySection(html, summary);
        complianceSection(html, summary);
        heatMapSection(html, bundle.heatMap());
        roadmapSection(html, bundle.roadmap());
        if (bundle.trend() != null) {
            trendSection(html, bundle.trend());
        }
        gapSection(html, bundle.gaps());
        soaSection(html, bundle.soa());
        return html.append("</body></html>").toString();
    }

    /** Returns the sentence that dates every report: the latest event it reflects. */
    public static String asOfSentence(EventWatermark asOf) {
        String time = asOf.occurredAt() == null ? "unknown" : TIME.format(asOf.occurredAt().withOffsetSameInstant(ZoneOffset.UTC));
        return "Reflects " + asOf.eventCount() + " events up to " + time + " (latest event " + asOf.eventId() + ", "
                + asOf.eventType() + ").";
    }

    private static String title(AssessmentHeader assessment) {
        return "Gap analysis report: " + (assessment.name() == null ? assessment.assessmentId() : assessment.name());
    }

    private static void summarySection(StringBuilder html, AssessmentSummary summary) {
        Compliance overall = summary.overall();
        html.append("<h2>Summary</h2><table class=\"figures\"><tr>")
                .append("<td class=\"figure\">").append(percent(overall.percent())).append("</td>")
                .append("<td class=\"figure\">").append(summary.progress().answered()).append(" / ")
                .append(summary.progress().assessable()).append("</td>")
                .append("<td class=\"figure\">").append(summary.gapCount()).append("</td></tr><tr>")
                .append("<td>compliance (").append(overall.compliant()).append(" of ").append(overall.assessed())
                .append(" applicable and assessed requirements)</td>")
                .append("<td>answered (").append(percent(summary.progress().percent())).append(")</td>")
                .append("<td>gaps</td></tr></table>");

        html.append("<table class=\"keep\"><tr><th>Implementation status</th><th>Requirements</th></tr>");
        summary.countsByStatus().forEach((status, count) -> html.append("<tr><td>").append(escape(label(status)))
                .append("</td><td class=\"number\">").append(count).append("</td></tr>"));
        html.append("</table>");

        html.append("<table class=\"keep\"><tr><th>Risk level</th><th>Gaps</th></tr>");
        summary.gapsByRiskLevel().forEach((level, count) -> html.append("<tr><td>").append(escape(label(level)))
                .append("</td><td class=\"number\">").append(count).append("</td></tr>"));
        html.append("</table>");
    }

    private static void complianceSection(StringBuilder html, AssessmentSummary summary) {
        html.append("<h2>Compliance per clause</h2><div class=\"chart\">")
                .append(Charts.complianceBars(summary.clauses())).append("</div>");
        groupTable(html, summary.clauses(), "Clause");
        html.append("<h2>Compliance per Annex A theme</h2><div class=\"chart\">")
                .append(Charts.complianceBars(summary.themes())).append("</div>");
        groupTable(html, summary.themes(), "Theme");
    }

    private static void groupTable(StringBuilder html, List<GroupCompliance> groups, String label) {
        html.append("<table class=\"keep\"><tr><th>").append(label).append("</th><th>Requirements</th><th>Not applicable</th>")
                .append("<th>Not assessed</th><th>Compliant / assessed</th><th>Compliance</th></tr>");
        for (GroupCompliance group : groups) {
            Compliance compliance = group.compliance();
            html.append("<tr><td>").append(escape(group.group()));
            if (group.title() != null) {
                html.append(' ').append(escape(group.title()));
            }
            html.append("</td><td class=\"number\">").append(compliance.requirements())
                    .append("</td><td class=\"number\">").append(compliance.notApplicable())
                    .append("</td><td class=\"number\">").append(compliance.notAssessed())
                    .append("</td><td class=\"number\">").append(compliance.compliant()).append(" / ").append(compliance.assessed())
                    .append("</td><td class=\"number\">").append(percent(compliance.percent())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void heatMapSection(StringBuilder html, HeatMap heatMap) {
        html.append("<h2>Risk heat map</h2><p>").append(heatMap.openRisks()).append(" open risks");
        if (heatMap.withoutResidualRating() > 0) {
            html.append(", ").append(heatMap.withoutResidualRating()).append(" without a residual rating");
        }
        html.append(". Each cell counts the risks of that likelihood and impact.</p>");
        html.append("<table class=\"maps\"><tr><td>")
                .append(Charts.heatMap(heatMap.inherent(), heatMap.scale(), "Inherent risk"))
                .append("</td><td>")
                .append(Charts.heatMap(heatMap.residual(), heatMap.scale(), "Residual risk"))
                .append("</td></tr></table>");
        html.append("<table class=\"keep\"><tr><th>Risk level</th><th>Inherent</th><th>Residual</th></tr>");
        java.util.Set<String> levels = new java.util.TreeSet<>(ComplianceRules.RISK_LEVEL_ORDER);
        levels.addAll(heatMap.inherentByLevel().keySet());
        levels.addAll(heatMap.residualByLevel().keySet());
        for (String level : levels) {
            html.append("<tr><td>").append(escape(label(level))).append("</td><td class=\"number\">")
                    .append(heatMap.inherentByLevel().getOrDefault(level, 0)).append("</td><td class=\"number\">")
                    .append(heatMap.residualByLevel().getOrDefault(level, 0)).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void roadmapSection(StringBuilder html, Roadmap roadmap) {
        html.append("<h2>Remediation roadmap</h2><p>").append(roadmap.completed()).append(" of ")
                .append(roadmap.actions()).append(" actions completed (").append(percent(roadmap.progressPercent()))
                .append("), ").append(roadmap.overdue()).append(" overdue.</p>");
        html.append("<div class=\"chart\">").append(Charts.phaseProgress(roadmap.phases())).append("</div>");
        html.append("<p class=\"legend\">Green: completed actions. Red: overdue actions. Grey: actions in progress.</p>");
        for (PhaseView phase : roadmap.phases()) {
            if (phase.items().isEmpty()) {
                continue;
            }
            html.append("<h3>Phase ").append(phase.phase()).append(": ").append(escape(phase.name())).append(" (")
                    .append(percent(phase.progressPercent())).append(" done")
                    .append(phase.cancelled() > 0 ? ", " + phase.cancelled() + " cancelled" : "").append(")</h3>");
            html.append("<table><tr><th>Action</th><th>Requirements</th><th>Owner</th><th>Due</th><th>Status</th></tr>");
            for (ActionView action : phase.items()) {
                html.append("<tr><td>").append(escape(action.title())).append("</td><td>")
                        .append(escape(String.join(", ", action.requirementRefs()))).append("</td><td>")
                        .append(escape(action.owner())).append("</td><td class=\"date\">").append(escape(action.dueDate()))
                        .append("</td><td").append(action.overdue() ? " class=\"overdue\">" : ">")
                        .append(escape(label(action.status()))).append(action.overdue() ? ", overdue" : "").append("</td></tr>");
            }
            html.append("</table>");
        }
    }

    private static void trendSection(StringBuilder html, Trend trend) {
        html.append("<h2>Trend against the baseline assessment</h2><p>Compliance ")
                .append(percent(trend.baselinePercent())).append(" then, ").append(percent(trend.currentPercent()))
                .append(" now (").append(points(trend.deltaPoints())).append(").</p>");
        html.append("<table><tr><th>Group</th><th>Improved</th><th>Worsened</th><th>Unchanged</th><th>New</th>")
                .append("<th>Not comparable</th><th>Baseline</th><th>Now</th><th>Change</th></tr>");
        trendRows(html, trend.clauses());
        trendRows(html, trend.themes());
        html.append("</table>");
    }

    private static void trendRows(StringBuilder html, List<GroupTrend> groups) {
        for (GroupTrend group : groups) {
            Map<String, Integer> changes = group.changes();
            html.append("<tr><td>").append(escape(group.group())).append("</td>");
            for (String change : List.of("IMPROVED", "WORSENED", "UNCHANGED", "NEW", "NOT_COMPARABLE")) {
                html.append("<td class=\"number\">").append(changes.getOrDefault(change, 0)).append("</td>");
            }
            html.append("<td class=\"number\">").append(percent(group.baselinePercent()))
                    .append("</td><td class=\"number\">").append(percent(group.currentPercent()))
                    .append("</td><td class=\"number\">").append(points(group.deltaPoints())).append("</td></tr>");
        }
    }

    private static void gapSection(StringBuilder html, List<GapView> gaps) {
        html.append("<h2>Gaps</h2>");
        if (gaps.isEmpty()) {
            html.append("<p>No gaps.</p>");
            return;
        }
        html.append("<table><tr><th>Requirement</th><th>Status</th><th>Maturity / target</th><th>Risk</th>")
                .append("<th>Remediation action</th><th>Owner</th><th>Due</th></tr>");
        for (GapView gap : gaps) {
            html.append("<tr><td>").append(escape(gap.requirementRef())).append(' ').append(escape(gap.title()))
                    .append("</td><td>").append(escape(label(gap.status()))).append("</td><td>")
                    .append(gap.maturity() == null ? "-" : escape(gap.maturity())).append(" / ")
                    .append(escape(gap.targetMaturity())).append("</td><td>").append(escape(label(gap.riskLevel())))
                    .append("</td><td>").append(escape(gap.remediationAction())).append("</td><td>")
                    .append(escape(gap.owner())).append("</td><td").append(gap.overdue() ? " class=\"date overdue\">" : " class=\"date\">")
                    .append(escape(gap.dueDate())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void soaSection(StringBuilder html, StatementOfApplicability soa) {
        SoaCounts counts = soa.counts();
        html.append("<h2>Statement of Applicability</h2><p>").append(counts.controls()).append(" Annex A controls: ")
                .append(counts.applicable()).append(" applicable, ").append(counts.notApplicable())
                .append(" not applicable, ").append(counts.undecided()).append(" not yet decided; ")
                .append(counts.implemented()).append(" implemented.</p>");
        html.append("<table><tr><th>Control</th><th>Applicability</th><th>Reasons and justification</th>")
                .append("<th>Status</th><th>Evidence</th></tr>");
        for (SoaEntry control : soa.controls()) {
            List<String> reasons = control.inclusionReasons().stream().map(HtmlReport::label).toList();
            String justification = control.justification() == null ? "" : control.justification();
            String because = String.join(", ", reasons) + (reasons.isEmpty() || justification.isEmpty() ? "" : ". ")
                    + justification;
            html.append("<tr><td>").append(escape(control.controlRef())).append(' ').append(escape(control.title()))
                    .append("</td><td>").append(escape(label(control.applicability()))).append("</td><td>")
                    .append(escape(because)).append("</td><td>").append(escape(label(control.status())))
                    .append("</td><td>").append(escape(ReportTables.evidence(control.evidence()))).append("</td></tr>");
        }
        html.append("</table>");
    }

    /** Turns a constant such as PARTIALLY_IMPLEMENTED into the label "Partially implemented". */
    static String label(String constant) {
        if (constant == null || constant.isEmpty()) {
            return constant;
        }
        String words = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String percent(BigDecimal percent) {
        return percent == null ? "n/a" : percent.toPlainString() + " %";
    }

    private static String points(BigDecimal points) {
        if (points == null) {
            return "n/a";
        }
        return (points.signum() > 0 ? "+" : "") + points.toPlainString() + " points";
    }
}
