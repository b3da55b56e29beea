package io.gaplens.assessment.service;

import io.gaplens.assessment.domain.Answer;
import io.gaplens.assessment.domain.AnswerChange;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.assessment.domain.AssessmentStatus;
import io.gaplens.assessment.domain.ChangeSource;
import io.gaplens.assessment.domain.JsonColumns;
import io.gaplens.assessment.domain.Provenance;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records answers, keeps their audit trail and announces each change with its gap event. */
@ApplicationScoped
public class AnswerService {

    private static final Logger LOG = Logger.getLogger(AnswerService.class);

    @Inject
    AssessmentLookup lookup;

    @Inject
    AnswerEvents events;

    /** The outcome of one answer write: the stored answer and whether it changed. */
    public record Recorded(Answer answer, AssessmentRequirement requirement, boolean changed) {
    }

    /** One import row resolved to a requirement of the assessment, ready to store. */
    public record ResolvedAnswer(AssessmentRequirement requirement, AnswerInput input, boolean reviewRequired,
                                 List<Provenance> provenance) {
    }

    /**
     * Replaces the answer to {@code ref} when {@code ifMatch} names its current version.
     *
     * @throws ApiException 404 for an unknown assessment or requirement, 409 when the assessment is not in
     *         progress, 428 or 412 for a missing or stale If-Match, 400 when the answer breaks a rule
     */
    @Transactional
    public Recorded record(String tenant, String user, UUID assessmentId, String ref, String ifMatch,
                           AnswerInput input) {
        Assessment assessment = lookup.assessment(tenant, assessmentId);
        AssessmentRequirement requirement = lookup.requirement(assessment, ref);
        requireAnswerable(assessment);
        Answer answer = lookup.answer(assessment, requirement);
        ETags.requireMatch(ifMatch, answer.rowVersion);

        List<FieldError> errors = AnswerRules.check(input, requirement, "", null, AnswerRules.FieldNames.JSON);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(describe(errors), errors);
        }
        boolean changed = apply(assessment, requirement, answer, input, false, List.of(), ChangeSource.API, user);
        return new Recorded(answer, requirement, changed);
    }

    /** Stores every resolved import row in one transaction; a failure stores none. */
    @Transactional
    public List<Recorded> recordAll(String tenant, String user, UUID assessmentId, List<ResolvedAnswer> rows) {
        Assessment assessment = lookup.assessment(tenant, assessmentId);
        requireAnswerable(assessment);
        List<Recorded> recorded = new ArrayList<>();
        for (ResolvedAnswer row : rows) {
            Answer answer = lookup.answer(assessment, row.requirement());
            boolean changed = apply(assessment, row.requirement(), answer, row.input(), row.reviewRequired(),
                    row.provenance(), ChangeSource.IMPORT, user);
            recorded.add(new Recorded(answer, row.requirement(), changed));
        }
        long changedCount = recorded.stream().filter(Recorded::changed).count();
        LOG.infof("Assessment %s: import of %d answers by %s changed %d", assessmentId, rows.size(), user,
                changedCount);
        return recorded;
    }

    /**
     * Marks the answers to {@code refs} as remediated and awaiting re-evaluation, without closing
     * their gaps. Returns the number of answers marked; refs the assessment does not have are skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markRemediated(Assessment assessment, List<String> refs, UUID actionId, String user) {
        int marked = 0;
        OffsetDateTime now = now();
        for (String ref : refs) {
            AssessmentRequirement requirement = lookup.findRequirement(assessment, ref).orElse(null);
            if (requirement == null) {
                LOG.warnf("Assessment %s: remediation action %s names requirement %s, which the assessment does not"
                        + " have; skipped", assessment.id, actionId, ref);
                continue;
            }
            Answer answer = lookup.answer(assessment, requirement);
            if (answer.remediated && actionId.equals(answer.remediationActionId)) {
                continue;
            }
            AnswerState before = AnswerState.of(answer);
            answer.remediated = true;
            answer.remediationActionId = actionId;
            answer.updatedBy = user;
            answer.updatedAt = now;
            audit(assessment, requirement.ref, before, AnswerState.of(answer), ChangeSource.REMEDIATION, user, now);
            events.answerRecorded(assessment, requirement, answer);
            marked++;
        }
        return marked;
    }

    /**
     * Stores {@code input} when it differs from the stored answer, with its audit entry and events.
     * A new answer clears the carried-over and remediated marks. Returns whether anything changed.
     */
    boolean apply(Assessment assessment, AssessmentRequirement requirement, Answer answer, AnswerInput input,
                  boolean reviewRequired, List<Provenance> provenance, ChangeSource source, String user) {
        OffsetDateTime now = now();
        AnswerState before = AnswerState.of(answer);
        boolean gap = AnswerRules.isGap(input.status(), input.maturity(), assessment.targetMaturity);
        AnswerState after = new AnswerState(input.status(), input.maturity(), input.justification(),
                input.inclusionReasons(), input.notes(), input.evidence(),
                input.assessor() != null ? input.assessor() : user,
                input.answeredAt() != null ? input.answeredAt() : now,
                gap, false, reviewRequired, false, null, List.copyOf(provenance));
        if (before.sameAnswer(after)) {
            return false;
        }

        after.applyTo(answer);
        answer.updatedBy = user;
        answer.updatedAt = now;
        audit(assessment, requirement.ref, before, after, source, user, now);
        events.announce(assessment, requirement, answer, before.gap(), now);
        Answer.getEntityManager().flush();
        return true;
    }

    void audit(Assessment assessment, String ref, AnswerState before, AnswerState after, ChangeSource source,
               String user, OffsetDateTime at) {
        AnswerChange change = new AnswerChange();
        change.id = UUID.randomUUID();
        change.tenantId = assessment.tenantId;
        change.assessmentId = assessment.id;
        change.requirementRef = ref;
        change.changedBy = user;
        change.changedAt = at;
        change.source = source;
        change.oldValue = JsonColumns.write(before);
        change.newValue = JsonColumns.write(after);
        change.persist();
    }

    static void requireAnswerable(Assessment assessment) {
        if (assessment.status != AssessmentStatus.IN_PROGRESS) {
            throw ApiException.conflict("Assessment " + assessment.id + " is " + assessment.status
                    + "; answers can only be recorded while it is IN_PROGRESS", "status");
        }
    }

    static String describe(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
