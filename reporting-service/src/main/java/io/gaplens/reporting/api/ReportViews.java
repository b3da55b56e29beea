package io.gaplens.reporting.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The response bodies of the report endpoints. */
public final class ReportViews {

    private ReportViews() {
    }

    /** The latest event a report reflects, and how many events of the assessment were applied. */
    public record EventWatermark(String eventId, String eventType, OffsetDateTime occurredAt, long eventCount) {
    }

    /** An assessment as the reports know it. */
    public record AssessmentHeader(UUID assessmentId, String name, String catalogId, String catalogVersion,
                                   Integer targetMaturity, UUID baselineAssessmentId, String scopeCriticality,
                                   OffsetDateTime startedAt, OffsetDateTime completedAt, String state,
                                   EventWatermark asOf) {
    }

    /**
     * Compliance of a set of requirements: {@code compliant} of {@code assessed} applicable and
     * assessed requirements, as a percentage with one decimal, null when none is assessed.
     */
    public record Compliance(int requirements, int notApplicable, int notAssessed, int assessed, int compliant,
                             int gaps, BigDecimal percent) {
    }

    /** Compliance of one clause (4-10) or Annex A theme (A.5-A.8). */
    public record GroupCompliance(String group, String title, Compliance compliance) {
    }

    /** The count of requirements with an answer, of all assessable requirements. */
    public record Progress(int answered, int assessable, BigDecimal percent) {
    }

    public record AssessmentSummary(AssessmentHeader assessment, Compliance overall, List<GroupCompliance> clauses,
                                    List<GroupCompliance> themes, Map<String, Integer> countsByStatus,
                                    Progress progress, int gapCount, Map<String, Integer> gapsByRiskLevel,
                                    EventWatermark asOf) {
    }

    /** One gap with its risk and the remediation action that addresses it. */
    public record GapView(String requirementRef, String title, String kind, String group, String status,
                          Integer maturity, Integer targetMaturity, String riskLevel, Integer riskScore,
                          UUID actionId, String remediationAction, Integer phase, String owner, LocalDate dueDate,
                          String actionStatus, boolean overdue) {
    }

    public record GapList(UUID assessmentId, List<GapView> items, int page, int size, long totalItems, int totalPages,
                          EventWatermark asOf) {
    }

    public record EvidenceView(String title, String reference, String owner, LocalDate collectedOn) {
    }

    /**
     * One Annex A control in the Statement of Applicability. {@code applicability} is APPLICABLE,
     * NOT_APPLICABLE or UNDECIDED (not assessed yet).
     */
    public record SoaEntry(String controlRef, String title, String theme, String applicability,
                           List<String> inclusionReasons, String justification, String status, Integer maturity,
                           List<EvidenceView> evidence) {
    }

    public record SoaCounts(int controls, int applicable, int notApplicable, int undecided, int implemented) {
    }

    public record StatementOfApplicability(AssessmentHeader assessment, SoaCounts counts, List<SoaEntry> controls,
                                           EventWatermark asOf) {
    }

    public record HeatCell(int likelihood, int impact, int count) {
    }

    /**
     * Counts of open risks per likelihood and impact cell, before (inherent) and after treatment
     * (residual). {@code scale} is the largest likelihood or impact seen, at least 5.
     */
    public record HeatMap(UUID assessmentId, int scale, int openRisks, int withoutResidualRating,
                          List<HeatCell> inherent, List<HeatCell> residual, Map<String, Integer> inherentByLevel,
                          Map<String, Integer> residualByLevel, EventWatermark asOf) {
    }

    public record ActionView(UUID actionId, String title, List<String> requirementRefs, Integer priority,
                             String riskLevel, String owner, LocalDate dueDate, String status, boolean overdue,
                             OffsetDateTime completedAt) {
    }

    /** One phase of the roadmap. Cancelled actions count only in {@code cancelled}, never in the progress. */
    public record PhaseView(int phase, String name, int actions, int completed, int overdue, int cancelled,
                            BigDecimal progressPercent, LocalDate firstDueDate, LocalDate lastDueDate,
                            List<ActionView> items) {
    }

    public record Roadmap(UUID assessmentId, int actions, int completed, int overdue, BigDecimal progressPercent,
                          List<PhaseView> phases, EventWatermark asOf) {
    }

    /** The change of one requirement against the baseline: IMPROVED, WORSENED, UNCHANGED, NEW or NOT_COMPARABLE. */
    public record RequirementTrend(String requirementRef, String title, String group, String baselineStatus,
                                   Integer baselineMaturity, String currentStatus, Integer currentMaturity,
                                   String change) {
    }

    public record GroupTrend(String group, String title, Map<String, Integer> changes, BigDecimal baselinePercent,
                             BigDecimal currentPercent, BigDecimal deltaPoints) {
    }

    public record Trend(UUID assessmentId, UUID baselineAssessmentId, Map<String, Integer> changes,
                        BigDecimal baselinePercent, BigDecimal currentPercent, BigDecimal deltaPoints,
                        List<GroupTrend> clauses, List<GroupTrend> themes, List<RequirementTrend> requirements,
                        EventWatermark asOf, EventWatermark baselineAsOf) {
    }

    public record RebuildResponse(String tenantId, long recordsRead, long eventsApplied, long otherTenants,
                                  long alreadyApplied, long poisonRecords, long assessments) {
    }
}
