package io.gaplens.remediation.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the remediation settings API. */
public final class SettingsViews {

    private SettingsViews() {
    }

    @Schema(description = "Days from planning to the due date, per risk level")
    public record DueDays(@NotNull @Min(1) @Max(3650) Integer critical, @NotNull @Min(1) @Max(3650) Integer high,
                          @NotNull @Min(1) @Max(3650) Integer medium, @NotNull @Min(1) @Max(3650) Integer low) {
    }

    @Schema(description = "Phase per risk level (1 immediate fixes, 2 process improvement, 3 ongoing monitoring), "
            + "and the phase of monitoring and review requirements whose level does not put them in phase 1")
    public record PhaseRules(@NotNull @Min(1) @Max(3) Integer critical, @NotNull @Min(1) @Max(3) Integer high,
                             @NotNull @Min(1) @Max(3) Integer medium, @NotNull @Min(1) @Max(3) Integer low,
                             @NotNull @Min(1) @Max(3) Integer monitoring) {
    }

    @Schema(description = "A tenant's planning rules")
    public record SettingsRequest(
            @Schema(description = "IANA time zone in which due dates are calendar dates, such as Europe/Berlin")
            @NotBlank @Size(max = 100) String timeZone,
            @NotNull @Valid DueDays dueDays,
            @NotNull @Valid PhaseRules phases,
            @Schema(description = "Monitoring and review requirements; a reference also matches its sub-references")
            @NotNull @Size(max = 200) List<String> monitoringRequirements) {
    }

    @Schema(description = "A tenant's planning rules; updatedAt and updatedBy are null while the defaults apply")
    public record SettingsView(String timeZone, DueDays dueDays, PhaseRules phases, List<String> monitoringRequirements,
                               OffsetDateTime updatedAt, String updatedBy) {
    }
}
