package io.gaplens.remediation.api;

import io.gaplens.platform.api.PageRequest;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.remediation.api.ActionViews.PlanView;
import io.gaplens.remediation.service.ActionFilter;
import io.gaplens.remediation.service.ActionQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/assessments/{assessmentId}/plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remediation plans")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class PlanResource {

    @Inject
    Tenant tenant;

    @Inject
    ActionQueries queries;

    @GET
    @Operation(summary = "The assessment's remediation plan by phase, with progress per phase",
            description = "Actions are ordered by phase, priority and due date; page and size page through them. "
                    + "Filters (owner, status, phase, level) apply to the actions and to the progress figures. "
                    + "Progress counts DONE and VERIFIED as done and leaves CANCELLED out of the percentage.")
    public PlanView assessmentPlan(@PathParam("assessmentId") UUID assessmentId, @QueryParam("owner") String owner,
                         @QueryParam("status") String status, @QueryParam("phase") String phase,
                         @QueryParam("level") String level, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        ActionFilter filter = ActionFilter.parse(null, owner, status, phase, level);
        return queries.plan(tenant.id(), assessmentId, filter, PageRequest.parse(page, size));
    }
}
