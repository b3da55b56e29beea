package io.gaplens.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.events.EventType;
import io.gaplens.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies one event to the read models. Every write is an upsert of the facts that the event
 * carries, guarded by the event's own time, so that the result does not depend on the order in
 * which events of different topics arrive.
 */
@ApplicationScoped
public class ReadModelWriter {

    private static final Logger LOG = Logger.getLogger(ReadModelWriter.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    /** Applies {@code event} in the caller's transaction. Types this service does not report on are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ReceivedEvent event) {
        JsonNode data = event.data();
        String tenantId = data.path("tenantId").asText();
        UUID assessmentId = UUID.fromString(data.path("assessmentId").asText());
        OffsetDateTime occurredAt;
        switch (event.type()) {
            case ASSESSMENT_STARTED -> occurredAt = assessmentStarted(tenantId, assessmentId, data);
            case ANSWER_RECORDED -> occurredAt = answerRecorded(tenantId, assessmentId, data);
            case GAP_IDENTIFIED -> occurredAt = gapIdentified(tenantId, assessmentId, data);
            case GAP_CLOSED -> occurredAt = gapClosed(tenantId, assessmentId, data);
            case ASSESSMENT_COMPLETED -> occurredAt = assessmentCompleted(tenantId, assessmentId, data);
            case RISK_ASSESSED -> occurredAt = riskAssessed(tenantId, assessmentId, data);
            case REMEDIATION_PLANNED -> occurredAt = remediationPlanned(tenantId, assessmentId, data);
            case REMEDIATION_COMPLETED -> occurredAt = remediationCompleted(tenantId, assessmentId, data);
            case REMEDIATION_OVERDUE -> occurredAt = remediationOverdue(tenantId, assessmentId, data);
            default -> {
                return;
            }
        }
        recordApplied(event, tenantId, assessmentId, occurredAt);
        LOG.debugf("assessment %s: applied %s %s", assessmentId, event.type().eventName(), event.id());
    }

    private OffsetDateTime assessmentStarted(String tenantId, UUID assessmentId, JsonNode data) {
        OffsetDateTime startedAt = time(data, "startedAt");
        touchAssessment(tenantId, assessmentId);
        native_("""
                update assessment_report set name = ?, catalog_id = ?, catalog_version = ?, target_maturity = ?,
                       baseline_assessment_id = ?, assessable_count = ?, scope_criticality = ?, started_at = ?
                 where tenant_id = ? and assessment_id = ?
                """,
                data.path("name").asText(), data.path("catalogId").asText(), data.path("catalogVersion").asText(),
                data.path("targetMaturity").asInt(), uuidOrNull(data, "baselineAssessmentId"),
                data.path("assessableCount").asInt(), data.path("scopeCriticality").asText(), startedAt,
                tenantId, assessmentId).executeUpdate();

        int position = 0;
        for (JsonNode requirement : data.path("requirements")) {
            native_("""
                    insert into requirement_result (id, tenant_id, assessment_id, ref, title, kind, group_ref, excludable,
                                                    position, status, target_maturity)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NOT_ASSESSED', ?)
                    on conflict (tenant_id, assessment_id, ref) do update
                       set title = excluded.title, kind = excluded.kind, group_ref = excluded.group_ref,
                           excludable = excluded.excludable, position = excluded.position,
                           target_maturity = coalesce(requirement_result.target_maturity, excluded.target_maturity)
                    """,
                    UUID.randomUUID(), tenantId, assessmentId, requirement.path("ref").asText(),
                    requirement.path("title").asText(), requirement.path("kind").asText(),
                    requirement.path("group").asText(), requirement.path("excludable").asBoolean(), position++,
                    data.path("targetMaturity").asInt()).executeUpdate();
        }
        LOG.infof("assessment %s of tenant %s: started with %d requirements", assessmentId, tenantId, position);
        return startedAt;
    }

    private OffsetDateTime answerRecorded(String tenantId, UUID assessmentId, JsonNode data) {
        OffsetDateTime answeredAt = time(data, "answeredAt");
        touchAssessment(tenantId, assessmentId);
        native_("""
                insert into requirement_result (id, tenant_id, assessment_id, ref, title, kind, group_ref, status, maturity,
                                                target_maturity, status_at, justification, inclusion_reasons, evidence,
                                                notes, carried_over, remediated, answered_by, answered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, assessment_id, ref) do update
                   set status = excluded.status, maturity = excluded.maturity, target_maturity = excluded.target_maturity,
                       status_at = excluded.status_at, justification = excluded.justification,
                       inclusion_reasons = excluded.inclusion_reasons, evidence = excluded.evidence,
                       notes = excluded.notes, carried_over = excluded.carried_over, remediated = excluded.remediated,
                       answered_by = excluded.answered_by, answered_at = excluded.answered_at
                 where requirement_result.status_at is null or requirement_result.status_at <= excluded.status_at
                """,
                UUID.randomUUID(), tenantId, assessmentId, data.path("requirementRef").asText(),
                data.path("requirementTitle").asText(), data.path("requirementKind").asText(), data.path("group").asText(),
                data.path("status").asText(), intOrNull(data, "maturity"), data.path("targetMaturity").asInt(), answeredAt,
                textOrNull(data, "justification"), joined(data.path("inclusionReasons")), json(data.path("evidence")),
                textOrNull(data, "notes"), data.path("carriedOver").asBoolean(false), data.path("remediated").asBoolean(false),
                data.path("answeredBy").asText(), answeredAt).executeUpdate();
        return answeredAt;
    }

    private OffsetDateTime gapIdentified(String tenantId, UUID assessmentId, JsonNode data) {
        OffsetDateTime identifiedAt = time(data, "identifiedAt");
        touchAssessment(tenantId, assessmentId);
        native_("""
                insert into requirement_result (id, tenant_id, assessment_id, ref, title, kind, group_ref, status, maturity,
                                                target_maturity, status_at, gap_identified_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, assessment_id, ref) do update
                   set gap_identified_at = greatest(requirement_result.gap_identified_at, excluded.gap_identified_at),
                       status = case when requirement_result.status_at is null or requirement_result.status_at <= excluded.status_at
                                     then excluded.status else requirement_result.status end,
                       maturity = case when requirement_result.status_at is null or requirement_result.status_at <= excluded.status_at
                                       then excluded.maturity else requirement_result.maturity end,
                       target_maturity = case when requirement_result.status_at is null or requirement_result.status_at <= excluded.status_at
                                              then excluded.target_maturity else requirement_result.target_maturity end,
                       status_at = greatest(requirement_result.status_at, excluded.status_at)
                """,
                UUID.randomUUID(), tenantId, assessmentId, data.path("requirementRef").asText(),
                data.path("requirementTitle").asText(), data.path("requirementKind").asText(), data.path("group").asText(),
                data.path("status").asText(), intOrNull(data, "maturity"), data.path("targetMaturity").asInt(),
                identifiedAt, identifiedAt).executeUpdate();
        return identifiedAt;
    }

    private OffsetDateTime gapClosed(String tenantId, UUID assessmentId, JsonNode data) {
        OffsetDateTime closedAt = time(data, "closedAt");
        touchAssessment(tenantId, assessmentId);
        // GapClosed names no title, kind or group: it only updates a requirement that is known already.
        native_("""
                update requirement_result
                   set gap_closed_at = greatest(gap_closed_at, ?),
                       status = case when status_at is null or status_at <= ? then ? else status end,
                       maturity = case when status_at is null or status_at <= ? then ? else maturity end,
                       status_at = greatest(status_at, ?)
                 where tenant_id = ? and assessment_id = ? and ref = ?
                """,
                closedAt, closedAt, data.path("status").asText(), closedAt, intOrNull(data, "maturity"), closedAt,
                tenantId, assessmentId, data.path("requirementRef").asText()).executeUpdate();
        return closedAt;
    }

    private OffsetDateTime assessmentCompleted(String tenantId, UUID assessmentId, JsonNode data) {
        OffsetDateTime completedAt = time(data, "completedAt");
        touchAssessment(tenantId, assessmentId);
        native_("update assessment_report set completed_at = ? where tenant_id = ? and assessment_id = ?",
                completedAt, tenantId, assessmentId).executeUpdate();
        LOG.infof("assessment %s of tenant %s: completed", assessmentId, tenantId);
        return completedAt;
    }

    private OffsetDateTime riskAssessed(String tenantId, UUID assessmentId, JsonNode data) {
        OffsetDateTime assessedAt = time(data, "assessedAt");
        touchAssessment(tenantId, assessmentId);
        native_("""
                insert into risk_rating (id, tenant_id, risk_id, assessment_id, requirement_ref, requirement_title, group_ref,
                                         likelihood, impact, score, level, residual_likelihood, residual_impact,
                                         residual_level, status, assessed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, risk_id) do update
                   set requirement_ref = excluded.requirement_ref, requirement_title = excluded.requirement_title,
                       group_ref = excluded.group_ref, likelihood = excluded.likelihood, impact = excluded.impact,
                       score = excluded.score, level = excluded.level, residual_likelihood = excluded.residual_likelihood,
                       residual_impact = excluded.residual_impact, residual_level = excluded.residual_level,
                       status = excluded.status, assessed_at = excluded.assessed_at
                 where risk_rating.assessed_at <= excluded.assessed_at
                """,
                UUID.randomUUID(), tenantId, UUID.fromString(data.path("riskId").asText()), assessmentId,
                data.path("requirementRef").asText(), data.path("requirementTitle").asText(), textOrNull(data, "group"),
                data.path("likelihood").asInt(), data.path("impact").asInt(), data.path("score").asInt(),
                data.path("level").asText(), intOrNull(data, "residualLikelihood"), intOrNull(data, "residualImpact"),
                textOrNull(data, "residualLevel"), data.path("status").asText(), assessedAt).executeUpdate();
        return assessedAt;
    }

    private OffsetDateTime remediationPlanned(String tenantId, UUID assessmentId, JsonNode data) {
        OffsetDateTime plannedAt = time(data, "plannedAt");
        touchAssessment(tenantId, assessmentId);
        native_("""
                insert into remediation_action (id, tenant_id, action_id, assessment_id, requirement_refs, title, phase,
                                                priority, risk_level, owner, due_date, status, status_at, planned_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, action_id) do update
                   set requirement_refs = excluded.requirement_refs, title = excluded.title, phase = excluded.phase,
                       priority = excluded.priority, risk_level = excluded.risk_level, owner = excluded.owner,
                       due_date = excluded.due_date, planned_at = excluded.planned_at,
                       status = case when remediation_action.status_at is null or remediation_action.status_at <= excluded.status_at
                                     then excluded.status else remediation_action.status end,
                       status_at = greatest(remediation_action.status_at, excluded.status_at)
                 where remediation_action.planned_at is null or remediation_action.planned_at <= excluded.planned_at
                """,
                UUID.randomUUID(), tenantId, UUID.fromString(data.path("actionId").asText()), assessmentId,
                json(data.path("requirementRefs")), data.path("title").asText(), data.path("phase").asInt(),
                data.path("priority").asInt(), textOrNull(data, "riskLevel"), textOrNull(data, "owner"),
                LocalDate.parse(data.path("dueDate").asText()), data.path("status").asText(), plannedAt, plannedAt)
                .executeUpdate();
        return plannedAt;
    }

    private OffsetDateTime remediationCompleted(String tenantId, UUID assessmentId, JsonNode data) {
        OffsetDateTime completedAt = time(data, "completedAt");
        touchAssessment(tenantId, assessmentId);
        native_("""
                insert into remediation_action (id, tenant_id, action_id, assessment_id, requirement_refs, status, status_at,
                                                completed_at, completed_by)
                values (?, ?, ?, ?, ?, 'COMPLETED', ?, ?, ?)
                on conflict (tenant_id, action_id) do update
                   set completed_at = excluded.completed_at, completed_by = excluded.completed_by,
                       status = case when remediation_action.status_at is null or remediation_action.status_at <= excluded.status_at
                                     then excluded.status else remediation_action.status end,
                       status_at = greatest(remediation_action.status_at, excluded.status_at)
                """,
                UUID.randomUUID(), tenantId, UUID.fromString(data.path("actionId").asText()), assessmentId,
                json(data.path("requirementRefs")), completedAt, completedAt, data.path("completedBy").asText())
                .executeUpdate();
        return completedAt;
    }

    private OffsetDateTime remediationOverdue(String tenantId, UUID assessmentId, JsonNode data) {
        OffsetDateTime detectedAt = time(data, "detectedAt");
        touchAssessment(tenantId, assessmentId);
        native_("""
                insert into remediation_action (id, tenant_id, action_id, assessment_id, requirement_refs, owner,
                                                overdue_due_date, overdue_detected_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, action_id) do update
                   set overdue_due_date = excluded.overdue_due_date, overdue_detected_at = excluded.overdue_detected_at
                 where remediation_action.overdue_detected_at is null
                    or remediation_action.overdue_detected_at <= excluded.overdue_detected_at
                """,
                UUID.randomUUID(), tenantId, UUID.fromString(data.path("actionId").asText()), assessmentId,
                json(data.path("requirementRefs")), textOrNull(data, "owner"),
                LocalDate.parse(data.path("dueDate").asText()), detectedAt).executeUpdate();
        return detectedAt;
    }

    /** Creates the assessment's row when this is its first event, so that later updates find it. */
    private void touchAssessment(String tenantId, UUID assessmentId) {
        native_("""
                insert into assessment_report (id, tenant_id, assessment_id, event_count, latest_event_id,
                                               latest_event_type, latest_event_at)
                values (?, ?, ?, 0, '', '', '-infinity')
                on conflict (tenant_id, assessment_id) do nothing
                """, UUID.randomUUID(), tenantId, assessmentId).executeUpdate();
    }

    /**
     * Counts the event for its assessment and moves the assessment's latest event forward when the
     * event is newer. Ties on the time are broken by event id, so a replay picks the same event.
     */
    private void recordApplied(ReceivedEvent event, String tenantId, UUID assessmentId, OffsetDateTime occurredAt) {
        native_("""
                insert into applied_event (tenant_id, event_id, event_type, assessment_id, occurred_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """, tenantId, event.id(), event.type().ceType(), assessmentId, occurredAt).executeUpdate();
        native_("""
                update assessment_report
                   set event_count = event_count + 1,
                       latest_event_id = case when (latest_event_at, latest_event_id) < (?, ?) then ? else latest_event_id end,
                       latest_event_type = case when (latest_event_at, latest_event_id) < (?, ?) then ? else latest_event_type end,
                       latest_event_at = greatest(latest_event_at, ?)
                 where tenant_id = ? and assessment_id = ?
                """,
                occurredAt, event.id(), event.id(), occurredAt, event.id(), event.type().eventName(), occurredAt,
                tenantId, assessmentId).executeUpdate();
    }

    /**
     * Creates a native statement with positional parameters. A {@link TypedNull} binds SQL null with
     * its Java type, because PostgreSQL cannot infer the type of an untyped null parameter.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Query native_(String sql, Object... parameters) {
        Query query = entityManager.createNativeQuery(sql);
        NativeQuery nativeQuery = query.unwrap(NativeQuery.class);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof TypedNull typedNull) {
                nativeQuery.setParameter(i + 1, null, (Class) typedNull.type());
            } else {
                nativeQuery.setParameter(i + 1, parameters[i]);
            }
        }
        return query;
    }

    /** A null parameter of a known Java type. */
    private record TypedNull(Class<?> type) {
    }

    private static OffsetDateTime time(JsonNode data, String field) {
        return OffsetDateTime.parse(data.path(field).asText());
    }

    private static Object uuidOrNull(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? new TypedNull(UUID.class) : UUID.fromString(node.asText());
    }

    private static Object textOrNull(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? new TypedNull(String.class) : node.asText();
    }

    private static Object intOrNull(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? new TypedNull(Integer.class) : node.asInt();
    }

    private static Object joined(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values.isEmpty() ? new TypedNull(String.class) : String.join(",", values);
    }

    private String json(JsonNode node) {
        try {
            return objectMapper.writeValueAsString(node.isMissingNode() || node.isNull() ? objectMapper.createArrayNode() : node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing a parsed JSON node back to text failed", e);
        }
    }

    /** Returns whether the reporting read models take events of {@code type}. */
    public static boolean handles(EventType type) {
        return type != EventType.CATALOG_PUBLISHED;
    }
}
