package io.gaplens.remediation.service;

import io.gaplens.platform.api.ApiException;
import io.gaplens.remediation.domain.ActionStatus;
import io.gaplens.remediation.domain.RiskLevel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Filters of action lists and plans; each is optional and they combine with AND. */
public record ActionFilter(UUID assessmentId, String owner, ActionStatus status, Integer phase, RiskLevel level) {

    /** Parses query parameters, failing with 400 problem details that name the parameter. */
    public static ActionFilter parse(String assessmentId, String owner, String status, String phase, String level) {
        return new ActionFilter(parseUuid("assessmentId", assessmentId), blankToNull(owner), parseStatus(status),
                parsePhase(phase), parseLevel(level));
    }

    public ActionFilter withAssessment(UUID id) {
        return new ActionFilter(id, owner, status, phase, level);
    }

    /** Returns the JPQL condition on alias {@code a} and fills {@code parameters}. */
    String where(String tenantId, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("a.tenantId = :tenant");
        parameters.put("tenant", tenantId);
        if (assessmentId != null) {
            where.append(" and a.assessmentId = :assessment");
            parameters.put("assessment", assessmentId);
        }
        if (owner != null) {
            where.append(" and a.owner = :owner");
            parameters.put("owner", owner);
        }
        if (status != null) {
            where.append(" and a.status = :status");
            parameters.put("status", status);
        }
        if (phase != null) {
            where.append(" and a.phase = :phase");
            parameters.put("phase", phase);
        }
        if (level != null) {
            where.append(" and a.riskLevel = :level");
            parameters.put("level", level);
        }
        return where.toString();
    }

    static Map<String, Object> parameters() {
        return new HashMap<>();
    }

    private static UUID parseUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be a UUID, was '" + value + "'");
        }
    }

    private static ActionStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ActionStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be one of " + Arrays.toString(ActionStatus.values())
                    + ", was '" + value + "'");
        }
    }

    private static Integer parsePhase(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int phase = Integer.parseInt(value.trim());
            if (phase >= 1 && phase <= 3) {
                return phase;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("phase", "must be 1, 2 or 3, was '" + value + "'");
    }

    private static RiskLevel parseLevel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return RiskLevel.parse(value).orElseThrow(() -> ApiException.invalid("level",
                "must be one of " + Arrays.toString(RiskLevel.values()) + ", was '" + value + "'"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
