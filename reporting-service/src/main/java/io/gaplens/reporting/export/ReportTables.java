package io.gaplens.reporting.export;

import io.gaplens.reporting.api.ReportViews.AssessmentHeader;
import io.gaplens.reporting.api.ReportViews.AssessmentSummary;
import io.gaplens.reporting.api.ReportViews.Compliance;
import io.gaplens.reporting.api.ReportViews.GroupCompliance;
import io.gaplens.reporting.api.ReportViews.HeatCell;
import io.gaplens.reporting.api.ReportViews.HeatMap;
import io.gaplens.reporting.api.ReportViews.PhaseView;
import io.gaplens.reporting.api.ReportViews.Roadmap;
import io.gaplens.reporting.api.ReportViews.EventWatermark;
import io.gaplens.reporting.api.ReportViews.EvidenceView;
import io.gaplens.reporting.api.ReportViews.GapView;
import io.gaplens.reporting.api.ReportViews.SoaEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns the gap list and the Statement of Applicability into tables for CSV and XLSX. */
public final class ReportTables {

    public static final List<String> GAP_HEADERS = List.of("Requirement", "Title", "Kind", "Group", "Status",
            "Maturity", "Target maturity", "Risk level", "Risk score", "Remediation action", "Phase", "Owner",
            "Due date", "Action status", "Overdue");

    public static final List<String> SOA_HEADERS = List.of("Control", "Title", "Theme", "Applicability",
            "Inclusion reasons", "Justification", "Implementation status", "Maturity", "Evidence");

    private ReportTables() {
    }

    public static Table gaps(List<GapView> gaps) {
        List<List<Object>> rows = new ArrayList<>();
        for (GapView gap : gaps) {
            rows.add(Arrays.asList(gap.requirementRef(), gap.title(), gap.kind(), gap.group(), gap.status(),
                    gap.maturity(), gap.targetMaturity(), gap.riskLevel(), gap.riskScore(), gap.remediationAction(),
                    gap.phase(), gap.owner(), gap.dueDate() == null ? null : gap.dueDate().toString(),
                    gap.actionStatus(), gap.overdue() ? "yes" : "no"));
        }
        return new Table("Gaps", GAP_HEADERS, rows);
    }

    public static Table statementOfApplicability(List<SoaEntry> controls) {
        List<List<Object>> rows = new ArrayList<>();
        for (SoaEntry control : controls) {
            rows.add(Arrays.asList(control.controlRef(), control.title(), control.theme(), control.applicability(),
                    String.join(", ", control.inclusionReasons()), control.justification(), control.status(),
                    control.maturity(), evidence(control.evidence())));
        }
        return new Table("Statement of Applicability", SOA_HEADERS, rows);
    }

    /** Lists the compliance figures: the whole assessment first, then each clause, then each theme. */
    public static Table compliance(AssessmentSummary summary) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(complianceRow("Overall", "all requirements", summary.overall()));
        for (GroupCompliance group : summary.clauses()) {
            rows.add(complianceRow("Clause " + group.group(), group.title(), group.compliance()));
        }
        for (GroupCompliance group : summary.themes()) {
            rows.add(complianceRow("Theme " + group.group(), group.title(), group.compliance()));
        }
        return new Table("Compliance", List.of("Scope", "Title", "Requirements", "Not applicable", "Not assessed",
                "Assessed", "Compliant", "Gaps", "Compliance %"), rows);
    }

    /** Lists each cell of the heat map with its inherent and residual count of open risks. */
    public static Table heatMap(HeatMap heatMap) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < heatMap.inherent().size(); i++) {
            HeatCell inherent = heatMap.inherent().get(i);
            HeatCell residual = heatMap.residual().get(i);
            rows.add(Arrays.asList(inherent.likelihood(), inherent.impact(), inherent.count(), residual.count()));
        }
        return new Table("Heat map", List.of("Likelihood", "Impact", "Inherent risks", "Residual risks"), rows);
    }

    /** Lists each phase of the roadmap with its counts and progress. */
    public static Table roadmap(Roadmap roadmap) {
        List<List<Object>> rows = new ArrayList<>();
        for (PhaseView phase : roadmap.phases()) {
            rows.add(Arrays.asList(phase.phase(), phase.name(), phase.actions(), phase.completed(), phase.overdue(),
                    phase.cancelled(), phase.progressPercent()));
        }
        return new Table("Roadmap", List.of("Phase", "Name", "Actions", "Completed", "Overdue", "Cancelled",
                "Progress %"), rows);
    }

    private static List<Object> complianceRow(String scope, String title, Compliance compliance) {
        return Arrays.asList(scope, title, compliance.requirements(), compliance.notApplicable(),
                compliance.notAssessed(), compliance.assessed(), compliance.compliant(), compliance.gaps(),
                compliance.percent());
    }

    /** Lists the assessment and the latest event the export reflects, as a two-column sheet. */
    public static Table about(AssessmentHeader assessment, EventWatermark asOf) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("Assessment", assessment.name()));
        rows.add(Arrays.asList("Assessment id", assessment.assessmentId().toString()));
        rows.add(Arrays.asList("Catalogue", assessment.catalogId() + " " + assessment.catalogVersion()));
        rows.add(Arrays.asList("Target maturity", assessment.targetMaturity()));
        rows.add(Arrays.asList("State", assessment.state()));
        rows.add(Arrays.asList("Latest event at", asOf.occurredAt() == null ? null : asOf.occurredAt().toString()));
        rows.add(Arrays.asList("Latest event id", asOf.eventId()));
        rows.add(Arrays.asList("Events applied", asOf.eventCount()));
        return new Table("About", List.of("Field", "Value"), rows);
    }

    /** Lists evidence as "title (reference)" entries separated by semicolons. */
    static String evidence(List<EvidenceView> evidence) {
        return evidence.stream()
                .map(item -> item.reference() == null ? item.title() : item.title() + " (" + item.reference() + ")")
                .collect(Collectors.joining("; "));
    }
}
