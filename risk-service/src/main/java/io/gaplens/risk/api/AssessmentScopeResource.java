package io.gaplens.risk.api;

import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.Problem;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.risk.api.RiskViews.ScopeView;
import io.gaplens.risk.domain.AssessmentScope;
import io.gaplens.risk.domain.Criticality;
import io.gaplens.risk.service.RiskRegister;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;


@Path("/api/v1/assessment-scopes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment scopes")
public class AssessmentScopeResource {

    @Inject
    Tenant tenant;

    @Inject
    RiskRegister register;

    /** The new criticality of the assets in an assessment's scope. */
    public record ScopeRequest(Criticality criticality) {
    }

    @GET
    @Path("/{assessmentId}")
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(summary = "The scope criticality of an assessment, as the last event or risk manager set it")
    @APIResponse(responseCode = "200", description = "The scope criticality, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScopeView.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id is known to risk-service in this "
            + "organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ScopeView> get(@PathParam("assessmentId") String assessmentId) {
        AssessmentScope scope = find(assessmentId);
        return RestResponse.ResponseBuilder.ok(ScopeView.of(scope)).tag(ETags.of(scope.rowVersion)).build();
    }

    @PUT
    @Path("/{assessmentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Change the scope criticality; every open risk of the assessment is re-rated",
            description = "Needs If-Match. A later AssessmentStarted or GapIdentified with another criticality overrides it.")
    @APIResponse(responseCode = "200", description = "The changed scope criticality, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScopeView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id is known to risk-service in this "
            + "organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ScopeView> put(@PathParam("assessmentId") String assessmentId,
                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ScopeRequest request) {
        AssessmentScope scope = register.changeScope(tenant.id(), assessmentId, ifMatch,
                request == null ? null : request.criticality(), tenant.user());
        return RestResponse.ResponseBuilder.ok(ScopeView.of(scope)).tag(ETags.of(scope.rowVersion)).build();
    }

    private AssessmentScope find(String assessmentId) {
        return register.findScope(tenant.id(), assessmentId);
    }
}
