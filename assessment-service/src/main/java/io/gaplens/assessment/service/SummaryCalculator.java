package io.gaplens.assessment.service;

import io.gaplens.assessment.api.AssessmentViews.Figures;
import io.gaplens.assessment.api.AssessmentViews.GroupSummary;
import io.gaplens.assessment.api.AssessmentViews.SummaryView;
import io.gaplens.assessment.domain.Answer;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.RequirementKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes an assessment's figures.
 *
 * <p>Compliance is the share of applicable, assessed requirements (status NOT_IMPLEMENTED,
 * PARTIALLY_IMPLEMENTED or IMPLEMENTED) that leave no gap, so NOT_APPLICABLE and NOT_ASSESSED are
 * outside the denominator. Progress is the share of assessable requirements whose status is not
 * NOT_ASSESSED, rounded down so that it shows 100 only when every requirement is answered.
 * Percentages have two decimals; compliance is rounded half up.
 */
public final class SummaryCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SummaryCalculator() {
    }

    public static SummaryView summarize(Assessment assessment, List<AssessmentRequirement> requirements,
                                        Map<String, Answer> answersByRef) {
        Tally overall = new Tally();
        Map<String, Tally> groups = new LinkedHashMap<>();
        Map<String, RequirementKind> groupKinds = new LinkedHashMap<>();
        int remediated = 0;
        int reviewRequired = 0;
        for (AssessmentRequirement requirement : requirements) {
            Answer answer = answersByRef.get(requirement.ref);
            ImplementationStatus status = answer == null ? ImplementationStatus.NOT_ASSESSED : answer.status;
            boolean gap = answer != null && answer.gap;
            overall.add(status, gap);
            groups.computeIfAbsent(requirement.groupRef, key -> new Tally()).add(status, gap);
            groupKinds.putIfAbsent(requirement.groupRef, requirement.kind);
            if (answer != null && answer.remediated) {
                remediated++;
            }
            if (answer != null && answer.reviewRequired) {
                reviewRequired++;
            }
        }

        List<GroupSummary> clauses = new ArrayList<>();
        List<GroupSummary> themes = new ArrayList<>();
        groups.forEach((group, tally) -> {
            if (groupKinds.get(group) == RequirementKind.CLAUSE) {
                clauses.add(new GroupSummary(group, "CLAUSE", tally.figures()));
            } else {
                themes.add(new GroupSummary(group, "THEME", tally.figures()));
            }
        });
        return new SummaryView(assessment.id, assessment.status.name(), assessment.targetMaturity, overall.figures(),
                remediated, reviewRequired, clauses, themes);
    }

    /** Returns {@code part} as a percentage of {@code whole} with two decimals, or null when {@code whole} is 0. */
    static BigDecimal percent(int part, int whole, RoundingMode rounding) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, rounding);
    }

    /** Counts of one set of requirements. */
    private static final class Tally {
        private final Map<String, Integer> byStatus = new LinkedHashMap<>();
        private int assessable;
        private int answered;
        private int applicableAssessed;
        private int compliant;
        private int gaps;

        Tally() {
            for (ImplementationStatus status : ImplementationStatus.values()) {
                byStatus.put(status.name(), 0);
            }
        }

        void add(ImplementationStatus status, boolean gap) {
            assessable++;
            byStatus.merge(status.name(), 1, Integer::sum);
            if (status != ImplementationStatus.NOT_ASSESSED) {
                answered++;
            }
            if (status.isApplicableAndAssessed()) {
                applicableAssessed++;
                if (gap) {
                    gaps++;
                } else {
                    compliant++;
                }
            }
        }

        Figures figures() {
            return new Figures(assessable, answered, applicableAssessed, compliant, gaps, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byStatus)),
                    percent(compliant, applicableAssessed, RoundingMode.HALF_UP),
                    percent(answered, assessable, RoundingMode.DOWN));
        }
    }
}
