package io.gaplens.reporting.api;

import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.reporting.api.ReportViews.AssessmentHeader;
import io.gaplens.reporting.api.ReportViews.AssessmentSummary;
import io.gaplens.reporting.api.ReportViews.GapList;
import io.gaplens.reporting.api.ReportViews.HeatMap;
import io.gaplens.reporting.api.ReportViews.RebuildResponse;
import io.gaplens.reporting.api.ReportViews.Roadmap;
import io.gaplens.reporting.api.ReportViews.StatementOfApplicability;
import io.gaplens.reporting.api.ReportViews.Trend;
import io.gaplens.reporting.service.AssessmentData;
import io.gaplens.reporting.service.RebuildService;
import io.gaplens.reporting.service.RebuildService.RebuildResult;
import io.gaplens.reporting.service.ReplayApplier.Outcome;
import io.gaplens.reporting.service.ReportBuilder;
import io.gaplens.reporting.service.ReportBuilder.GapFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class ReportResource {

    @Inject
    Tenant tenant;

    @Inject
    ReportBuilder reports;

    @Inject
    RebuildService rebuilds;

    @GET
    @Path("/assessments")
    @Operation(summary = "List the assessments the reports know, most recently changed first, paginated")
    public Page<AssessmentHeader> assessments(@QueryParam("page") String page, @QueryParam("size") String size) {
        return reports.assessments(tenant.id(), PageRequest.parse(page, size));
    }

    @GET
    @Path("/assessments/{assessmentId}/summary")
    @Operation(summary = "Compliance overall, per clause and per Annex A theme, status counts, progress and gaps by risk level",
            description = "Compliance is the share of applicable and assessed requirements that are implemented at or "
                    + "above the target maturity; not applicable and not assessed requirements are left out of "
                    + "the denominator.")
    public AssessmentSummary summary(@PathParam("assessmentId") String assessmentId) {
        return reports.summary(load(assessmentId));
    }

    @GET
    @Path("/assessments/{assessmentId}/gaps")
    @Operation(summary = "The gaps with their risk level and remediation action, filtered and paginated",
            description = "Filters combine with AND: `group` is a clause (4-10) or theme (A.5-A.8), `level` a risk level "
                    + "or UNRATED, `status` NOT_IMPLEMENTED, PARTIALLY_IMPLEMENTED or IMPLEMENTED (below target).")
    public GapList gaps(@PathParam("assessmentId") String assessmentId,
                        @QueryParam("group") String group,
                        @QueryParam("level") String level,
                        @QueryParam("status") String status,
                        @QueryParam("page") String page,
                        @QueryParam("size") String size) {
        GapFilter filter = GapFilter.parse(group, level, status);
        PageRequest pageRequest = PageRequest.parse(page, size);
        return reports.gapPage(load(assessmentId), filter, pageRequest);
    }

    @GET
    @Path("/assessments/{assessmentId}/statement-of-applicability")
    @Operation(summary = "The Statement of Applicability: every Annex A control of the pinned catalogue version")
    public StatementOfApplicability statementOfApplicability(@PathParam("assessmentId") String assessmentId) {
        return reports.statementOfApplicability(load(assessmentId));
    }

    @GET
    @Path("/assessments/{assessmentId}/heat-map")
    @Operation(summary = "Open risks per likelihood and impact cell, inherent and residual")
    public HeatMap heatMap(@PathParam("assessmentId") String assessmentId) {
        return reports.heatMap(load(assessmentId));
    }

    @GET
    @Path("/assessments/{assessmentId}/roadmap")
    @Operation(summary = "The remediation roadmap by phase, with progress and overdue actions")
    public Roadmap roadmap(@PathParam("assessmentId") String assessmentId) {
        return reports.roadmap(load(assessmentId));
    }

    @GET
    @Path("/assessments/{assessmentId}/trend")
    @Operation(summary = "What improved, worsened, is new or unchanged against the baseline assessment",
            description = "Returns 409 when the assessment is not a re-assessment.")
    public Trend trend(@PathParam("assessmentId") String assessmentId) {
        AssessmentData current = load(assessmentId);
        return reports.trend(current, reports.loadBaseline(tenant.id(), current));
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild this organisation's read models by replaying every topic from the beginning",
            description = "Deletes the organisation's read models and processed-event records, then reads the topics "
                    + "up to their end at the time of the request. Events that arrive meanwhile are applied as usual.")
    public RebuildResponse rebuild() {
        RebuildResult result = rebuilds.rebuild(tenant.id());
        return new RebuildResponse(result.tenantId(), result.recordsRead(), result.outcomes().get(Outcome.APPLIED),
                result.outcomes().get(Outcome.OTHER_TENANT), result.outcomes().get(Outcome.ALREADY_APPLIED),
                result.outcomes().get(Outcome.POISON), result.assessments());
    }

    private AssessmentData load(String assessmentId) {
        return reports.load(tenant.id(), AssessmentIds.parse(assessmentId));
    }
}
