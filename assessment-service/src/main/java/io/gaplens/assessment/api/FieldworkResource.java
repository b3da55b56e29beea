package io.gaplens.assessment.api;

import io.gaplens.assessment.api.AnswerViews.DocumentReviewRequest;
import io.gaplens.assessment.api.AnswerViews.DocumentReviewView;
import io.gaplens.assessment.api.AnswerViews.InterviewRequest;
import io.gaplens.assessment.api.AnswerViews.InterviewView;
import io.gaplens.assessment.service.AssessmentLookup;
import io.gaplens.assessment.service.AssessmentQueries;
import io.gaplens.assessment.service.FieldworkService;
import io.gaplens.platform.api.Problem;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/assessments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fieldwork")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class FieldworkResource {

    @Inject
    Tenant tenant;

    @Inject
    FieldworkService fieldwork;

    @Inject
    AssessmentLookup lookup;

    @Inject
    AssessmentQueries queries;

    @POST
    @Path("/interviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Record an interview; it is linked to the answers of the requirements it covered")
    @APIResponse(responseCode = "201", description = "The recorded interview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InterviewView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<InterviewView> recordInterview(@PathParam("id") UUID id, InterviewRequest request) {
        InterviewView view = AssessmentQueries.view(fieldwork.recordInterview(tenant.id(), tenant.user(), id, request));
        return RestResponse.status(RestResponse.Status.CREATED, view);
    }

    @GET
    @Path("/interviews")
    @Operation(summary = "List the interviews of an assessment")
    public List<InterviewView> interviews(@PathParam("id") UUID id) {
        return queries.interviews(lookup.assessment(tenant.id(), id));
    }

    @POST
    @Path("/document-reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Record a document review; it is linked to the answers of the requirements it covered")
    @APIResponse(responseCode = "201", description = "The recorded document review",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentReviewView.class)))
    @APIResponse(responseCode = "400", description = "The request is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<DocumentReviewView> recordDocumentReview(@PathParam("id") UUID id,
                                                                 DocumentReviewRequest request) {
        DocumentReviewView view = AssessmentQueries.view(
                fieldwork.recordDocumentReview(tenant.id(), tenant.user(), id, request));
        return RestResponse.status(RestResponse.Status.CREATED, view);
    }

    @GET
    @Path("/document-reviews")
    @Operation(summary = "List the document reviews of an assessment")
    public List<DocumentReviewView> documentReviews(@PathParam("id") UUID id) {
        return queries.documentReviews(lookup.assessment(tenant.id(), id));
    }
}
