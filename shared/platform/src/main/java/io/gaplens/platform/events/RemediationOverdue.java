package io.gaplens.platform.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A remediation action passed its due date unfinished; sent once per action and due date. */
public record RemediationOverdue(String tenantId, UUID actionId, UUID assessmentId, List<String> requirementRefs,
                                 String owner, LocalDate dueDate, OffsetDateTime detectedAt) {
}
