package io.gaplens.platform.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An applicable requirement is not implemented, partially implemented, or below the target
 * maturity. {@code group} is the clause (4-10) or Annex A theme (A.5-A.8) of the requirement.
 */
public record GapIdentified(String tenantId, UUID assessmentId, String requirementRef, String requirementTitle,
                            String requirementKind, String group, String catalogId, String catalogVersion,
                            String status, Integer maturity, int targetMaturity, String scopeCriticality,
                            List<String> securityProperties, OffsetDateTime identifiedAt) {
}
