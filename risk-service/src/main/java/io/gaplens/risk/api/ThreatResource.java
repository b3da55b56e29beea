package io.gaplens.risk.api;

import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.platform.api.Problem;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.risk.api.RiskViews.FactorView;
import io.gaplens.risk.domain.FactorKind;
import io.gaplens.risk.domain.RiskFactor;
import io.gaplens.risk.service.RiskFactors.FactorRequest;
import io.gaplens.risk.service.RiskFactors;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/threats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Threats")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class ThreatResource {

    private static final FactorKind KIND = FactorKind.THREAT;

    @Inject
    Tenant tenant;

    @Inject
    RiskFactors factors;

    @GET
    @Operation(summary = "List the organisation's threats by name")
    public Page<FactorView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return factors.list(tenant.id(), KIND, PageRequest.parse(page, size)).map(FactorView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Record a threat",
            description = "likelihoodAdjustment (-2 to +2) is added to the likelihood points of every risk it is linked to.")
    @APIResponse(responseCode = "201", description = "The new threat, with its location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FactorView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A threat with this name exists already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<FactorView> create(FactorRequest request, @Context UriInfo uri) {
        RiskFactor factor = factors.create(tenant.id(), KIND, request);
        return RestResponse.ResponseBuilder
                .<FactorView>created(uri.getAbsolutePathBuilder().path(factor.id.toString()).build())
                .entity(FactorView.of(factor)).tag(ETags.of(factor.rowVersion)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One threat")
    @APIResponse(responseCode = "200", description = "The threat, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FactorView.class)))
    @APIResponse(responseCode = "404", description = "No threat with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<FactorView> get(@PathParam("id") String id) {
        RiskFactor factor = RiskFactors.find(tenant.id(), KIND, id);
        return RestResponse.ResponseBuilder.ok(FactorView.of(factor)).tag(ETags.of(factor.rowVersion)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Replace a threat; the open risks linked to it are re-rated (If-Match)")
    @APIResponse(responseCode = "200", description = "The updated threat, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FactorView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No threat with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A threat with this name exists already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<FactorView> update(@PathParam("id") String id,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                           FactorRequest request) {
        RiskFactor factor = factors.update(tenant.id(), KIND, id, ifMatch, request, tenant.user());
        return RestResponse.ResponseBuilder.ok(FactorView.of(factor)).tag(ETags.of(factor.rowVersion)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Delete a threat; its links are removed and the risks re-rated (If-Match)")
    @APIResponse(responseCode = "204", description = "The threat and its links were deleted")
    @APIResponse(responseCode = "404", description = "No threat with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Void> delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        factors.delete(tenant.id(), KIND, id, ifMatch, tenant.user());
        return RestResponse.noContent();
    }
}
