package io.gaplens.platform.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An assessment is in progress against a pinned catalogue version. */
public record AssessmentStarted(String tenantId, UUID assessmentId, String name, String catalogId,
                                String catalogVersion, int targetMaturity, UUID baselineAssessmentId,
                                int assessableCount, String scopeCriticality, OffsetDateTime startedAt) {
}
