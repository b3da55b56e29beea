package io.gaplens.reporting.service;

import io.gaplens.reporting.api.ReportViews.RequirementTrend;
import io.gaplens.reporting.domain.RequirementResult;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that classify the change of a requirement against the baseline assessment.
 * Implementation statuses rank NOT_IMPLEMENTED below PARTIALLY_IMPLEMENTED below IMPLEMENTED, and
 * the maturity breaks a tie. A missing maturity ranks lowest.
 */
public final class TrendRules {

    public enum Change {
        /** Ranks higher than in the baseline. */
        IMPROVED,
        /** Ranks lower than in the baseline. */
        WORSENED,
        /** Same status and maturity, or not applicable in both. */
        UNCHANGED,
        /** Assessed now, but absent from the baseline or not assessed there. */
        NEW,
        /** Not assessed now, or applicable in one assessment and not applicable in the other. */
        NOT_COMPARABLE
    }

    private TrendRules() {
    }

    public static Change change(RequirementResult baseline, RequirementResult current) {
        if (!ComplianceRules.assessed(current)) {
            return Change.NOT_COMPARABLE;
        }
        if (baseline == null || !ComplianceRules.assessed(baseline)) {
            return Change.NEW;
        }
        boolean wasApplicable = ComplianceRules.applicable(baseline);
        boolean isApplicable = ComplianceRules.applicable(current);
        if (!wasApplicable || !isApplicable) {
            return wasApplicable == isApplicable ? Change.UNCHANGED : Change.NOT_COMPARABLE;
        }
        int order = Integer.compare(rank(current.status), rank(baseline.status));
        if (order == 0) {
            order = Integer.compare(maturity(current), maturity(baseline));
        }
        if (order > 0) {
            return Change.IMPROVED;
        }
        return order < 0 ? Change.WORSENED : Change.UNCHANGED;
    }

    /** Counts the requirements per change, listing every change even when its count is 0. */
    public static Map<String, Integer> count(List<RequirementTrend> requirements) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Change change : Change.values()) {
            counts.put(change.name(), 0);
        }
        requirements.forEach(requirement -> counts.merge(requirement.change(), 1, Integer::sum));
        return counts;
    }

    /** Returns current minus baseline in percentage points, or null when either is unknown. */
    public static BigDecimal delta(BigDecimal baseline, BigDecimal current) {
        return baseline == null || current == null ? null : current.subtract(baseline);
    }

    private static int rank(String status) {
        return switch (status) {
            case ComplianceRules.IMPLEMENTED -> 2;
            case ComplianceRules.PARTIALLY_IMPLEMENTED -> 1;
            default -> 0;
        };
    }

    private static int maturity(RequirementResult requirement) {
        return requirement.maturity == null ? -1 : requirement.maturity;
    }
}
