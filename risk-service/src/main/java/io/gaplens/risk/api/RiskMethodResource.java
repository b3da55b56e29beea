package io.gaplens.risk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.Problem;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.risk.api.RiskViews.RiskMethodView;
import io.gaplens.risk.service.RiskMethod;
import io.gaplens.risk.service.RiskMethods;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/risk-methods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk method")
public class RiskMethodResource {

    @Inject
    Tenant tenant;

    @Inject
    RiskMethods methods;

    @GET
    @Path("/current")
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(summary = "The risk method in force: scales, levels, thresholds or matrix, and the level of every cell",
            description = "An organisation without its own method gets the default (source DEFAULT, ETag \"0\").")
    @APIResponse(responseCode = "200", description = "The risk method in force, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskMethodView.class)))
    public RestResponse<RiskMethodView> current() {
        RiskMethods.Current current = methods.current(tenant.id());
        return RestResponse.ResponseBuilder.ok(RiskMethodView.of(current)).tag(ETags.of(current.etagVersion())).build();
    }

    @PUT
    @Path("/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Replace the risk method; every open risk is re-rated under it",
            description = "Give likelihoodScale, impactScale, levels (lowest first) and either thresholds "
                    + "(minimum score of each level after the first) or matrix (rows by likelihood, columns by impact). "
                    + "Needs If-Match with the ETag of the last read; risks whose rating changes send RiskAssessed.")
    @APIResponse(responseCode = "200", description = "The new risk method, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskMethodView.class)))
    @APIResponse(responseCode = "400", description = "The risk method is invalid; every invalid field is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RiskMethodView> replace(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                @RequestBody(required = true,
                                                        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                                schema = @Schema(implementation = RiskMethod.class)))
                                                JsonNode body) {
        RiskMethods.Current current = methods.replace(tenant.id(), ifMatch, body, tenant.user());
        return RestResponse.ResponseBuilder.ok(RiskMethodView.of(current)).tag(ETags.of(current.etagVersion())).build();
    }
}
