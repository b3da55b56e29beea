package io.gaplens.reporting.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.reporting.api.ReportViews.AssessmentSummary;
import io.gaplens.reporting.api.ReportViews.StatementOfApplicability;
import io.gaplens.reporting.api.ReportViews.Trend;
import io.gaplens.reporting.service.AssessmentData;
import io.gaplens.reporting.service.ReportBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Produces the bytes of each export kind from the reports of one assessment. */
@ApplicationScoped
public class ExportService {

    @Inject
    ReportBuilder reports;

    @Inject
    OscalExporter oscal;

    @Inject
    ObjectMapper objectMapper;

    public byte[] export(String tenantId, AssessmentData data, ExportKind kind) {
        return switch (kind) {
            case SUMMARY_CSV -> TableWriters.csv(ReportTables.compliance(reports.summary(data)));
            case SUMMARY_XLSX -> TableWriters.xlsx(List.of(ReportTables.compliance(reports.summary(data)),
                    ReportTables.heatMap(reports.heatMap(data)), ReportTables.roadmap(reports.roadmap(data)), about(data)));
            case GAPS_CSV -> TableWriters.csv(ReportTables.gaps(reports.gaps(data)));
            case GAPS_XLSX -> TableWriters.xlsx(List.of(ReportTables.gaps(reports.gaps(data)), about(data)));
            case SOA_CSV -> TableWriters.csv(ReportTables.statementOfApplicability(
                    reports.statementOfApplicability(data).controls()));
            case SOA_XLSX -> TableWriters.xlsx(List.of(ReportTables.statementOfApplicability(
                    reports.statementOfApplicability(data).controls()), about(data)));
            case REPORT_HTML -> html(tenantId, data).getBytes(StandardCharsets.UTF_8);
            case REPORT_PDF -> PdfRenderer.render(html(tenantId, data));
            case OSCAL_ASSESSMENT_RESULTS -> json(oscal.assessmentResults(data));
            case OSCAL_POAM -> json(oscal.planOfActionAndMilestones(data));
        };
    }

    private Table about(AssessmentData data) {
        AssessmentSummary summary = reports.summary(data);
        return ReportTables.about(summary.assessment(), summary.asOf());
    }

    private String html(String tenantId, AssessmentData data) {
        StatementOfApplicability soa = reports.statementOfApplicability(data);
        Trend trend = null;
        if (data.header().baselineAssessmentId != null) {
            trend = reports.trend(data, reports.loadBaseline(tenantId, data));
        }
        return HtmlReport.render(new ReportBundle(reports.summary(data), reports.gaps(data), soa,
                reports.heatMap(data), reports.roadmap(data), trend));
    }

    private byte[] json(Object document) {
        try {
            return objectMapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing an OSCAL document failed", e);
        }
    }
}
