package io.gaplens.assessment.service;

import io.gaplens.assessment.api.AnswerViews.DocumentReviewRequest;
import io.gaplens.assessment.api.AnswerViews.InterviewRequest;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.assessment.domain.DocumentReview;
import io.gaplens.assessment.domain.Interview;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records the fieldwork behind answers: interviews and document reviews, each linked to the answers
 * of the requirements it covered.
 */
@ApplicationScoped
public class FieldworkService {

    private static final int MAX_TEXT = 1_000;

    @Inject
    AssessmentLookup lookup;

    @Transactional
    public Interview recordInterview(String tenant, String user, UUID assessmentId, InterviewRequest request) {
        Assessment assessment = lookup.assessment(tenant, assessmentId);
        AssessmentService.requireWritable(assessment);
        if (request == null) {
            throw ApiException.invalid("body", "missing: send the interview as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        text("intervieweeRole", request.intervieweeRole(), true, errors);
        if (request.heldOn() == null) {
            errors.add(new FieldError("heldOn", "missing: the date of the interview, YYYY-MM-DD"));
        }
        List<String> topics = request.topics() == null ? List.of() : request.topics();
        for (int i = 0; i < topics.size(); i++) {
            text("topics[" + i + "]", topics.get(i), true, errors);
        }
        List<String> refs = resolve(assessment, request.requirementRefs(), errors);
        failOn(errors);

        Interview interview = new Interview();
        interview.id = UUID.randomUUID();
        interview.tenantId = tenant;
        interview.assessmentId = assessmentId;
        interview.intervieweeRole = request.intervieweeRole().strip();
        interview.heldOn = request.heldOn();
        interview.topics = topics.stream().map(String::strip).toList();
        interview.requirementRefs = refs;
        interview.notes = blankToNull(request.notes());
        interview.recordedBy = user;
        interview.recordedAt = AnswerService.now();
        interview.persist();
        return interview;
    }

    @Transactional
    public DocumentReview recordDocumentReview(String tenant, String user, UUID assessmentId,
                                               DocumentReviewRequest request) {
        Assessment assessment = lookup.assessment(tenant, assessmentId);
        AssessmentService.requireWritable(assessment);
        if (request == null) {
            throw ApiException.invalid("body", "missing: send the document review as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        text("document", request.document(), true, errors);
        text("version", request.version(), false, errors);
        if (request.reviewedOn() == null) {
            errors.add(new FieldError("reviewedOn", "missing: the date of the review, YYYY-MM-DD"));
        }
        List<String> refs = resolve(assessment, request.requirementRefs(), errors);
        failOn(errors);

        DocumentReview review = new DocumentReview();
        review.id = UUID.randomUUID();
        review.tenantId = tenant;
        review.assessmentId = assessmentId;
        review.document = request.document().strip();
        review.documentVersion = blankToNull(request.version());
        review.reviewedOn = request.reviewedOn();
        review.requirementRefs = refs;
        review.notes = blankToNull(request.notes());
        review.recordedBy = user;
        review.recordedAt = AnswerService.now();
        review.persist();
        return review;
    }

    /** Resolves each reference to the assessment's requirement, so that {@code 5.15} is stored as {@code A.5.15}. */
    private List<String> resolve(Assessment assessment, List<String> refs, List<FieldError> errors) {
        if (refs == null || refs.isEmpty()) {
            errors.add(new FieldError("requirementRefs", "missing: name at least one requirement covered"));
            return List.of();
        }
        LinkedHashSet<String> resolved = new LinkedHashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            Optional<AssessmentRequirement> requirement = lookup.findRequirement(assessment, refs.get(i));
            if (requirement.isPresent()) {
                resolved.add(requirement.get().ref);
            } else {
                errors.add(new FieldError("requirementRefs[" + i + "]", "unknown requirement '" + refs.get(i)
                        + "' in " + assessment.catalogId + " " + assessment.catalogVersion));
            }
        }
        return List.copyOf(resolved);
    }

    private static void text(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "missing"));
            }
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(AnswerService.describe(errors), errors);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
