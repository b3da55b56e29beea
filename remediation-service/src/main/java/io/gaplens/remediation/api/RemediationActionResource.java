package io.gaplens.remediation.api;

import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.remediation.api.ActionRequests.CreateActionRequest;
import io.gaplens.remediation.api.ActionRequests.DependencyRequest;
import io.gaplens.remediation.api.ActionRequests.LinkRequirementsRequest;
import io.gaplens.remediation.api.ActionRequests.SplitRequest;
import io.gaplens.remediation.api.ActionRequests.StatusChangeRequest;
import io.gaplens.remediation.api.ActionRequests.UpdateActionRequest;
import io.gaplens.remediation.api.ActionViews.ActionView;
import io.gaplens.remediation.api.ActionViews.ChangeView;
import io.gaplens.remediation.domain.RemediationAction;
import io.gaplens.remediation.service.ActionFilter;
import io.gaplens.remediation.service.ActionQueries;
import io.gaplens.remediation.service.ActionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/remediation-actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remediation actions")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class RemediationActionResource {

    @Inject
    Tenant tenant;

    @Inject
    ActionService actions;

    @Inject
    ActionQueries queries;

    @GET
    @Operation(summary = "List actions, ordered by phase, priority and due date",
            description = "Filters combine with AND: assessmentId, owner, status, phase (1-3), level.")
    public Page<ActionView> listActions(@QueryParam("assessmentId") String assessmentId, @QueryParam("owner") String owner,
                                 @QueryParam("status") String status, @QueryParam("phase") String phase,
                                 @QueryParam("level") String level, @QueryParam("page") String page,
                                 @QueryParam("size") String size) {
        ActionFilter filter = ActionFilter.parse(assessmentId, owner, status, phase, level);
        return queries.list(tenant.id(), filter, PageRequest.parse(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Add an action to an assessment's plan")
    public Response createAction(@Valid @NotNull CreateActionRequest request, @Context UriInfo uri) {
        RemediationAction action = actions.create(tenant.id(), tenant.user(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(action.id.toString()).build())
                .tag(ETags.of(action.rowVersion))
                .entity(queries.view(action))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One action, with its ETag")
    public Response getAction(@PathParam("id") UUID id) {
        return respond(actions.find(tenant.id(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Change title, description, owner, priority or due date (If-Match required)",
            description = "A due date change needs dueDateReason and is kept in the history.")
    public Response updateAction(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UpdateActionRequest request) {
        return respond(actions.update(tenant.id(), tenant.user(), id, ifMatch, request));
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Move the action through its workflow (If-Match required)",
            description = "PLANNED -> IN_PROGRESS or CANCELLED; IN_PROGRESS -> BLOCKED (reason), DONE or CANCELLED; "
                    + "BLOCKED -> IN_PROGRESS or CANCELLED; DONE -> VERIFIED or IN_PROGRESS (reason). "
                    + "Other transitions answer 409. DONE sends RemediationCompleted.")
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull StatusChangeRequest request) {
        return respond(actions.changeStatus(tenant.id(), tenant.user(), id, ifMatch, request));
    }

    @POST
    @Path("/{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Split an action into several (If-Match required)",
            description = "The first part keeps the action's id; the others are new actions. "
                    + "Together the parts must cover every requirement of the action.")
    public List<ActionView> splitAction(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull SplitRequest request) {
        return actions.split(tenant.id(), tenant.user(), id, ifMatch, request).stream().map(queries::view).toList();
    }

    @POST
    @Path("/{id}/requirements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Link further gaps (requirements) to the action (If-Match required)")
    public Response linkRequirements(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @Valid @NotNull LinkRequirementsRequest request) {
        return respond(actions.linkRequirements(tenant.id(), tenant.user(), id, ifMatch, request));
    }

    @POST
    @Path("/{id}/dependencies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Record that the action depends on another action of the same assessment (If-Match required)",
            description = "A dependency that would create a cycle answers 409 naming the actions on the cycle.")
    public Response addDependency(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull DependencyRequest request) {
        return respond(actions.addDependency(tenant.id(), tenant.user(), id, ifMatch, request.dependsOn()));
    }

    @DELETE
    @Path("/{id}/dependencies/{dependsOnId}")
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Remove a dependency (If-Match required)")
    public Response removeDependency(@PathParam("id") UUID id, @PathParam("dependsOnId") UUID dependsOnId,
                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return respond(actions.removeDependency(tenant.id(), tenant.user(), id, ifMatch, dependsOnId));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "The action's audit trail: who changed which field when, old and new value, and why")
    public List<ChangeView> actionHistory(@PathParam("id") UUID id) {
        return queries.history(actions.find(tenant.id(), id));
    }

    private Response respond(RemediationAction action) {
        return Response.ok(queries.view(action)).tag(ETags.of(action.rowVersion)).build();
    }
}
