package io.gaplens.assessment.service;

import io.gaplens.assessment.domain.Answer;
import io.gaplens.assessment.domain.Evidence;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.InclusionReason;
import io.gaplens.assessment.domain.Provenance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A snapshot of an answer's values, written to the audit trail as JSON and compared to detect repeats. */
record AnswerState(ImplementationStatus status, Integer maturity, String justification,
                   List<InclusionReason> inclusionReasons, String notes, List<Evidence> evidence, String assessor,
                   OffsetDateTime answeredAt, boolean gap, boolean carriedOver, boolean reviewRequired,
                   boolean remediated, UUID remediationActionId, List<Provenance> provenance) {

    static AnswerState of(Answer answer) {
        return new AnswerState(answer.status, answer.maturity, answer.justification, answer.inclusionReasons,
                answer.notes, answer.evidence, answer.assessor, answer.answeredAt, answer.gap, answer.carriedOver,
                answer.reviewRequired, answer.remediated, answer.remediationActionId, answer.provenance);
    }

    /**
     * Returns whether both states record the same answer. Who answered and when are left out, so that
     * repeating an answer later or from another tool is no change.
     */
    boolean sameAnswer(AnswerState other) {
        return status == other.status
                && Objects.equals(maturity, other.maturity)
                && Objects.equals(justification, other.justification)
                && Objects.equals(inclusionReasons, other.inclusionReasons)
                && Objects.equals(notes, other.notes)
                && Objects.equals(evidence, other.evidence)
                && gap == other.gap
                && carriedOver == other.carriedOver
                && reviewRequired == other.reviewRequired
                && remediated == other.remediated
                && Objects.equals(remediationActionId, other.remediationActionId)
                && Objects.equals(provenance, other.provenance);
    }

    void applyTo(Answer answer) {
        answer.status = status;
        answer.maturity = maturity;
        answer.justification = justification;
        answer.inclusionReasons = inclusionReasons;
        answer.notes = notes;
        answer.evidence = evidence;
        answer.assessor = assessor;
        answer.answeredAt = answeredAt;
        answer.gap = gap;
        answer.carriedOver = carriedOver;
        answer.reviewRequired = reviewRequired;
        answer.remediated = remediated;
        answer.remediationActionId = remediationActionId;
        answer.provenance = provenance;
    }
}
