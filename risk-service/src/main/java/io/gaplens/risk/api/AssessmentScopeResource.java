package io.gaplens.risk.api;

import io.gaplens.platform.api.ETags;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


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
    public Response get(@PathParam("assessmentId") String assessmentId) {
        AssessmentScope scope = find(assessmentId);
        return Response.ok(ScopeView.of(scope)).tag(ETags.of(scope.rowVersion)).build();
    }

    @PUT
    @Path("/{assessmentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Change the scope criticality; every open risk of the assessment is re-rated",
            description = "Needs If-Match. A later AssessmentStarted or GapIdentified with another criticality overrides it.")
    public Response put(@PathParam("assessmentId") String assessmentId,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ScopeRequest request) {
        AssessmentScope scope = register.changeScope(tenant.id(), assessmentId, ifMatch,
                request == null ? null : request.criticality(), tenant.user());
        return Response.ok(ScopeView.of(scope)).tag(ETags.of(scope.rowVersion)).build();
    }

    private AssessmentScope find(String assessmentId) {
        return register.findScope(tenant.id(), assessmentId);
    }
}
