package io.gaplens.platform.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An assessment is in progress against a pinned catalogue version, whose assessable requirements it lists. */
public record AssessmentStarted(String tenantId, UUID assessmentId, String name, String catalogId,
                                String catalogVersion, int targetMaturity, UUID baselineAssessmentId,
                                int assessableCount, String scopeCriticality, List<AssessableRequirement> requirements,
                                OffsetDateTime startedAt) {

    /** One assessable requirement of the pinned catalogue version; {@code group} is its clause or Annex A theme. */
    public record AssessableRequirement(String ref, String title, String kind, String group, boolean excludable) {
    }
}
