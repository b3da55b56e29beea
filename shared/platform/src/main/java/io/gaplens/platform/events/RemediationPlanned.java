package io.gaplens.platform.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A remediation action was planned or re-planned. */
public record RemediationPlanned(String tenantId, UUID actionId, UUID assessmentId, List<String> requirementRefs,
                                 String title, int phase, int priority, String riskLevel, String owner,
                                 LocalDate dueDate, String status, OffsetDateTime plannedAt) {
}
