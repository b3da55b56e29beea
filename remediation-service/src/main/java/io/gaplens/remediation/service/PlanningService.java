package io.gaplens.remediation.service;

import io.gaplens.platform.events.GapClosed;
import io.gaplens.platform.events.RiskAssessed;
import io.gaplens.platform.inbox.PoisonEventException;
import io.gaplens.remediation.domain.ActionOrigin;
import io.gaplens.remediation.domain.ActionStatus;
import io.gaplens.remediation.domain.GapStatus;
import io.gaplens.remediation.domain.RemediationAction;
import io.gaplens.remediation.domain.RemediationGap;
import io.gaplens.remediation.domain.RiskLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans remediation from rated risks: the first open rating of a gap creates its action, a new
 * rating re-plans it, and a closed risk or a closed gap cancels the actions that only it kept open.
 */
@ApplicationScoped
public class PlanningService {

    private static final Logger LOG = Logger.getLogger(PlanningService.class);

    @Inject
    SettingsService settings;

    @Inject
    Replanner replanner;

    @Inject
    ActionJournal journal;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(RiskAssessed risk) {
        RiskLevel level = RiskLevel.parse(risk.level()).orElseThrow(() -> new PoisonEventException(
                "RiskAssessed for risk " + risk.riskId() + " has unknown level '" + risk.level()
                        + "', expected one of LOW, MEDIUM, HIGH, CRITICAL"));
        lockAssessment(risk.tenantId(), risk.assessmentId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        RemediationGap gap = RemediationGap.find(risk.tenantId(), risk.assessmentId(), risk.requirementRef())
                .orElseGet(() -> newGap(risk.tenantId(), risk.assessmentId(), risk.requirementRef()));
        if (gap.ratedAt != null && risk.assessedAt().isBefore(gap.ratedAt)) {
            LOG.infof("assessment %s, requirement %s: ignored rating of %s, older than the one applied",
                    risk.assessmentId(), risk.requirementRef(), risk.assessedAt());
            return;
        }

        gap.requirementTitle = risk.requirementTitle();
        gap.riskId = risk.riskId();
        gap.riskLevel = level;
        gap.riskScore = risk.score();
        gap.status = "CLOSED".equals(risk.status()) ? GapStatus.CLOSED : GapStatus.OPEN;
        gap.ratedAt = risk.assessedAt();
        gap.updatedAt = now;
        gap.persist();

        if (gap.status == GapStatus.CLOSED) {
            closeGap(gap, "risk " + risk.riskId() + " closed", now);
        } else {
            planGap(gap, "risk " + risk.riskId() + " rated " + level + " (score " + risk.score() + ")", now);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(GapClosed closed) {
        lockAssessment(closed.tenantId(), closed.assessmentId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        RemediationGap gap = RemediationGap.find(closed.tenantId(), closed.assessmentId(), closed.requirementRef())
                .orElseGet(() -> newGap(closed.tenantId(), closed.assessmentId(), closed.requirementRef()));
        if (gap.ratedAt != null && closed.closedAt().isBefore(gap.ratedAt)) {
            LOG.infof("assessment %s, requirement %s: ignored GapClosed of %s, older than the last rating",
                    closed.assessmentId(), closed.requirementRef(), closed.closedAt());
            return;
        }
        gap.status = GapStatus.CLOSED;
        gap.ratedAt = closed.closedAt();
        gap.updatedAt = now;
        gap.persist();

        closeGap(gap, "gap closed by a new answer (" + closed.status() + ")", now);
    }

    private void planGap(RemediationGap gap, String reason, OffsetDateTime now) {
        List<RemediationAction> covering = RemediationAction.coveringForUpdate(gap.tenantId, gap.assessmentId,
                gap.requirementRef);
        boolean planned = covering.stream().anyMatch(action -> action.status != ActionStatus.CANCELLED);
        if (!planned) {
            createFor(gap, reason, now);
            return;
        }
        PlanningRules rules = settings.rulesFor(gap.tenantId);
        for (RemediationAction action : covering) {
            if (replanner.replan(action, rules, reason, ActionJournal.SYSTEM_ACTOR, now)) {
                journal.planned(action, now);
                LOG.infof("action %s re-planned: %s, phase %d, due %s", action.id, action.riskLevel, action.phase,
                        action.dueDate);
            }
        }
    }

    private void createFor(RemediationGap gap, String reason, OffsetDateTime now) {
        PlanningRules rules = settings.rulesFor(gap.tenantId);
        RemediationAction action = new RemediationAction();
        action.id = UUID.randomUUID();
        action.tenantId = gap.tenantId;
        action.assessmentId = gap.assessmentId;
        action.title = "Implement " + gap.requirementRef + " " + gap.requirementTitle;
        action.origin = ActionOrigin.RISK;
        action.riskLevel = gap.riskLevel;
        action.requirementRefs = new HashSet<>(List.of(gap.requirementRef));
        action.plannedOn = LocalDate.now(clock.withZone(rules.timeZone()));
        action.status = ActionStatus.PLANNED;
        action.createdAt = now;
        action.createdBy = ActionJournal.SYSTEM_ACTOR;
        action.updatedAt = now;
        replanner.planNew(action, rules);
        action.persist();

        journal.change(action, "status", null, action.status, reason, ActionJournal.SYSTEM_ACTOR, now);
        journal.planned(action, now);
        LOG.infof("assessment %s: action %s planned for %s (%s, phase %d, due %s)", action.assessmentId, action.id,
                gap.requirementRef, action.riskLevel, action.phase, action.dueDate);
    }

    /**
     * Cancels each unfinished action covering the gap when every requirement it covers is closed,
     * and re-plans the others from their remaining open gaps.
     */
    private void closeGap(RemediationGap gap, String reason, OffsetDateTime now) {
        PlanningRules rules = settings.rulesFor(gap.tenantId);
        for (RemediationAction action : RemediationAction.coveringForUpdate(gap.tenantId, gap.assessmentId,
                gap.requirementRef)) {
            if (!action.status.isUnfinished()) {
                continue;
            }
            Map<String, RemediationGap> gaps = RemediationGap.of(action.tenantId, action.assessmentId,
                    action.requirementRefs).stream().collect(Collectors.toMap(g -> g.requirementRef, Function.identity()));
            boolean allClosed = action.requirementRefs.stream()
                    .allMatch(ref -> gaps.containsKey(ref) && gaps.get(ref).status == GapStatus.CLOSED);
            if (allClosed) {
                journal.change(action, "status", action.status, ActionStatus.CANCELLED, reason,
                        ActionJournal.SYSTEM_ACTOR, now);
                action.status = ActionStatus.CANCELLED;
                action.blockedReason = null;
                action.updatedAt = now;
                journal.planned(action, now);
                LOG.infof("action %s cancelled: %s", action.id, reason);
            } else if (replanner.replan(action, rules, reason, ActionJournal.SYSTEM_ACTOR, now)) {
                journal.planned(action, now);
            }
        }
    }

    /**
     * Serializes the consumers of both topics per assessment until the transaction ends, so that
     * a rating and a closure of the same gap never insert or update its row at the same time.
     */
    private void lockAssessment(String tenantId, UUID assessmentId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .setParameter(1, tenantId + "/" + assessmentId)
                .getSingleResult();
    }

    private static RemediationGap newGap(String tenantId, UUID assessmentId, String requirementRef) {
        RemediationGap gap = new RemediationGap();
        gap.id = UUID.randomUUID();
        gap.tenantId = tenantId;
        gap.assessmentId = assessmentId;
        gap.requirementRef = requirementRef;
        return gap;
    }
}
