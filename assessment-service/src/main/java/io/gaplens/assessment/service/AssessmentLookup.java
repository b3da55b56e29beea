package io.gaplens.assessment.service;

import io.gaplens.assessment.domain.Answer;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.platform.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Finds assessments, their requirements and answers within one tenant. */
@ApplicationScoped
public class AssessmentLookup {

    /** Returns the tenant's assessment; another tenant's id is answered 404 like an unknown one. */
    public Assessment assessment(String tenant, UUID id) {
        return Assessment.findForTenant(tenant, id)
                .orElseThrow(() -> ApiException.notFound("Assessment", id));
    }

    /** Returns the assessment's requirement {@code ref}, or fails with 404 naming it. */
    public AssessmentRequirement requirement(Assessment assessment, String ref) {
        return findRequirement(assessment, ref)
                .orElseThrow(() -> ApiException.notFound("Requirement", ref + " in assessment " + assessment.id
                        + " (" + assessment.catalogId + " " + assessment.catalogVersion + ")"));
    }

    /**
     * Finds a requirement by reference. A reference without the {@code A.} prefix that names no clause
     * is looked up as an Annex A control, so {@code 5.15} finds {@code A.5.15} while {@code 5.1} is clause 5.1.
     */
    public Optional<AssessmentRequirement> findRequirement(Assessment assessment, String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        String trimmed = ref.strip();
        if (trimmed.startsWith("a.")) {
            trimmed = "A." + trimmed.substring(2);
        }
        Optional<AssessmentRequirement> exact = byRef(assessment.id, trimmed);
        if (exact.isPresent() || trimmed.toUpperCase(Locale.ROOT).startsWith("A.")) {
            return exact;
        }
        return byRef(assessment.id, "A." + trimmed);
    }

    public Answer answer(Assessment assessment, AssessmentRequirement requirement) {
        return Answer.find(assessment.id, requirement.ref)
                .orElseThrow(() -> new IllegalStateException("Assessment " + assessment.id + " has no answer row for "
                        + requirement.ref));
    }

    private static Optional<AssessmentRequirement> byRef(UUID assessmentId, String ref) {
        return AssessmentRequirement.find("assessmentId = ?1 and ref = ?2", assessmentId, ref).firstResultOptional();
    }
}
