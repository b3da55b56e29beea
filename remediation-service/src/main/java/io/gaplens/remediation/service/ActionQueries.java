package io.gaplens.remediation.service;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.remediation.api.ActionViews.ActionView;
import io.gaplens.remediation.api.ActionViews.ChangeView;
import io.gaplens.remediation.api.ActionViews.PhaseView;
import io.gaplens.remediation.api.ActionViews.PlanView;
import io.gaplens.remediation.api.ActionViews.ProgressView;
import io.gaplens.remediation.domain.ActionChange;
import io.gaplens.remediation.domain.ActionStatus;
import io.gaplens.remediation.domain.RemediationAction;
import io.gaplens.remediation.domain.RemediationGap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Read side: action lists, plans with progress per phase, and audit trails. */
@ApplicationScoped
public class ActionQueries {

    static final Map<Integer, String> PHASE_NAMES = Map.of(
            1, "Immediate fixes",
            2, "Process improvement",
            3, "Ongoing monitoring");

    private static final String ORDER = " order by a.phase, a.priority, a.dueDate, a.createdAt, a.id";

    @Inject
    EntityManager entityManager;

    @Inject
    SettingsService settings;

    @Inject
    Clock clock;

    public ActionView view(RemediationAction action) {
        LocalDate today = LocalDate.now(clock.withZone(settings.rulesFor(action.tenantId).timeZone()));
        return view(action, today);
    }

    public Page<ActionView> list(String tenantId, ActionFilter filter, PageRequest page) {
        Map<String, Object> parameters = ActionFilter.parameters();
        String where = filter.where(tenantId, parameters);
        long total = count(where, parameters);
        List<RemediationAction> actions = select(where, parameters, page);
        LocalDate today = today(tenantId);
        return Page.of(actions.stream().map(action -> view(action, today)).toList(), page, total);
    }

    /** Returns the plan of an assessment, or 404 when this tenant has neither actions nor gaps for it. */
    public PlanView plan(String tenantId, UUID assessmentId, ActionFilter filter, PageRequest page) {
        boolean known = RemediationAction.count("tenantId = ?1 and assessmentId = ?2", tenantId, assessmentId) > 0
                || RemediationGap.count("tenantId = ?1 and assessmentId = ?2", tenantId, assessmentId) > 0;
        if (!known) {
            throw ApiException.notFound("Remediation plan of assessment", assessmentId);
        }
        Map<String, Object> parameters = ActionFilter.parameters();
        String where = filter.withAssessment(assessmentId).where(tenantId, parameters);
        long total = count(where, parameters);
        List<RemediationAction> actions = select(where, parameters, page);
        Map<Integer, Map<ActionStatus, Long>> counts = countsByPhaseAndStatus(where, parameters);
        LocalDate today = today(tenantId);

        List<PhaseView> phases = new ArrayList<>();
        Map<ActionStatus, Long> overall = emptyCounts();
        for (int phase = 1; phase <= 3; phase++) {
            int current = phase;
            Map<ActionStatus, Long> phaseCounts = counts.getOrDefault(phase, emptyCounts());
            phaseCounts.forEach((status, count) -> overall.merge(status, count, Long::sum));
            List<ActionView> phaseActions = actions.stream().filter(action -> action.phase == current)
                    .map(action -> view(action, today)).toList();
            phases.add(new PhaseView(phase, PHASE_NAMES.get(phase), progress(phaseCounts), phaseActions));
        }
        Page<ActionView> paging = Page.of(List.of(), page, total);
        return new PlanView(assessmentId, progress(overall), phases, paging.page(), paging.size(),
                paging.totalItems(), paging.totalPages());
    }

    public List<ChangeView> history(RemediationAction action) {
        List<ActionChange> changes = ActionChange.list("tenantId = ?1 and actionId = ?2 order by seq",
                action.tenantId, action.id);
        return changes.stream().map(change -> new ChangeView(change.field, change.oldValue, change.newValue,
                change.reason, change.changedBy, change.changedAt)).toList();
    }

    static ProgressView progress(Map<ActionStatus, Long> counts) {
        long total = 0;
        long done = 0;
        for (Map.Entry<ActionStatus, Long> entry : counts.entrySet()) {
            if (entry.getKey() != ActionStatus.CANCELLED) {
                total += entry.getValue();
            }
            if (entry.getKey().countsAsDone()) {
                done += entry.getValue();
            }
        }
        BigDecimal percent = total == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(done * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
        return new ProgressView(counts, total, done, percent);
    }

    private long count(String where, Map<String, Object> parameters) {
        return RemediationAction.count("from RemediationAction a where " + where, parameters);
    }

    private List<RemediationAction> select(String where, Map<String, Object> parameters, PageRequest page) {
        var query = entityManager.createQuery("select a from RemediationAction a where " + where + ORDER,
                RemediationAction.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    private Map<Integer, Map<ActionStatus, Long>> countsByPhaseAndStatus(String where, Map<String, Object> parameters) {
        var query = entityManager.createQuery("select a.phase, a.status, count(a) from RemediationAction a where "
                + where + " group by a.phase, a.status", Object[].class);
        parameters.forEach(query::setParameter);
        Map<Integer, Map<ActionStatus, Long>> counts = new java.util.HashMap<>();
        for (Object[] row : query.getResultList()) {
            counts.computeIfAbsent((Integer) row[0], phase -> emptyCounts())
                    .put((ActionStatus) row[1], ((Number) row[2]).longValue());
        }
        return counts;
    }

    private static Map<ActionStatus, Long> emptyCounts() {
        Map<ActionStatus, Long> counts = new EnumMap<>(ActionStatus.class);
        for (ActionStatus status : ActionStatus.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }

    private LocalDate today(String tenantId) {
        return LocalDate.now(clock.withZone(settings.rulesFor(tenantId).timeZone()));
    }

    private static ActionView view(RemediationAction action, LocalDate today) {
        boolean overdue = action.status.isUnfinished() && action.dueDate.isBefore(today);
        return new ActionView(action.id, action.assessmentId, action.title, action.description, action.origin,
                action.splitFromId, action.sortedRequirementRefs(), action.riskLevel, action.phase, action.priority,
                action.priorityManual, action.owner, action.plannedOn, action.dueDate, action.dueDateManual, overdue,
                action.status, action.blockedReason, action.dependsOn.stream().sorted().toList(), action.completedAt,
                action.completedBy, action.verifiedAt, action.verifiedBy, action.createdAt, action.createdBy,
                action.updatedAt);
    }
}
