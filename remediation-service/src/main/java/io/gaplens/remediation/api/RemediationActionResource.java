package io.gaplens.remediation.api;

import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.platform.api.Problem;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

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
    @APIResponse(responseCode = "201", description = "The new action, with its location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ActionView> createAction(@Valid @NotNull CreateActionRequest request, @Context UriInfo uri) {
        RemediationAction action = actions.create(tenant.id(), tenant.user(), request);
        return RestResponse.ResponseBuilder
                .<ActionView>created(uri.getAbsolutePathBuilder().path(action.id.toString()).build())
                .tag(ETags.of(action.rowVersion))
                .entity(queries.view(action))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One action, with its ETag")
    @APIResponse(responseCode = "200", description = "The action, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "404", description = "No remediation action with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ActionView> getAction(@PathParam("id") UUID id) {
        return respond(actions.find(tenant.id(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Change title, description, owner, priority or due date (If-Match required)",
            description = "A due date change needs dueDateReason and is kept in the history.")
    @APIResponse(responseCode = "200", description = "The updated action, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No remediation action with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The action's status does not allow this change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ActionView> updateAction(@PathParam("id") UUID id,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
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
    @APIResponse(responseCode = "200", description = "The action in its new status, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No remediation action with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The workflow does not allow this transition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ActionView> changeStatus(@PathParam("id") UUID id,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
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
    @APIResponse(responseCode = "200", description = "The action with the linked requirements, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No remediation action with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The action's status does not allow this change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ActionView> linkRequirements(@PathParam("id") UUID id,
                                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                     @Valid @NotNull LinkRequirementsRequest request) {
        return respond(actions.linkRequirements(tenant.id(), tenant.user(), id, ifMatch, request));
    }

    @POST
    @Path("/{id}/dependencies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Record that the action depends on another action of the same assessment (If-Match required)",
            description = "A dependency that would create a cycle answers 409 naming the actions on the cycle.")
    @APIResponse(responseCode = "200", description = "The action with the new dependency, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No remediation action with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The dependency would create a cycle, or the action's status "
            + "does not allow it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ActionView> addDependency(@PathParam("id") UUID id,
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Valid @NotNull DependencyRequest request) {
        return respond(actions.addDependency(tenant.id(), tenant.user(), id, ifMatch, request.dependsOn()));
    }

    @DELETE
    @Path("/{id}/dependencies/{dependsOnId}")
    @RolesAllowed({Roles.ADMIN, Roles.REMEDIATION_OWNER})
    @Operation(summary = "Remove a dependency (If-Match required)")
    @APIResponse(responseCode = "200", description = "The action without the dependency, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "404", description = "No remediation action with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The action's status does not allow this change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ActionView> removeDependency(@PathParam("id") UUID id,
                                                     @PathParam("dependsOnId") UUID dependsOnId,
                                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return respond(actions.removeDependency(tenant.id(), tenant.user(), id, ifMatch, dependsOnId));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "The action's audit trail: who changed which field when, old and new value, and why")
    public List<ChangeView> actionHistory(@PathParam("id") UUID id) {
        return queries.history(actions.find(tenant.id(), id));
    }

    private RestResponse<ActionView> respond(RemediationAction action) {
        return RestResponse.ResponseBuilder.ok(queries.view(action)).tag(ETags.of(action.rowVersion)).build();
    }
}
