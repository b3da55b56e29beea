package io.gaplens.remediation.api;

import io.gaplens.remediation.domain.ActionStatus;
import io.gaplens.remediation.domain.RiskLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request bodies of the remediation action API. */
public final class ActionRequests {

    public static final int MAX_REFS = 100;

    private ActionRequests() {
    }

    @Schema(description = "A remediation action that a user adds to an assessment's plan")
    public record CreateActionRequest(
            @NotNull UUID assessmentId,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            @Schema(description = "Requirements (gaps) the action fixes, such as A.8.7 or 6.1.2")
            @NotEmpty @Size(max = MAX_REFS) List<String> requirementRefs,
            @Schema(description = "Required unless an open rated gap covers one of the requirements; "
                    + "the highest open gap's level wins over it")
            RiskLevel riskLevel,
            @Size(max = 200) String owner,
            @Schema(description = "Calendar date in the tenant's time zone; the level's target when absent")
            LocalDate dueDate,
            @Schema(description = "1 is the most urgent; the level's default when absent")
            @Min(1) @Max(1000) Integer priority) {
    }

    @Schema(description = "Fields to change; absent fields stay as they are")
    public record UpdateActionRequest(
            @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            @Schema(description = "The new owner; an empty string makes the action unassigned")
            @Size(max = 200) String owner,
            @Min(1) @Max(1000) Integer priority,
            @Schema(description = "The new due date, a calendar date in the tenant's time zone")
            LocalDate dueDate,
            @Schema(description = "Why the due date changes; required with dueDate")
            @Size(max = 2000) String dueDateReason) {
    }

    @Schema(description = "A status transition")
    public record StatusChangeRequest(
            @NotNull ActionStatus status,
            @Schema(description = "Required for BLOCKED, CANCELLED and for reopening a DONE action")
            @Size(max = 2000) String reason,
            @Schema(description = "When the change happened, ISO-8601 with any offset; now when absent")
            OffsetDateTime at) {
    }

    @Schema(description = "Splits an action: the first part replaces it, the others become new actions")
    public record SplitRequest(@NotNull @Size(min = 2, max = 20) List<SplitPart> parts) {
    }

    public record SplitPart(
            @Schema(description = "Required, at most 500 characters") String title,
            @Schema(description = "At most 10000 characters; the split action's description when absent") String description,
            @Schema(description = "Requirements of the split action this part covers; all of them when absent")
            List<String> requirementRefs,
            @Schema(description = "At most 200 characters; the split action's owner when absent") String owner,
            LocalDate dueDate) {
    }

    @Schema(description = "Further requirements (gaps) the action fixes")
    public record LinkRequirementsRequest(
            @NotEmpty @Size(max = MAX_REFS) List<String> requirementRefs) {
    }

    @Schema(description = "The action that must be finished first")
    public record DependencyRequest(@NotNull UUID dependsOn) {
    }
}
