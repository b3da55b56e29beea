package io.gaplens.risk.service;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.risk.domain.Risk;
import io.gaplens.risk.domain.RiskAuditEntry;
import io.gaplens.risk.domain.RiskStatus;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Read-only queries of the risk register; nothing here writes. */
@ApplicationScoped
public class RiskQueries {

    /** Filters of the register, combined with AND; null means no filter. */
    public record RiskFilter(UUID assessmentId, String level, RiskStatus status, String requirementRef) {

        /** Parses the query parameters, answering 400 naming the parameter for a malformed value. */
        public static RiskFilter parse(String assessmentId, String level, String status, String requirementRef) {
            return new RiskFilter(uuid("assessmentId", assessmentId), blankToNull(level), status(status),
                    blankToNull(requirementRef));
        }

        private static RiskStatus status(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return RiskStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("status", "must be OPEN or CLOSED, was '" + value + "'");
            }
        }
    }

    public Page<Risk> list(String tenantId, RiskFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters parameters = Parameters.with("tenant", tenantId);
        if (filter.assessmentId() != null) {
            query.append(" and assessmentId = :assessment");
            parameters.and("assessment", filter.assessmentId());
        }
        if (filter.level() != null) {
            query.append(" and level = :level");
            parameters.and("level", filter.level());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.requirementRef() != null) {
            query.append(" and requirementRef = :ref");
            parameters.and("ref", filter.requirementRef());
        }
        var found = Risk.find(query.toString(),
                Sort.descending("score").and("requirementRef").and("assessmentId"), parameters);
        List<Risk> items = found.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list();
        return Page.of(items, page, found.count());
    }

    /** Counts of open risks per cell: {@code inherent[likelihood - 1][impact - 1]}, and the same for residual. */
    public record HeatMapCounts(int openRisks, int[][] inherent, int[][] residual) {
    }

    /** Counts the open risks of an assessment per cell of the method's matrix, inherent and residual. */
    public HeatMapCounts heatMap(String tenantId, UUID assessmentId, RiskMethod method) {
        int[][] inherent = new int[method.likelihoodSize()][method.impactSize()];
        int[][] residual = new int[method.likelihoodSize()][method.impactSize()];
        List<Risk> open = Risk.openInAssessment(tenantId, assessmentId);
        for (Risk risk : open) {
            inherent[risk.likelihood - 1][risk.impact - 1]++;
            residual[risk.residualLikelihood - 1][risk.residualImpact - 1]++;
        }
        return new HeatMapCounts(open.size(), inherent, residual);
    }

    public Page<RiskAuditEntry> auditTrail(Risk risk, PageRequest page) {
        var found = RiskAuditEntry.find("riskId = ?1", Sort.by("occurredAt").and("id"), risk.id);
        List<RiskAuditEntry> items = found.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list();
        return Page.of(items, page, found.count());
    }

    /** Parses a UUID query parameter; blank means absent. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be a UUID, was '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
