package io.gaplens.assessment.api;

import io.gaplens.assessment.domain.Scope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response types of the assessment API. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    /** A new assessment against a catalogue version; the version's requirements are copied at creation. */
    public record AssessmentRequest(String name, String catalogId, String catalogVersion, Integer targetMaturity,
                                    LocalDate startDate, LocalDate dueDate, Scope scope) {
    }

    /** The editable fields of an assessment; every field replaces the stored one. */
    public record AssessmentUpdate(String name, Integer targetMaturity, LocalDate startDate, LocalDate dueDate,
                                   Scope scope) {
    }

    /** A re-assessment of a completed assessment; a field left out is copied from the baseline. */
    public record ReassessmentRequest(String name, Integer targetMaturity, LocalDate startDate, LocalDate dueDate,
                                      Scope scope) {
    }

    public record AssessmentView(UUID id, String name, String catalogId, String catalogVersion, String catalogTitle,
                                 int targetMaturity, LocalDate startDate, LocalDate dueDate, Scope scope,
                                 String scopeCriticality, String status, UUID baselineAssessmentId,
                                 long assessableCount, String createdBy, OffsetDateTime createdAt,
                                 OffsetDateTime startedAt, OffsetDateTime completedAt, OffsetDateTime archivedAt,
                                 long version) {
    }

    /** A requirement of the assessment's own copy of its catalogue version. */
    public record RequirementView(String ref, String title, String kind, String group, boolean excludable,
                                  List<String> securityProperties) {
    }

    /**
     * The figures of one assessment or one of its groups. {@code compliancePercent} is the share of
     * applicable, assessed requirements that leave no gap (null when none is assessed yet);
     * {@code progressPercent} is the share of assessable requirements answered, rounded down.
     */
    public record Figures(int assessableCount, int answeredCount, int applicableAssessedCount, int compliantCount,
                          int gapCount, Map<String, Integer> countsByStatus, BigDecimal compliancePercent,
                          BigDecimal progressPercent) {
    }

    /** The figures of one clause (4-10) or Annex A theme (A.5-A.8). */
    public record GroupSummary(String group, String kind, Figures figures) {
    }

    public record SummaryView(UUID assessmentId, String status, int targetMaturity, Figures overall,
                              int remediatedCount, int reviewRequiredCount, List<GroupSummary> clauses,
                              List<GroupSummary> themes) {
    }
}
