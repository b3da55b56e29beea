package io.gaplens.reporting.api;

import io.gaplens.platform.api.Problem;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.reporting.export.ExportKind;
import io.gaplens.reporting.export.ExportService;
import io.gaplens.reporting.service.AssessmentData;
import io.gaplens.reporting.service.ReportBuilder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Date;

@Path("/api/v1/reports/assessments/{assessmentId}/exports")
@Tag(name = "Exports")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class ExportResource {

    @Inject
    Tenant tenant;

    @Inject
    ReportBuilder reports;

    @Inject
    ExportService exports;

    @GET
    @Path("/{kind}")
    @Operation(summary = "Download a report as a file",
            description = "Kinds: summary.csv and summary.xlsx (compliance overall, per clause and per theme; the "
                    + "workbook adds the heat map cells and the roadmap phases), gaps.csv, gaps.xlsx, soa.csv, soa.xlsx "
                    + "(gap list and Statement of Applicability; CSV is "
                    + "UTF-8 with a byte order mark, and text cells starting with =, +, -, @, tab or carriage return get a "
                    + "leading single quote), report.html and report.pdf (summary, charts, heat map, roadmap, gaps), "
                    + "oscal-assessment-results.json and oscal-poam.json (OSCAL 1.1.2). Last-Modified is the time of the "
                    + "latest event the export reflects.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "An OSCAL 1.1.2 assessment-results or plan-of-action-and-milestones "
                                    + "document"))})
    @APIResponse(responseCode = "400", description = "The kind or the assessment id is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No assessment with this id in this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@PathParam("assessmentId") String assessmentId,
                           @Parameter(description = "the file to produce, such as gaps.csv or report.pdf")
                           @PathParam("kind") String kind) {
        ExportKind exportKind = ExportKind.parse(kind);
        AssessmentData data = reports.load(tenant.id(), AssessmentIds.parse(assessmentId));
        byte[] body = exports.export(tenant.id(), data, exportKind);
        String fileName = "gaplens-" + data.header().assessmentId + "-" + exportKind.fileName();
        return Response.ok(body, exportKind.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .lastModified(Date.from(data.header().latestEventAt.toInstant()))
                .build();
    }
}
