package io.gaplens.assessment.service;

import io.gaplens.assessment.domain.Answer;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.assessment.domain.Evidence;
import io.gaplens.assessment.domain.InclusionReason;
import io.gaplens.platform.events.AnswerRecorded;
import io.gaplens.platform.events.EventType;
import io.gaplens.platform.events.GapClosed;
import io.gaplens.platform.events.GapIdentified;
import io.gaplens.platform.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;

/** Writes the events that announce an answer change to the outbox, in the caller's transaction. */
@ApplicationScoped
public class AnswerEvents {

    private static final List<String> SECURITY_PROPERTIES = List.of("confidentiality", "integrity", "availability");

    @Inject
    EventPublisher publisher;

    /** Announces the answer, then GapIdentified when it leaves a gap, or GapClosed when it removed one. */
    void announce(Assessment assessment, AssessmentRequirement requirement, Answer answer, boolean wasGap,
                  OffsetDateTime at) {
        answerRecorded(assessment, requirement, answer);
        if (answer.gap) {
            gapIdentified(assessment, requirement, answer, at);
        } else if (wasGap) {
            publish(assessment, EventType.GAP_CLOSED, new GapClosed(assessment.tenantId, assessment.id,
                    requirement.ref, answer.status.name(), answer.maturity, at));
        }
    }

    void answerRecorded(Assessment assessment, AssessmentRequirement requirement, Answer answer) {
        List<AnswerRecorded.Evidence> evidence = answer.evidence.stream()
                .map(AnswerEvents::evidence)
                .toList();
        String answeredBy = answer.assessor != null ? answer.assessor : answer.updatedBy;
        OffsetDateTime answeredAt = answer.answeredAt != null ? answer.answeredAt : answer.updatedAt;
        publish(assessment, EventType.ANSWER_RECORDED, new AnswerRecorded(assessment.tenantId, assessment.id,
                requirement.ref, requirement.title, requirement.kind.name(), requirement.groupRef,
                answer.status.name(), answer.maturity, assessment.targetMaturity, answer.justification,
                answer.inclusionReasons.stream().map(InclusionReason::name).toList(), evidence, answer.notes,
                answer.gap, answer.carriedOver, answer.remediated, answeredBy, answeredAt));
    }

    void gapIdentified(Assessment assessment, AssessmentRequirement requirement, Answer answer, OffsetDateTime at) {
        List<String> properties = requirement.securityProperties.stream()
                .map(property -> property.toLowerCase(java.util.Locale.ROOT))
                .filter(SECURITY_PROPERTIES::contains)
                .distinct()
                .toList();
        publish(assessment, EventType.GAP_IDENTIFIED, new GapIdentified(assessment.tenantId, assessment.id,
                requirement.ref, requirement.title, requirement.kind.name(), requirement.groupRef,
                assessment.catalogId, assessment.catalogVersion, answer.status.name(), answer.maturity,
                assessment.targetMaturity, assessment.scope.highestCriticality().name(), properties, at));
    }

    private void publish(Assessment assessment, EventType type, Object payload) {
        String id = assessment.id.toString();
        publisher.publish(type, assessment.tenantId, id, id, payload);
    }

    private static AnswerRecorded.Evidence evidence(Evidence item) {
        return new AnswerRecorded.Evidence(item.title(), item.reference(), item.owner(), item.collectedOn());
    }
}
