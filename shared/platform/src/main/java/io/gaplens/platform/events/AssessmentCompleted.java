package io.gaplens.platform.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An assessment was completed and is read-only; the summary figures are those at completion. */
public record AssessmentCompleted(String tenantId, UUID assessmentId, int assessableCount, int answeredCount,
                                  int notApplicableCount, int implementedCount, int gapCount,
                                  BigDecimal compliancePercent, OffsetDateTime completedAt) {
}
