package io.gaplens.remediation.service;

import io.gaplens.remediation.domain.RiskLevel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One tenant's rules for placing an action in a phase and giving it a due date.
 *
 * @param dueDays days from planning to the due date, per level
 * @param phases phase per level
 * @param monitoringPhase phase of monitoring and review requirements, unless their level's phase is 1
 * @param monitoringRequirements references that match themselves and their sub-references
 */
public record PlanningRules(ZoneId timeZone, Map<RiskLevel, Integer> dueDays, Map<RiskLevel, Integer> phases,
                            int monitoringPhase, List<String> monitoringRequirements) {

    public static final int IMMEDIATE_FIXES = 1;

    /**
     * Returns the phase of an action of {@code level} that covers {@code requirementRefs}. An action
     * that only covers monitoring and review requirements goes to the monitoring phase, unless its
     * level puts it in phase 1 (immediate fixes).
     */
    public int phaseFor(RiskLevel level, Collection<String> requirementRefs) {
        int levelPhase = phases.get(level);
        if (levelPhase == IMMEDIATE_FIXES || requirementRefs.isEmpty()) {
            return levelPhase;
        }
        boolean allMonitoring = requirementRefs.stream().allMatch(this::isMonitoringRequirement);
        return allMonitoring ? monitoringPhase : levelPhase;
    }

    public LocalDate dueDateFor(RiskLevel level, LocalDate plannedOn) {
        return plannedOn.plusDays(dueDays.get(level));
    }

    /** True when {@code ref} is a monitoring requirement or one of its sub-references (9 matches 9.2.1, not 90). */
    public boolean isMonitoringRequirement(String ref) {
        String normalized = normalize(ref);
        for (String monitoring : monitoringRequirements) {
            String prefix = normalize(monitoring);
            if (normalized.equals(prefix) || normalized.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String ref) {
        return ref.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
