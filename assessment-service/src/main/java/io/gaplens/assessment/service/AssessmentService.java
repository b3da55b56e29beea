package io.gaplens.assessment.service;

import io.gaplens.assessment.api.AssessmentViews.AssessmentRequest;
import io.gaplens.assessment.api.AssessmentViews.AssessmentUpdate;
import io.gaplens.assessment.api.AssessmentViews.ReassessmentRequest;
import io.gaplens.assessment.api.AssessmentViews.SummaryView;
import io.gaplens.assessment.domain.Answer;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.assessment.domain.AssessmentStatus;
import io.gaplens.assessment.domain.ChangeSource;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.RequirementKind;
import io.gaplens.assessment.domain.Scope;
import io.gaplens.assessment.service.CatalogClient.CatalogRequirement;
import io.gaplens.assessment.service.CatalogClient.CatalogVersionInfo;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.FieldError;
import io.gaplens.platform.events.AssessmentCompleted;
import io.gaplens.platform.events.AssessmentStarted;
import io.gaplens.platform.events.EventType;
import io.gaplens.platform.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates assessments, pins their catalogue version, edits them and moves them through their lifecycle. */
@ApplicationScoped
public class AssessmentService {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);
    static final int DEFAULT_TARGET_MATURITY = 3;

    @Inject
    CatalogClient catalog;

    @Inject
    AssessmentLookup lookup;

    @Inject
    AnswerService answers;

    @Inject
    AnswerEvents answerEvents;

    @Inject
    EventPublisher publisher;

    /**
     * Validates the request, reads the catalogue version from catalog-service and stores a draft with
     * its own copy of the assessable requirements. The catalogue is read before the transaction opens,
     * so an unreachable catalogue writes nothing.
     */
    public Assessment create(String tenant, String user, AssessmentRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ApiException.invalid("body", "missing: send the assessment as JSON");
        }
        AssessmentChecks.name(request.name(), errors);
        AssessmentChecks.required("catalogId", request.catalogId(), errors);
        AssessmentChecks.required("catalogVersion", request.catalogVersion(), errors);
        AssessmentChecks.targetMaturity(request.targetMaturity(), errors);
        AssessmentChecks.dates(request.startDate(), request.dueDate(), errors);
        AssessmentChecks.scope(request.scope(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(AnswerService.describe(errors), errors);
        }

        String catalogId = request.catalogId().strip();
        String version = request.catalogVersion().strip();
        CatalogVersionInfo info = catalog.version(catalogId, version);
        if (!"PUBLISHED".equals(info.status())) {
            throw ApiException.invalid("catalogVersion", "version " + version + " of catalogue " + catalogId
                    + " is a " + info.status() + " and may still change; assess a published version");
        }
        List<CatalogRequirement> requirements = catalog.assessableRequirements(catalogId, version);
        List<FieldError> unsupported = new ArrayList<>();
        for (CatalogRequirement requirement : requirements) {
            if (!"CLAUSE".equals(requirement.kind()) && !"CONTROL".equals(requirement.kind())) {
                unsupported.add(new FieldError("catalogId", "requirement " + requirement.ref() + " is of kind "
                        + requirement.kind() + ", but only CLAUSE and CONTROL requirements can be assessed"));
            }
        }
        if (!unsupported.isEmpty()) {
            throw ApiException.invalid("Catalogue " + catalogId + " " + version + " cannot be assessed", unsupported);
        }

        Integer target = request.targetMaturity();
        return store(tenant, user, request.name().strip(), info, target == null ? DEFAULT_TARGET_MATURITY : target,
                request, requirements);
    }

    @Transactional
    Assessment store(String tenant, String user, String name, CatalogVersionInfo info, int targetMaturity,
                     AssessmentRequest request, List<CatalogRequirement> requirements) {
        Assessment assessment = newAssessment(tenant, user, name, targetMaturity, request.startDate(),
                request.dueDate(), request.scope());
        assessment.catalogId = info.catalogId();
        assessment.catalogVersion = info.version();
        assessment.catalogTitle = info.title();
        assessment.persist();

        int position = 0;
        for (CatalogRequirement source : requirements) {
            AssessmentRequirement copy = new AssessmentRequirement();
            copy.id = UUID.randomUUID();
            copy.assessmentId = assessment.id;
            copy.ref = source.ref();
            copy.title = source.title();
            copy.kind = RequirementKind.valueOf(source.kind());
            copy.groupRef = source.section();
            copy.excludable = source.excludable();
            copy.position = position++;
            copy.securityProperties = source.securityProperties();
            copy.persist();
            newAnswer(assessment, copy.ref).persist();
        }
        LOG.infof("Assessment %s of tenant %s created against %s %s with %d requirements", assessment.id, tenant,
                info.catalogId(), info.version(), requirements.size());
        return assessment;
    }

    /** Replaces the editable fields; the target maturity can only change while the assessment is a draft. */
    @Transactional
    public Assessment update(String tenant, UUID id, String ifMatch, AssessmentUpdate update) {
        Assessment assessment = lookup.assessment(tenant, id);
        requireWritable(assessment);
        ETags.requireMatch(ifMatch, assessment.rowVersion);
        if (update == null) {
            throw ApiException.invalid("body", "missing: send the assessment as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        AssessmentChecks.name(update.name(), errors);
        AssessmentChecks.targetMaturity(update.targetMaturity(), errors);
        AssessmentChecks.dates(update.startDate(), update.dueDate(), errors);
        AssessmentChecks.scope(update.scope(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(AnswerService.describe(errors), errors);
        }
        int target = update.targetMaturity() == null ? assessment.targetMaturity : update.targetMaturity();
        if (target != assessment.targetMaturity && assessment.status != AssessmentStatus.DRAFT) {
            throw ApiException.conflict("The target maturity of assessment " + id + " is fixed once it is "
                    + assessment.status + ", because recorded gaps depend on it", "targetMaturity");
        }

        assessment.name = update.name().strip();
        assessment.targetMaturity = target;
        assessment.startDate = update.startDate();
        assessment.dueDate = update.dueDate();
        assessment.scope = update.scope() == null ? Scope.empty() : update.scope();
        Assessment.getEntityManager().flush();
        return assessment;
    }

    /**
     * Moves a draft to IN_PROGRESS and sends AssessmentStarted. Answers carried over from a baseline
     * are announced now, with their gaps, so that consumers see them after the start.
     */
    @Transactional
    public Assessment start(String tenant, UUID id) {
        Assessment assessment = lookup.assessment(tenant, id);
        moveTo(assessment, AssessmentStatus.IN_PROGRESS);
        OffsetDateTime now = AnswerService.now();
        assessment.startedAt = now;

        List<AssessmentRequirement> requirements = AssessmentRequirement.listOf(id);
        List<AssessmentStarted.AssessableRequirement> listed = requirements.stream()
                .map(requirement -> new AssessmentStarted.AssessableRequirement(requirement.ref, requirement.title,
                        requirement.kind.name(), requirement.groupRef, requirement.excludable))
                .toList();
        String key = id.toString();
        publisher.publish(EventType.ASSESSMENT_STARTED, tenant, key, key, new AssessmentStarted(tenant, id,
                assessment.name, assessment.catalogId, assessment.catalogVersion, assessment.targetMaturity,
                assessment.baselineAssessmentId, requirements.size(),
                assessment.scope.highestCriticality().name(), listed, now));

        Map<String, Answer> answersByRef = answersByRef(id);
        int carried = 0;
        for (AssessmentRequirement requirement : requirements) {
            Answer answer = answersByRef.get(requirement.ref);
            if (answer == null || answer.status == ImplementationStatus.NOT_ASSESSED) {
                continue;
            }
            answerEvents.answerRecorded(assessment, requirement, answer);
            if (answer.gap) {
                answerEvents.gapIdentified(assessment, requirement, answer, now);
            }
            carried++;
        }
        Assessment.getEntityManager().flush();
        LOG.infof("Assessment %s started with %d requirements, %d answers carried over", id, requirements.size(),
                carried);
        return assessment;
    }

    /** Completes an assessment in progress, makes it read-only and sends AssessmentCompleted with its figures. */
    @Transactional
    public Assessment complete(String tenant, UUID id) {
        Assessment assessment = lookup.assessment(tenant, id);
        moveTo(assessment, AssessmentStatus.COMPLETED);
        OffsetDateTime now = AnswerService.now();
        assessment.completedAt = now;

        SummaryView summary = summary(assessment);
        var overall = summary.overall();
        int notApplicable = overall.countsByStatus().get(ImplementationStatus.NOT_APPLICABLE.name());
        int implemented = overall.countsByStatus().get(ImplementationStatus.IMPLEMENTED.name());
        String key = id.toString();
        publisher.publish(EventType.ASSESSMENT_COMPLETED, tenant, key, key, new AssessmentCompleted(tenant, id,
                overall.assessableCount(), overall.answeredCount(), notApplicable, implemented, overall.gapCount(),
                overall.compliancePercent(), now));
        Assessment.getEntityManager().flush();
        LOG.infof("Assessment %s completed: %d gaps, compliance %s%%", id, overall.gapCount(),
                overall.compliancePercent());
        return assessment;
    }

    @Transactional
    public Assessment archive(String tenant, UUID id) {
        Assessment assessment = lookup.assessment(tenant, id);
        moveTo(assessment, AssessmentStatus.ARCHIVED);
        assessment.archivedAt = AnswerService.now();
        Assessment.getEntityManager().flush();
        return assessment;
    }

    /**
     * Creates a draft re-assessment of a completed assessment: same catalogue version (its copy is
     * reused), and every answered requirement copied, marked carried over and to be reviewed.
     */
    @Transactional
    public Assessment reassess(String tenant, String user, UUID baselineId, ReassessmentRequest request) {
        Assessment baseline = lookup.assessment(tenant, baselineId);
        if (baseline.status != AssessmentStatus.COMPLETED && baseline.status != AssessmentStatus.ARCHIVED) {
            throw ApiException.conflict("Assessment " + baselineId + " is " + baseline.status
                    + "; only a COMPLETED or ARCHIVED assessment can be the baseline of a re-assessment", "status");
        }
        ReassessmentRequest changes = request == null
                ? new ReassessmentRequest(null, null, null, null, null) : request;
        List<FieldError> errors = new ArrayList<>();
        if (changes.name() != null) {
            AssessmentChecks.name(changes.name(), errors);
        }
        AssessmentChecks.targetMaturity(changes.targetMaturity(), errors);
        AssessmentChecks.dates(changes.startDate(), changes.dueDate(), errors);
        AssessmentChecks.scope(changes.scope(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(AnswerService.describe(errors), errors);
        }

        String name = changes.name() != null ? changes.name().strip() : baseline.name + " (re-assessment)";
        int target = changes.targetMaturity() != null ? changes.targetMaturity() : baseline.targetMaturity;
        Assessment assessment = newAssessment(tenant, user, name, target, changes.startDate(), changes.dueDate(),
                changes.scope() != null ? changes.scope() : baseline.scope);
        assessment.catalogId = baseline.catalogId;
        assessment.catalogVersion = baseline.catalogVersion;
        assessment.catalogTitle = baseline.catalogTitle;
        assessment.baselineAssessmentId = baseline.id;
        assessment.persist();

        Map<String, Answer> previous = answersByRef(baseline.id);
        OffsetDateTime now = AnswerService.now();
        int carried = 0;
        for (AssessmentRequirement source : AssessmentRequirement.listOf(baseline.id)) {
            AssessmentRequirement copy = new AssessmentRequirement();
            copy.id = UUID.randomUUID();
            copy.assessmentId = assessment.id;
            copy.ref = source.ref;
            copy.title = source.title;
            copy.kind = source.kind;
            copy.groupRef = source.groupRef;
            copy.excludable = source.excludable;
            copy.position = source.position;
            copy.securityProperties = source.securityProperties;
            copy.persist();

            Answer answer = newAnswer(assessment, copy.ref);
            Answer old = previous.get(source.ref);
            if (old != null && old.status != ImplementationStatus.NOT_ASSESSED) {
                AnswerState before = AnswerState.of(answer);
                new AnswerState(old.status, old.maturity, old.justification, old.inclusionReasons, old.notes,
                        old.evidence, old.assessor, old.answeredAt,
                        AnswerRules.isGap(old.status, old.maturity, target), true, true, false, null,
                        old.provenance).applyTo(answer);
                answer.updatedBy = user;
                answer.updatedAt = now;
                answers.audit(assessment, copy.ref, before, AnswerState.of(answer), ChangeSource.BASELINE, user, now);
                carried++;
            }
            answer.persist();
        }
        LOG.infof("Assessment %s created as re-assessment of %s with %d answers carried over", assessment.id,
                baselineId, carried);
        return assessment;
    }

    public SummaryView summary(Assessment assessment) {
        return SummaryCalculator.summarize(assessment, AssessmentRequirement.listOf(assessment.id),
                answersByRef(assessment.id));
    }

    static void requireWritable(Assessment assessment) {
        if (assessment.status.isReadOnly()) {
            throw ApiException.conflict("Assessment " + assessment.id + " is " + assessment.status
                    + " and read-only; create a re-assessment to record new findings", "status");
        }
    }

    private static void moveTo(Assessment assessment, AssessmentStatus next) {
        if (!assessment.status.canMoveTo(next)) {
            throw ApiException.conflict("Assessment " + assessment.id + " cannot move from " + assessment.status
                    + " to " + next + "; the lifecycle is DRAFT, IN_PROGRESS, COMPLETED, ARCHIVED", "status");
        }
        assessment.status = next;
    }

    private static Map<String, Answer> answersByRef(UUID assessmentId) {
        Map<String, Answer> byRef = new HashMap<>();
        for (Answer answer : Answer.listOf(assessmentId)) {
            byRef.put(answer.requirementRef, answer);
        }
        return byRef;
    }

    private static Assessment newAssessment(String tenant, String user, String name, int targetMaturity,
                                            java.time.LocalDate startDate, java.time.LocalDate dueDate, Scope scope) {
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.tenantId = tenant;
        assessment.name = name;
        assessment.targetMaturity = targetMaturity;
        assessment.startDate = startDate;
        assessment.dueDate = dueDate;
        assessment.scope = scope == null ? Scope.empty() : scope;
        assessment.status = AssessmentStatus.DRAFT;
        assessment.createdBy = user;
        assessment.createdAt = AnswerService.now();
        return assessment;
    }

    private static Answer newAnswer(Assessment assessment, String ref) {
        Answer answer = new Answer();
        answer.id = UUID.randomUUID();
        answer.tenantId = assessment.tenantId;
        answer.assessmentId = assessment.id;
        answer.requirementRef = ref;
        answer.status = ImplementationStatus.NOT_ASSESSED;
        return answer;
    }
}
