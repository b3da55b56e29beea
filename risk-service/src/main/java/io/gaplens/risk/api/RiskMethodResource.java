package io.gaplens.risk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.risk.api.RiskViews.RiskMethodView;
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
import jakarta.ws.rs.core.Response;
import io.gaplens.risk.service.RiskMethod;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    public Response current() {
        RiskMethods.Current current = methods.current(tenant.id());
        return Response.ok(RiskMethodView.of(current)).tag(ETags.of(current.etagVersion())).build();
    }

    @PUT
    @Path("/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Replace the risk method; every open risk is re-rated under it",
            description = "Give likelihoodScale, impactScale, levels (lowest first) and either thresholds "
                    + "(minimum score of each level after the first) or matrix (rows by likelihood, columns by impact). "
                    + "Needs If-Match with the ETag of the last read; risks whose rating changes send RiskAssessed.")
    public Response replace(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = RiskMethod.class))) JsonNode body) {
        RiskMethods.Current current = methods.replace(tenant.id(), ifMatch, body, tenant.user());
        return Response.ok(RiskMethodView.of(current)).tag(ETags.of(current.etagVersion())).build();
    }
}
