package io.gaplens.platform.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An answer to one requirement was recorded or changed. {@code gap} says whether the answer leaves
 * a gap; {@code remediated} that a completed remediation action awaits re-evaluation.
 */
public record AnswerRecorded(String tenantId, UUID assessmentId, String requirementRef, String requirementTitle,
                             String requirementKind, String group, String status, Integer maturity,
                             int targetMaturity, String justification, List<String> inclusionReasons,
                             List<Evidence> evidence, String notes, boolean gap, boolean carriedOver,
                             boolean remediated, String answeredBy, OffsetDateTime answeredAt) {

    /** A reference to evidence: a title, a link or document reference, its owner and the date it was collected. */
    public record Evidence(String title, String reference, String owner, LocalDate collectedOn) {
    }
}
