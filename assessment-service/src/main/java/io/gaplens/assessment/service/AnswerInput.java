package io.gaplens.assessment.service;

import io.gaplens.assessment.domain.Evidence;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.InclusionReason;

import java.time.OffsetDateTime;
import java.util.List;

/** An answer's content as a single update or an import row supplies it, before the rules are checked. */
public record AnswerInput(ImplementationStatus status, Integer maturity, String justification,
                          List<InclusionReason> inclusionReasons, String notes, List<Evidence> evidence,
                          String assessor, OffsetDateTime answeredAt) {

    public AnswerInput {
        inclusionReasons = inclusionReasons == null ? List.of() : List.copyOf(inclusionReasons);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        justification = blankToNull(justification);
        notes = blankToNull(notes);
        assessor = blankToNull(assessor);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
