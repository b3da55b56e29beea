package io.gaplens.platform.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A new answer removed a gap. */
public record GapClosed(String tenantId, UUID assessmentId, String requirementRef, String status,
                        Integer maturity, OffsetDateTime closedAt) {
}
