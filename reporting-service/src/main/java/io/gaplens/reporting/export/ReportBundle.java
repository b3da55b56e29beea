package io.gaplens.reporting.export;

import io.gaplens.reporting.api.ReportViews.AssessmentSummary;
import io.gaplens.reporting.api.ReportViews.GapView;
import io.gaplens.reporting.api.ReportViews.HeatMap;
import io.gaplens.reporting.api.ReportViews.Roadmap;
import io.gaplens.reporting.api.ReportViews.StatementOfApplicability;
import io.gaplens.reporting.api.ReportViews.Trend;

import java.util.List;

/** Every report of one assessment, as the human-readable report shows them. {@code trend} is null for a first assessment. */
public record ReportBundle(AssessmentSummary summary, List<GapView> gaps, StatementOfApplicability soa,
                           HeatMap heatMap, Roadmap roadmap, Trend trend) {
}
