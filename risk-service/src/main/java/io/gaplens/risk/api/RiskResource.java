package io.gaplens.risk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.platform.api.Problem;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.risk.api.RiskViews.AuditEntryView;
import io.gaplens.risk.api.RiskViews.HeatMap;
import io.gaplens.risk.api.RiskViews.HeatMapCell;
import io.gaplens.risk.api.RiskViews.RiskView;
import io.gaplens.risk.api.RiskViews.ScaleValue;
import io.gaplens.risk.domain.FactorKind;
import io.gaplens.risk.domain.Risk;
import io.gaplens.risk.domain.RiskAuditEntry;
import io.gaplens.risk.service.RiskDecisions;
import io.gaplens.risk.service.RiskMethod;
import io.gaplens.risk.service.RiskMethods;
import io.gaplens.risk.service.RiskQueries.RiskFilter;
import io.gaplens.risk.service.RiskQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

@Path("/api/v1/risks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk register")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class RiskResource {

    /** The body of a chosen rating; the resource reads it as JSON to tell an absent field from a null one. */
    public record RatingChoice(Integer likelihood, Integer impact, String rationale) {
    }

    @Inject
    Tenant tenant;

    @Inject
    RiskQueries queries;

    @Inject
    RiskDecisions decisions;

    @Inject
    RiskMethods methods;

    @Inject
    ObjectMapper objectMapper;

    @GET
    @Operation(summary = "The risk register: a paginated list of risks, highest score first",
            description = "Filters combine with AND: assessmentId, level (a level name of the method), "
                    + "status (OPEN or CLOSED), requirementRef (exact reference such as A.5.15).")
    public Page<RiskView> list(@QueryParam("assessmentId") String assessmentId, @QueryParam("level") String level,
                               @QueryParam("status") String status, @QueryParam("requirementRef") String requirementRef,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        RiskFilter filter = RiskFilter.parse(assessmentId, level, status, requirementRef);
        PageRequest request = PageRequest.parse(page, size);
        RiskMethod method = methods.methodOf(tenant.id());
        return queries.list(tenant.id(), filter, request).map(RiskViews.viewsUnder(method));
    }

    @GET
    @Path("/heat-map")
    @Operation(summary = "Open risks of an assessment per matrix cell, inherent and residual, with the scale labels")
    public HeatMap heatMap(@QueryParam("assessmentId") String assessmentId) {
        UUID id = RiskQueries.uuid("assessmentId", assessmentId);
        if (id == null) {
            throw ApiException.invalid("assessmentId", "missing: the heat map is per assessment");
        }
        RiskMethod method = methods.methodOf(tenant.id());
        RiskQueries.HeatMapCounts counts = queries.heatMap(tenant.id(), id, method);
        List<ScaleValue> likelihoodScale = IntStream.rangeClosed(1, method.likelihoodSize())
                .mapToObj(value -> new ScaleValue(value, method.likelihoodLabel(value))).toList();
        List<ScaleValue> impactScale = IntStream.rangeClosed(1, method.impactSize())
                .mapToObj(value -> new ScaleValue(value, method.impactLabel(value))).toList();
        return new HeatMap(id, counts.openRisks(), likelihoodScale, impactScale, method.levels(),
                cells(method, counts.inherent()), cells(method, counts.residual()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One risk with its computed, chosen, inherent and residual rating and its treatment")
    @APIResponse(responseCode = "200", description = "The risk, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "404", description = "No risk with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RiskView> get(@PathParam("id") String id) {
        Risk risk = decisions.find(tenant.id(), id);
        return view(risk);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Choose the likelihood and/or impact by hand, with a rationale",
            description = "Body: {likelihood, impact, rationale}. An absent field keeps its value; null returns to "
                    + "the computed value. Needs If-Match. The computed values stay visible next to the chosen ones.")
    @APIResponse(responseCode = "200", description = "The risk with the chosen rating, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No risk with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The risk is closed because its gap was closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RiskView> chooseRating(@PathParam("id") String id,
                                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                               @RequestBody(required = true,
                                                       content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                               schema = @Schema(implementation = RatingChoice.class)))
                                               JsonNode body) {
        return view(decisions.chooseRating(tenant.id(), id, ifMatch, body, tenant.user()));
    }

    @PUT
    @Path("/{id}/treatment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Decide the treatment: MITIGATE, ACCEPT, TRANSFER or AVOID",
            description = "Every option needs owner, rationale and decidedOn. ACCEPT also needs approver and expiresOn. "
                    + "MITIGATE needs residualLikelihood and residualImpact, the expected effect; the other options "
                    + "keep the residual rating equal to the inherent one. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The risk with the decided treatment, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No risk with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The risk is closed because its gap was closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RiskView> decideTreatment(@PathParam("id") String id,
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  RiskDecisions.Treatment treatment) {
        return view(decisions.decideTreatment(tenant.id(), id, ifMatch, treatment, tenant.user()));
    }

    @GET
    @Path("/{id}/audit-trail")
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER, Roles.AUDITOR})
    @Operation(summary = "Every change of the risk's rating, treatment and status: who, when, old and new values")
    public Page<AuditEntryView> auditTrail(@PathParam("id") String id, @QueryParam("page") String page,
                                           @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        Risk risk = decisions.find(tenant.id(), id);
        return queries.auditTrail(risk, request).map(this::auditView);
    }

    @PUT
    @Path("/{id}/threats/{threatId}")
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Link a threat to the risk and re-rate it (If-Match of the risk)")
    @APIResponse(responseCode = "200", description = "The re-rated risk, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "404", description = "No risk or threat with these ids in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The risk is closed because its gap was closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RiskView> linkThreat(@PathParam("id") String id, @PathParam("threatId") String threatId,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(decisions.link(tenant.id(), id, ifMatch, FactorKind.THREAT, threatId, tenant.user()));
    }

    @DELETE
    @Path("/{id}/threats/{threatId}")
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Unlink a threat from the risk and re-rate it (If-Match of the risk)")
    @APIResponse(responseCode = "200", description = "The re-rated risk, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "404", description = "No risk with this id, or the threat is not linked to it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The risk is closed because its gap was closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RiskView> unlinkThreat(@PathParam("id") String id, @PathParam("threatId") String threatId,
                                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(decisions.unlink(tenant.id(), id, ifMatch, FactorKind.THREAT, threatId, tenant.user()));
    }

    @PUT
    @Path("/{id}/vulnerabilities/{vulnerabilityId}")
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Link a vulnerability to the risk and re-rate it (If-Match of the risk)")
    @APIResponse(responseCode = "200", description = "The re-rated risk, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "404", description = "No risk or vulnerability with these ids in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The risk is closed because its gap was closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RiskView> linkVulnerability(@PathParam("id") String id,
                                                    @PathParam("vulnerabilityId") String vulnerabilityId,
                                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(decisions.link(tenant.id(), id, ifMatch, FactorKind.VULNERABILITY, vulnerabilityId, tenant.user()));
    }

    @DELETE
    @Path("/{id}/vulnerabilities/{vulnerabilityId}")
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    @Operation(summary = "Unlink a vulnerability from the risk and re-rate it (If-Match of the risk)")
    @APIResponse(responseCode = "200", description = "The re-rated risk, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "404", description = "No risk with this id, or the vulnerability is not linked to it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The risk is closed because its gap was closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RiskView> unlinkVulnerability(@PathParam("id") String id,
                                                      @PathParam("vulnerabilityId") String vulnerabilityId,
                                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(decisions.unlink(tenant.id(), id, ifMatch, FactorKind.VULNERABILITY, vulnerabilityId,
                tenant.user()));
    }

    private RestResponse<RiskView> view(Risk risk) {
        return RestResponse.ResponseBuilder.ok(RiskView.of(risk, methods.methodOf(tenant.id())))
                .tag(ETags.of(risk.rowVersion))
                .build();
    }

    private static List<HeatMapCell> cells(RiskMethod method, int[][] counts) {
        List<HeatMapCell> cells = new ArrayList<>();
        for (int likelihood = 1; likelihood <= method.likelihoodSize(); likelihood++) {
            for (int impact = 1; impact <= method.impactSize(); impact++) {
                cells.add(new HeatMapCell(likelihood, method.likelihoodLabel(likelihood), impact,
                        method.impactLabel(impact), method.levelOf(likelihood, impact),
                        counts[likelihood - 1][impact - 1]));
            }
        }
        return cells;
    }

    private AuditEntryView auditView(RiskAuditEntry entry) {
        return new AuditEntryView(entry.id, entry.occurredAt, entry.actor, entry.action, entry.note,
                entry.oldValue == null ? null : json(entry.oldValue), json(entry.newValue));
    }

    private JsonNode json(String value) {
        try {
            return objectMapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit value is not JSON", e);
        }
    }
}
