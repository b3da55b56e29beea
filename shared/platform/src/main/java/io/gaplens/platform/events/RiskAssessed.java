package io.gaplens.platform.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The rating of the risk behind a gap changed, or the risk was closed ({@code status} CLOSED). */
public record RiskAssessed(String tenantId, UUID riskId, UUID assessmentId, String requirementRef,
                           String requirementTitle, String group, int likelihood, int impact, int score,
                           String level, Integer residualLikelihood, Integer residualImpact, String residualLevel,
                           String status, OffsetDateTime assessedAt) {
}
