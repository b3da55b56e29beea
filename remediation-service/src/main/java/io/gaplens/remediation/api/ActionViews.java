package io.gaplens.remediation.api;

import io.gaplens.remediation.domain.ActionOrigin;
import io.gaplens.remediation.domain.ActionStatus;
import io.gaplens.remediation.domain.RiskLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the remediation action and plan API. */
public final class ActionViews {

    private ActionViews() {
    }

    @Schema(description = "A remediation action")
    public record ActionView(
            UUID id,
            UUID assessmentId,
            String title,
            String description,
            ActionOrigin origin,
            @Schema(description = "The action this one was split off, if any") UUID splitFromId,
            List<String> requirementRefs,
            RiskLevel riskLevel,
            @Schema(description = "1 immediate fixes, 2 process improvement, 3 ongoing monitoring") int phase,
            @Schema(description = "1 is the most urgent") int priority,
            boolean prioritySetByHand,
            @Schema(description = "Null when unassigned") String owner,
            LocalDate plannedOn,
            @Schema(description = "Calendar date in the tenant's time zone") LocalDate dueDate,
            boolean dueDateSetByHand,
            @Schema(description = "True when the due date has passed in the tenant's time zone and the action is unfinished")
            boolean overdue,
            ActionStatus status,
            String blockedReason,
            @Schema(description = "Actions that must be finished before this one") List<UUID> dependsOn,
            OffsetDateTime completedAt,
            String completedBy,
            OffsetDateTime verifiedAt,
            String verifiedBy,
            OffsetDateTime createdAt,
            String createdBy,
            OffsetDateTime updatedAt) {
    }

    @Schema(description = "One entry of an action's audit trail")
    public record ChangeView(String field, String oldValue, String newValue, String reason, String changedBy,
                             OffsetDateTime changedAt) {
    }

    @Schema(description = "Progress of a set of actions. Cancelled actions are counted but excluded from total and percentDone")
    public record ProgressView(
            @Schema(description = "Number of actions per status, every status included") Map<ActionStatus, Long> countsByStatus,
            @Schema(description = "Actions that are not cancelled") long total,
            @Schema(description = "Actions that are DONE or VERIFIED") long done,
            @Schema(description = "done / total in percent, one decimal; 0 when total is 0") BigDecimal percentDone) {
    }

    @Schema(description = "One phase of a plan, with its actions on the requested page")
    public record PhaseView(int phase, String name, ProgressView progress, List<ActionView> actions) {
    }

    @Schema(description = "The remediation plan of an assessment: actions grouped by phase, ordered by priority and due date. "
            + "Pagination runs over the ordered actions of all phases; progress counts every action that matches the filters.")
    public record PlanView(UUID assessmentId, ProgressView progress, List<PhaseView> phases, int page, int size,
                           long totalItems, int totalPages) {
    }

    @Schema(description = "The result of an overdue check")
    public record OverdueCheckView(@Schema(description = "Actions found overdue in this run") List<UUID> overdueActionIds) {
    }
}
