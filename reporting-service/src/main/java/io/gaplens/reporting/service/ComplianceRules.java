package io.gaplens.reporting.service;

import io.gaplens.reporting.domain.RequirementResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The rules behind every figure, the same the assessment service applies when it sends
 * GapIdentified. A requirement is compliant when it is implemented at or above its target maturity,
 * and an implemented requirement without a maturity counts as compliant. A requirement is a gap
 * when it is not implemented, partially implemented, or implemented below its target maturity.
 * Not applicable and not assessed requirements count in neither numerator nor denominator.
 */
public final class ComplianceRules {

    public static final String NOT_ASSESSED = "NOT_ASSESSED";
    public static final String NOT_IMPLEMENTED = "NOT_IMPLEMENTED";
    public static final String PARTIALLY_IMPLEMENTED = "PARTIALLY_IMPLEMENTED";
    public static final String IMPLEMENTED = "IMPLEMENTED";
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

    /** Every implementation status in the order reports list them. */
    public static final List<String> STATUSES = List.of(IMPLEMENTED, PARTIALLY_IMPLEMENTED, NOT_IMPLEMENTED,
            NOT_APPLICABLE, NOT_ASSESSED);

    /** The titles of the ISO/IEC 27001:2022 clauses and Annex A themes; other groups have no title. */
    private static final Map<String, String> GROUP_TITLES = Map.ofEntries(
            Map.entry("4", "Context of the organization"),
            Map.entry("5", "Leadership"),
            Map.entry("6", "Planning"),
            Map.entry("7", "Support"),
            Map.entry("8", "Operation"),
            Map.entry("9", "Performance evaluation"),
            Map.entry("10", "Improvement"),
            Map.entry("A.5", "Organizational controls"),
            Map.entry("A.6", "People controls"),
            Map.entry("A.7", "Physical controls"),
            Map.entry("A.8", "Technological controls"));

    /** Orders references and groups by their numeric parts, so that 9 comes before 10 and A.5.2 before A.5.10. */
    public static final Comparator<String> REFERENCE_ORDER = ComplianceRules::compareReferences;

    /** The risk levels of the risk service, most severe first. */
    private static final List<String> RISK_LEVELS = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    /**
     * Orders risk levels from the most severe down. Levels the risk service does not name follow in
     * alphabetical order, and UNRATED comes last.
     */
    public static final Comparator<String> RISK_LEVEL_ORDER = Comparator
            .comparingInt(ComplianceRules::riskLevelRank)
            .thenComparing(Comparator.naturalOrder());

    private ComplianceRules() {
    }

    public static boolean assessed(RequirementResult requirement) {
        return !NOT_ASSESSED.equals(requirement.status);
    }

    public static boolean applicable(RequirementResult requirement) {
        return !NOT_APPLICABLE.equals(requirement.status);
    }

    /** Returns true when the requirement counts in compliance denominators, being applicable and assessed. */
    public static boolean counted(RequirementResult requirement) {
        return assessed(requirement) && applicable(requirement);
    }

    public static boolean compliant(RequirementResult requirement) {
        return IMPLEMENTED.equals(requirement.status) && !belowTarget(requirement);
    }

    public static boolean gap(RequirementResult requirement) {
        return NOT_IMPLEMENTED.equals(requirement.status) || PARTIALLY_IMPLEMENTED.equals(requirement.status)
                || (IMPLEMENTED.equals(requirement.status) && belowTarget(requirement));
    }

    private static boolean belowTarget(RequirementResult requirement) {
        return requirement.maturity != null && requirement.targetMaturity != null
                && requirement.maturity < requirement.targetMaturity;
    }

    /** Returns {@code part} of {@code whole} in percent with one decimal, rounded half up, or null when whole is 0. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    public static String groupTitle(String group) {
        return GROUP_TITLES.get(group);
    }

    public static boolean isKnownStatus(String status) {
        return STATUSES.contains(status);
    }

    private static int riskLevelRank(String level) {
        if ("UNRATED".equals(level)) {
            return RISK_LEVELS.size() + 1;
        }
        int index = RISK_LEVELS.indexOf(level);
        return index >= 0 ? index : RISK_LEVELS.size();
    }

    private static int compareReferences(String left, String right) {
        String[] leftParts = left.split("\\.");
        String[] rightParts = right.split("\\.");
        for (int i = 0; i < Math.min(leftParts.length, rightParts.length); i++) {
            int order = comparePart(leftParts[i], rightParts[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(leftParts.length, rightParts.length);
    }

    private static int comparePart(String left, String right) {
        boolean leftNumeric = !left.isEmpty() && left.chars().allMatch(Character::isDigit);
        boolean rightNumeric = !right.isEmpty() && right.chars().allMatch(Character::isDigit);
        if (leftNumeric && rightNumeric) {
            return new BigDecimal(left).compareTo(new BigDecimal(right));
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        return left.compareTo(right);
    }
}
