package io.gaplens.platform.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A remediation action was done; the requirements it covers await re-evaluation. */
public record RemediationCompleted(String tenantId, UUID actionId, UUID assessmentId, List<String> requirementRefs,
                                   String completedBy, OffsetDateTime completedAt) {
}
