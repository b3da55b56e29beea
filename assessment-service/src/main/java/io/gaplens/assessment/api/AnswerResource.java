package io.gaplens.assessment.api;

import io.gaplens.assessment.api.AnswerViews.AnswerChangeView;
import io.gaplens.assessment.api.AnswerViews.AnswerRequest;
import io.gaplens.assessment.api.AnswerViews.AnswerView;
import io.gaplens.assessment.api.AnswerViews.ImportResult;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.assessment.service.AnswerImportService;
import io.gaplens.assessment.service.AnswerInput;
import io.gaplens.assessment.service.AnswerService;
import io.gaplens.assessment.service.AssessmentLookup;
import io.gaplens.assessment.service.AssessmentQueries;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import io.gaplens.assessment.api.AnswerViews.AnswerImportRow;
import io.gaplens.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/assessments/{id}/answers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Answers")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class AnswerResource {

    static final String TEXT_CSV = "text/csv";

    @Inject
    Tenant tenant;

    @Inject
    AnswerService answers;

    @Inject
    AnswerImportService imports;

    @Inject
    AssessmentLookup lookup;

    @Inject
    AssessmentQueries queries;

    @GET
    @Operation(summary = "List the answers in catalogue order",
            description = "Filters combine with AND: status, group (a clause such as 5 or a theme such as A.8) and gap.")
    public List<AnswerView> list(@PathParam("id") UUID id, @QueryParam("status") String status,
                                 @QueryParam("group") String group, @QueryParam("gap") String gap) {
        return queries.answers(lookup.assessment(tenant.id(), id), status, group, gap);
    }

    @GET
    @Path("/{ref}")
    @Operation(summary = "Read the answer to one requirement; the ETag is needed to change it",
            description = "A reference without the A. prefix that names no clause is an Annex A control: 5.15 is A.5.15.")
    @APIResponse(responseCode = "200", description = "The answer, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id, or no requirement with this "
            + "reference in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AnswerView> get(@PathParam("id") UUID id, @PathParam("ref") String ref) {
        Assessment assessment = lookup.assessment(tenant.id(), id);
        AssessmentRequirement requirement = lookup.requirement(assessment, ref);
        var answer = lookup.answer(assessment, requirement);
        return RestResponse.ResponseBuilder.ok(queries.answer(assessment, requirement, answer))
                .tag(ETags.of(answer.rowVersion))
                .build();
    }

    @PUT
    @Path("/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Record the answer to one requirement",
            description = "Needs If-Match with the answer's ETag (428 without, 412 when stale). Sends AnswerRecorded, "
                    + "and GapIdentified or GapClosed; repeating the stored answer changes and sends nothing.")
    @APIResponse(responseCode = "200", description = "The stored answer, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "400", description = "The answer is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id, or no requirement with this "
            + "reference in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The assessment is not in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The If-Match ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The If-Match header is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AnswerView> record(@PathParam("id") UUID id, @PathParam("ref") String ref,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, AnswerRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "missing: send the answer as JSON");
        }
        AnswerInput input = new AnswerInput(request.status(), request.maturity(), request.justification(),
                request.inclusionReasons(), request.notes(), request.evidence(), request.assessor(),
                request.answeredAt());
        AnswerService.Recorded recorded = answers.record(tenant.id(), tenant.user(), id, ref, ifMatch, input);
        Assessment assessment = lookup.assessment(tenant.id(), id);
        return RestResponse.ResponseBuilder.ok(queries.answer(assessment, recorded.requirement(), recorded.answer()))
                .tag(ETags.of(recorded.answer().rowVersion))
                .build();
    }

    @GET
    @Path("/{ref}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.AUDITOR})
    @Operation(summary = "The audit trail of one answer: who changed it, when, and its value before and after")
    public List<AnswerChangeView> history(@PathParam("id") UUID id, @PathParam("ref") String ref) {
        Assessment assessment = lookup.assessment(tenant.id(), id);
        return queries.history(assessment, lookup.requirement(assessment, ref));
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Import answers from a JSON array",
            description = "All rows or none: every bad row is listed with its line. 2013 Annex A references are "
                    + "translated through the catalogue mapping.")
    public ImportResult importJson(@PathParam("id") UUID id,
                                   @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           schema = @Schema(type = SchemaType.ARRAY,
                                                   implementation = AnswerImportRow.class)))
                                   byte[] body) {
        return imports.importJson(tenant.id(), tenant.user(), id, body);
    }

    @POST
    @Path("/import")
    @Consumes(TEXT_CSV)
    @RolesAllowed({Roles.ADMIN, Roles.ASSESSOR})
    @Operation(summary = "Import answers from CSV",
            description = "UTF-8 with or without BOM, comma or semicolon delimiters, quoted multi-line cells. "
                    + "All rows or none: every bad row is listed with its line.")
    public ImportResult importCsv(@PathParam("id") UUID id,
                                  @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV,
                                          schema = @Schema(type = SchemaType.STRING,
                                                  description = "A header row, then one row per answer; "
                                                          + "the columns are in docs/assessment-service.md")))
                                  byte[] body) {
        return imports.importCsv(tenant.id(), tenant.user(), id, body);
    }
}
