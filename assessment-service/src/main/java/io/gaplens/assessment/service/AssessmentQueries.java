package io.gaplens.assessment.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.assessment.api.AnswerViews.AnswerChangeView;
import io.gaplens.assessment.api.AnswerViews.AnswerView;
import io.gaplens.assessment.api.AnswerViews.DocumentReviewView;
import io.gaplens.assessment.api.AnswerViews.InterviewView;
import io.gaplens.assessment.api.AssessmentViews.AssessmentView;
import io.gaplens.assessment.api.AssessmentViews.RequirementView;
import io.gaplens.assessment.domain.Answer;
import io.gaplens.assessment.domain.AnswerChange;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.assessment.domain.AssessmentStatus;
import io.gaplens.assessment.domain.DocumentReview;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.Interview;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Read-only views of assessments, answers and fieldwork; nothing here writes. */
@ApplicationScoped
public class AssessmentQueries {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    AssessmentLookup lookup;

    public Page<AssessmentView> list(String tenant, String status, PageRequest page) {
        var query = status == null
                ? Assessment.<Assessment>find("tenantId = ?1 order by createdAt desc, id", tenant)
                : Assessment.<Assessment>find("tenantId = ?1 and status = ?2 order by createdAt desc, id", tenant,
                        parseStatus(status));
        long total = query.count();
        List<Assessment> items = query.range(page.offset(), page.offset() + page.size() - 1).list();
        return Page.of(items.stream().map(this::view).toList(), page, total);
    }

    public AssessmentView view(Assessment assessment) {
        long assessable = AssessmentRequirement.count("assessmentId", assessment.id);
        return new AssessmentView(assessment.id, assessment.name, assessment.catalogId, assessment.catalogVersion,
                assessment.catalogTitle, assessment.targetMaturity, assessment.startDate, assessment.dueDate,
                assessment.scope, assessment.scope.highestCriticality().name(), assessment.status.name(),
                assessment.baselineAssessmentId, assessable, assessment.createdBy, assessment.createdAt,
                assessment.startedAt, assessment.completedAt, assessment.archivedAt, assessment.rowVersion);
    }

    public List<RequirementView> requirements(Assessment assessment) {
        return AssessmentRequirement.listOf(assessment.id).stream()
                .map(requirement -> new RequirementView(requirement.ref, requirement.title, requirement.kind.name(),
                        requirement.groupRef, requirement.excludable, requirement.securityProperties))
                .toList();
    }

    /** Lists the answers in catalogue order, filtered by status, group and gap when those are given. */
    public List<AnswerView> answers(Assessment assessment, String status, String group, String gap) {
        ImplementationStatus wantedStatus = status == null || status.isBlank() ? null
                : AnswerValues.status(status).orElseThrow(() -> ApiException.invalid("status", "invalid value '"
                        + status + "', expected one of " + List.of(ImplementationStatus.values())));
        Boolean wantedGap = parseBoolean("gap", gap);
        Map<String, Answer> byRef = new HashMap<>();
        for (Answer answer : Answer.listOf(assessment.id)) {
            byRef.put(answer.requirementRef, answer);
        }
        Fieldwork fieldwork = Fieldwork.of(assessment.id);
        List<AnswerView> views = new ArrayList<>();
        for (AssessmentRequirement requirement : AssessmentRequirement.listOf(assessment.id)) {
            Answer answer = byRef.get(requirement.ref);
            if (answer == null
                    || (wantedStatus != null && answer.status != wantedStatus)
                    || (group != null && !group.isBlank() && !requirement.groupRef.equals(group.strip()))
                    || (wantedGap != null && answer.gap != wantedGap)) {
                continue;
            }
            views.add(view(requirement, answer, fieldwork));
        }
        return views;
    }

    public AnswerView answer(Assessment assessment, AssessmentRequirement requirement, Answer answer) {
        return view(requirement, answer, Fieldwork.of(assessment.id));
    }

    public List<AnswerChangeView> history(Assessment assessment, AssessmentRequirement requirement) {
        List<AnswerChange> changes = AnswerChange.list(
                "assessmentId = ?1 and requirementRef = ?2 order by changedAt, id", assessment.id, requirement.ref);
        return changes.stream()
                .map(change -> new AnswerChangeView(change.changedBy, change.changedAt, change.source.name(),
                        json(change.oldValue), json(change.newValue)))
                .toList();
    }

    public List<InterviewView> interviews(Assessment assessment) {
        List<Interview> interviews = Interview.list("assessmentId = ?1 order by heldOn, recordedAt", assessment.id);
        return interviews.stream().map(AssessmentQueries::view).toList();
    }

    public List<DocumentReviewView> documentReviews(Assessment assessment) {
        List<DocumentReview> reviews = DocumentReview.list("assessmentId = ?1 order by reviewedOn, recordedAt",
                assessment.id);
        return reviews.stream().map(AssessmentQueries::view).toList();
    }

    public static InterviewView view(Interview interview) {
        return new InterviewView(interview.id, interview.intervieweeRole, interview.heldOn, interview.topics,
                interview.requirementRefs, interview.notes, interview.recordedBy, interview.recordedAt);
    }

    public static DocumentReviewView view(DocumentReview review) {
        return new DocumentReviewView(review.id, review.document, review.documentVersion, review.reviewedOn,
                review.requirementRefs, review.notes, review.recordedBy, review.recordedAt);
    }

    private static AnswerView view(AssessmentRequirement requirement, Answer answer, Fieldwork fieldwork) {
        return new AnswerView(requirement.ref, requirement.title, requirement.kind.name(), requirement.groupRef,
                requirement.excludable, answer.status.name(), answer.maturity, answer.justification,
                answer.inclusionReasons, answer.notes, answer.evidence, answer.assessor, answer.answeredAt, answer.gap,
                answer.carriedOver, answer.reviewRequired, answer.remediated, answer.remediationActionId,
                answer.provenance, fieldwork.interviewsCovering(requirement.ref),
                fieldwork.reviewsCovering(requirement.ref), answer.updatedBy, answer.updatedAt, answer.rowVersion);
    }

    private JsonNode json(String text) {
        try {
            return objectMapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("An audit entry contains invalid JSON", e);
        }
    }

    private static AssessmentStatus parseStatus(String status) {
        try {
            return AssessmentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "invalid value '" + status + "', expected one of "
                    + List.of(AssessmentStatus.values()));
        }
    }

    private static Boolean parseBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(name, "must be true or false, was '" + value + "'");
        };
    }

    /** The interviews and document reviews of one assessment, to link them to answers. */
    private record Fieldwork(List<Interview> interviews, List<DocumentReview> reviews) {

        static Fieldwork of(UUID assessmentId) {
            return new Fieldwork(Interview.list("assessmentId = ?1 order by heldOn, recordedAt", assessmentId),
                    DocumentReview.list("assessmentId = ?1 order by reviewedOn, recordedAt", assessmentId));
        }

        List<UUID> interviewsCovering(String ref) {
            return interviews.stream().filter(item -> item.requirementRefs.contains(ref)).map(item -> item.id)
                    .toList();
        }

        List<UUID> reviewsCovering(String ref) {
            return reviews.stream().filter(item -> item.requirementRefs.contains(ref)).map(item -> item.id).toList();
        }
    }
}
