package io.gaplens.assessment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.assessment.domain.Evidence;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.InclusionReason;
import io.gaplens.assessment.domain.Provenance;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response types of answers, their audit trail, interviews and document reviews. */
public final class AnswerViews {

    private AnswerViews() {
    }

    /**
     * A new answer to one requirement; it replaces the stored one. {@code assessor} defaults to the
     * token's user and {@code answeredAt} to the time of the request.
     */
    public record AnswerRequest(ImplementationStatus status, Integer maturity, String justification,
                                List<InclusionReason> inclusionReasons, String notes, List<Evidence> evidence,
                                String assessor, OffsetDateTime answeredAt) {
    }

    public record AnswerView(String requirementRef, String requirementTitle, String requirementKind, String group,
                             boolean excludable, String status, Integer maturity, String justification,
                             List<InclusionReason> inclusionReasons, String notes, List<Evidence> evidence,
                             String assessor, OffsetDateTime answeredAt, boolean gap, boolean carriedOver,
                             boolean reviewRequired, boolean remediated, UUID remediationActionId,
                             List<Provenance> provenance, List<UUID> interviewIds, List<UUID> documentReviewIds,
                             String updatedBy, OffsetDateTime updatedAt, long version) {
    }

    /** One entry of an answer's audit trail; the values are the answer before and after the change. */
    public record AnswerChangeView(String changedBy, OffsetDateTime changedAt, String source,
                                   @Schema(type = SchemaType.OBJECT, description = "The answer before the change; null for the first answer")
                                   JsonNode oldValue,
                                   @Schema(type = SchemaType.OBJECT, description = "The answer after the change")
                                   JsonNode newValue) {
    }

    /**
     * One element of a JSON import: an answer and the requirement it answers, by its reference in the
     * pinned version (5.15 or A.5.15) or in the legacy version (ISO/IEC 27001:2013 A.9.2.3).
     */
    public record AnswerImportRow(String requirement, ImplementationStatus status, Integer maturity,
                                  String justification, List<InclusionReason> inclusionReasons, String notes,
                                  List<Evidence> evidence, String assessor, OffsetDateTime answeredAt) {
    }

    /** The outcome of a bulk import: the rows read, and the answers changed and left as they were. */
    public record ImportResult(int rows, int changed, int unchanged, List<ImportedAnswer> answers) {
    }

    public record ImportedAnswer(String requirementRef, String status, boolean changed, boolean reviewRequired,
                                 List<Provenance> provenance) {
    }

    public record InterviewRequest(String intervieweeRole, LocalDate heldOn, List<String> topics,
                                   List<String> requirementRefs, String notes) {
    }

    public record InterviewView(UUID id, String intervieweeRole, LocalDate heldOn, List<String> topics,
                                List<String> requirementRefs, String notes, String recordedBy,
                                OffsetDateTime recordedAt) {
    }

    public record DocumentReviewRequest(String document, String version, LocalDate reviewedOn,
                                        List<String> requirementRefs, String notes) {
    }

    public record DocumentReviewView(UUID id, String document, String version, LocalDate reviewedOn,
                                     List<String> requirementRefs, String notes, String recordedBy,
                                     OffsetDateTime recordedAt) {
    }
}
