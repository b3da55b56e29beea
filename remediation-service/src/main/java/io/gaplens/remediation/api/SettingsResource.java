package io.gaplens.remediation.api;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.Problem;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.remediation.api.SettingsViews.DueDays;
import io.gaplens.remediation.api.SettingsViews.PhaseRules;
import io.gaplens.remediation.api.SettingsViews.SettingsRequest;
import io.gaplens.remediation.api.SettingsViews.SettingsView;
import io.gaplens.remediation.domain.RiskLevel;
import io.gaplens.remediation.service.PlanningRules;
import io.gaplens.remediation.service.SettingsService.VersionedRules;
import io.gaplens.remediation.service.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/remediation-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remediation settings")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class SettingsResource {

    @Inject
    Tenant tenant;

    @Inject
    SettingsService settings;

    @GET
    @Operation(summary = "The organisation's planning rules: time zone, due-date targets and phase rules",
            description = "The ETag is \"0\" while the configured defaults apply.")
    @APIResponse(responseCode = "200", description = "The planning rules, with their ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettingsView.class)))
    public RestResponse<SettingsView> getSettings() {
        return respond(settings.versioned(tenant.id()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the organisation's planning rules (If-Match required)",
            description = "New actions use the new rules at once. Existing actions keep their phase and due date "
                    + "until a new rating re-plans them.")
    @APIResponse(responseCode = "200", description = "The stored planning rules, with their new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "400", description = "The rules are invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SettingsView> replaceSettings(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                      @Valid @NotNull SettingsRequest request) {
        List<String> monitoring = new ArrayList<>();
        for (int i = 0; i < request.monitoringRequirements().size(); i++) {
            String ref = request.monitoringRequirements().get(i);
            String field = "monitoringRequirements[" + i + "]";
            if (ref == null || ref.isBlank()) {
                throw ApiException.invalid(field, "must not be blank");
            }
            if (ref.length() > 100 || ref.contains(",")) {
                throw ApiException.invalid(field, "must be a requirement reference of at most 100 characters "
                        + "without commas, was '" + ref + "'");
            }
            monitoring.add(ref.trim());
        }
        PlanningRules rules = new PlanningRules(SettingsService.parseZone("timeZone", request.timeZone()),
                SettingsService.levels(request.dueDays().critical(), request.dueDays().high(),
                        request.dueDays().medium(), request.dueDays().low()),
                SettingsService.levels(request.phases().critical(), request.phases().high(),
                        request.phases().medium(), request.phases().low()),
                request.phases().monitoring(), monitoring.stream().distinct().toList());
        return respond(settings.update(tenant.id(), tenant.user(), ifMatch, rules));
    }

    private static RestResponse<SettingsView> respond(VersionedRules versioned) {
        PlanningRules rules = versioned.rules();
        SettingsView view = new SettingsView(rules.timeZone().getId(),
                new DueDays(rules.dueDays().get(RiskLevel.CRITICAL), rules.dueDays().get(RiskLevel.HIGH),
                        rules.dueDays().get(RiskLevel.MEDIUM), rules.dueDays().get(RiskLevel.LOW)),
                new PhaseRules(rules.phases().get(RiskLevel.CRITICAL), rules.phases().get(RiskLevel.HIGH),
                        rules.phases().get(RiskLevel.MEDIUM), rules.phases().get(RiskLevel.LOW), rules.monitoringPhase()),
                List.copyOf(rules.monitoringRequirements()), versioned.updatedAt(), versioned.updatedBy());
        return RestResponse.ResponseBuilder.ok(view).tag(ETags.of(versioned.version())).build();
    }
}
