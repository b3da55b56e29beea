package io.gaplens.remediation.service;

import io.gaplens.platform.events.EventType;
import io.gaplens.platform.events.RemediationOverdue;
import io.gaplens.platform.outbox.EventPublisher;
import io.gaplens.remediation.domain.ActionStatus;
import io.gaplens.remediation.domain.RemediationAction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds unfinished actions whose due date has passed in their tenant's time zone and sends
 * RemediationOverdue once per action and due date. A notice row, inserted in the transaction
 * that writes the event, records each one; a new due date can become overdue again.
 */
@ApplicationScoped
public class OverdueCheck {

    /** Actions examined per run; a later run handles the rest. */
    static final int BATCH_SIZE = 1000;

    private static final Logger LOG = Logger.getLogger(OverdueCheck.class);

    /** The latest offset in use, so that the first pass includes every tenant whose day has already turned. */
    private static final ZoneOffset LATEST_OFFSET = ZoneOffset.ofHours(14);

    @Inject
    EntityManager entityManager;

    @Inject
    SettingsService settings;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Scheduled(every = "${remediation.overdue-check.every:15m}",
            delayed = "${remediation.overdue-check.initial-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        detect(null);
    }

    /** Detects overdue actions of one tenant, or of all tenants when {@code tenantId} is null, and returns their ids. */
    @Transactional
    public List<UUID> detect(String tenantId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate latestToday = LocalDate.now(clock.withZone(LATEST_OFFSET));
        List<UUID> candidates = candidates(tenantId, latestToday);

        Map<String, PlanningRules> rulesByTenant = new HashMap<>();
        List<UUID> overdue = new ArrayList<>();
        for (UUID id : candidates) {
            RemediationAction action = RemediationAction.findById(id);
            PlanningRules rules = rulesByTenant.computeIfAbsent(action.tenantId, settings::rulesFor);
            LocalDate today = LocalDate.now(clock.withZone(rules.timeZone()));
            if (action.dueDate.isBefore(today) && recordNotice(action, now)) {
                events.publish(EventType.REMEDIATION_OVERDUE, action.tenantId, action.id.toString(),
                        action.assessmentId.toString(), new RemediationOverdue(action.tenantId, action.id,
                                action.assessmentId, action.sortedRequirementRefs(), action.owner, action.dueDate, now));
                overdue.add(action.id);
                LOG.infof("action %s overdue since %s (owner %s)", action.id, action.dueDate, action.owner);
            }
        }
        return overdue;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> candidates(String tenantId, LocalDate latestToday) {
        String sql = """
                select a.id from remediation_action a
                where a.status in (:unfinished) and a.due_date < :latestToday
                  and not exists (select 1 from remediation_overdue_notice n
                                  where n.action_id = a.id and n.due_date = a.due_date)
                """ + (tenantId == null ? "" : " and a.tenant_id = :tenant") + " order by a.due_date, a.id limit :limit";
        var query = entityManager.createNativeQuery(sql, UUID.class)
                .setParameter("unfinished", ActionStatus.UNFINISHED.stream().map(Enum::name).toList())
                .setParameter("latestToday", latestToday)
                .setParameter("limit", BATCH_SIZE);
        if (tenantId != null) {
            query.setParameter("tenant", tenantId);
        }
        return query.getResultList();
    }

    /** Inserts the notice unless another run did, and returns whether this call inserted it. */
    private boolean recordNotice(RemediationAction action, OffsetDateTime now) {
        return entityManager.createNativeQuery("""
                        insert into remediation_overdue_notice (action_id, due_date, detected_at)
                        values (?, ?, ?) on conflict do nothing
                        """)
                .setParameter(1, action.id)
                .setParameter(2, action.dueDate)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }
}
