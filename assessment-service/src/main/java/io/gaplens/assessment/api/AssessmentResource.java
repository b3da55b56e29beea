package io.gaplens.assessment.api;

import io.gaplens.assessment.api.AssessmentViews.AssessmentRequest;
import io.gaplens.assessment.api.AssessmentViews.AssessmentUpdate;
import io.gaplens.assessment.api.AssessmentViews.AssessmentView;
import io.gaplens.assessment.api.AssessmentViews.ReassessmentRequest;
import io.gaplens.assessment.api.AssessmentViews.RequirementView;
import io.gaplens.assessment.api.AssessmentViews.SummaryView;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.service.AssessmentLookup;
import io.gaplens.assessment.service.AssessmentQueries;
import io.gaplens.assessment.service.AssessmentService;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import io.gaplens.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class AssessmentResource {

    @Inject
    Tenant tenant;

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentLookup lookup;

    @Inject
    AssessmentQueries queries;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Create a draft assessment against a published catalogue version",
            description = "The version's assessable requirements are read from catalog-service and copied, so that "
                    + "later catalogue changes never change the assessment. 503 when catalog-service is unreachable.")
    @APIResponse(responseCode = "201", description = "The draft assessment, with its location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service is unreachable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssessmentView> create(AssessmentRequest request) {
        Assessment assessment = assessments.create(tenant.id(), tenant.user(), request);
        return created(assessment);
    }

    @GET
    @Operation(summary = "List this organisation's assessments, newest first")
    public Page<AssessmentView> list(@QueryParam("status") String status, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        return queries.list(tenant.id(), status, PageRequest.parse(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one assessment; the ETag is needed to update it")
    @APIResponse(responseCode = "200", description = "The assessment, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssessmentView> get(@PathParam("id") UUID id) {
        return withTag(lookup.assessment(tenant.id(), id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Replace the name, target maturity, dates and scope",
            description = "Needs If-Match with the ETag of the last read. The target maturity is fixed once the "
                    + "assessment is in progress.")
    @APIResponse(responseCode = "200", description = "The updated assessment, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The assessment's status does not allow this change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssessmentView> update(@PathParam("id") UUID id,
                                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                               AssessmentUpdate update) {
        return withTag(assessments.update(tenant.id(), id, ifMatch, update));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Move a draft to IN_PROGRESS; sends AssessmentStarted")
    @APIResponse(responseCode = "200", description = "The assessment in progress, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The assessment's status does not allow this change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssessmentView> start(@PathParam("id") UUID id) {
        return withTag(assessments.start(tenant.id(), id));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Complete an assessment in progress; it is read-only afterwards and AssessmentCompleted is sent")
    @APIResponse(responseCode = "200", description = "The completed assessment, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The assessment's status does not allow this change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssessmentView> complete(@PathParam("id") UUID id) {
        return withTag(assessments.complete(tenant.id(), id));
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Archive a completed assessment")
    @APIResponse(responseCode = "200", description = "The archived assessment, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The assessment's status does not allow this change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssessmentView> archive(@PathParam("id") UUID id) {
        return withTag(assessments.archive(tenant.id(), id));
    }

    @POST
    @Path("/{id}/reassessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Create a draft re-assessment with this completed assessment as its baseline",
            description = "Answered requirements are copied and marked carried over, to be reviewed. Fields left "
                    + "out of the body are copied from the baseline.")
    @APIResponse(responseCode = "201", description = "The draft re-assessment, with its location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The assessment's status does not allow this change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssessmentView> reassess(@PathParam("id") UUID id, ReassessmentRequest request) {
        return created(assessments.reassess(tenant.id(), tenant.user(), id, request));
    }

    @GET
    @Path("/{id}/requirements")
    @Operation(summary = "The assessment's copy of the assessable requirements of its catalogue version")
    public List<RequirementView> requirements(@PathParam("id") UUID id) {
        return queries.requirements(lookup.assessment(tenant.id(), id));
    }

    @GET
    @Path("/{id}/summary")
    @Operation(summary = "Counts by status, compliance and progress, overall, per clause and per Annex A theme",
            description = "Compliance is the share of applicable, assessed requirements that leave no gap; "
                    + "NOT_APPLICABLE and NOT_ASSESSED are outside its denominator. Progress is the share of "
                    + "assessable requirements answered, rounded down.")
    public SummaryView summary(@PathParam("id") UUID id) {
        return assessments.summary(lookup.assessment(tenant.id(), id));
    }

    private RestResponse<AssessmentView> created(Assessment assessment) {
        return RestResponse.ResponseBuilder
                .<AssessmentView>created(uri.getBaseUriBuilder().path("api/v1/assessments/{id}").build(assessment.id))
                .tag(ETags.of(assessment.rowVersion))
                .entity(queries.view(assessment))
                .build();
    }

    private RestResponse<AssessmentView> withTag(Assessment assessment) {
        return RestResponse.ResponseBuilder.ok(queries.view(assessment))
                .tag(ETags.of(assessment.rowVersion))
                .build();
    }
}
