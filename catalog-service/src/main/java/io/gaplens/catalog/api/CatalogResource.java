package io.gaplens.catalog.api;

import io.gaplens.catalog.api.CatalogViews.CatalogSummary;
import io.gaplens.catalog.api.CatalogViews.MappingView;
import io.gaplens.catalog.api.CatalogViews.RequirementView;
import io.gaplens.catalog.api.CatalogViews.TreeNode;
import io.gaplens.catalog.api.CatalogViews.VersionDetail;
import io.gaplens.catalog.service.CatalogDocument;
import io.gaplens.catalog.service.CatalogQueries;
import io.gaplens.catalog.service.CatalogService;
import io.gaplens.catalog.service.RequirementFilter;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/catalogs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogues")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
public class CatalogResource {

    @Inject
    Tenant tenant;

    @Inject
    CatalogService catalogs;

    @Inject
    CatalogQueries queries;

    @GET
    @Operation(summary = "List the catalogues this organisation can read, with their versions")
    public List<CatalogSummary> list() {
        return queries.listCatalogs(tenant.id());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a custom catalogue version as a draft, in the GapLens JSON format",
            description = "All requirements are stored or none; every invalid entry is listed in the problem details.")
    public Response importJson(CatalogDocument document, @jakarta.ws.rs.core.Context UriInfo uri) {
        var version = catalogs.importDraft(tenant.id(), document);
        VersionDetail detail = queries.detail(version);
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/catalogs/{catalogId}/versions/{version}")
                        .build(detail.catalogId(), detail.version()))
                .entity(detail)
                .build();
    }

    @GET
    @Path("/{catalogId}/versions/{version}")
    @Operation(summary = "Describe one catalogue version, with its counts of requirements")
    public VersionDetail version(@PathParam("catalogId") String catalogId, @PathParam("version") String version) {
        return queries.detail(catalogs.findVersion(tenant.id(), catalogId, version));
    }

    @POST
    @Path("/{catalogId}/versions/{version}/publication")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a draft version; it is immutable afterwards and CatalogPublished is sent")
    public VersionDetail publish(@PathParam("catalogId") String catalogId, @PathParam("version") String version) {
        return queries.detail(catalogs.publish(tenant.id(), catalogId, version));
    }

    @GET
    @Path("/{catalogId}/versions/{version}/tree")
    @Operation(summary = "The requirement tree of a version: clauses, themes and controls in document order")
    public List<TreeNode> tree(@PathParam("catalogId") String catalogId, @PathParam("version") String version) {
        return queries.tree(catalogs.findVersion(tenant.id(), catalogId, version));
    }

    @GET
    @Path("/{catalogId}/versions/{version}/requirements")
    @Operation(summary = "A flat, paginated list of requirements",
            description = "Filters combine with AND. `attribute` takes name:value, for example controlType:preventive.")
    public Page<RequirementView> requirements(@PathParam("catalogId") String catalogId,
                                              @PathParam("version") String version,
                                              @QueryParam("section") String section,
                                              @QueryParam("kind") String kind,
                                              @QueryParam("assessable") String assessable,
                                              @QueryParam("attribute") String attribute,
                                              @QueryParam("q") String text,
                                              @QueryParam("page") String page,
                                              @QueryParam("size") String size) {
        RequirementFilter filter = RequirementFilter.parse(section, kind, assessable, attribute, text);
        return queries.requirements(catalogs.findVersion(tenant.id(), catalogId, version), filter,
                PageRequest.parse(page, size));
    }

    @GET
    @Path("/{catalogId}/versions/{version}/requirements/{ref}")
    @Operation(summary = "One requirement by its reference",
            description = "A reference without the A. prefix that names no clause is looked up as an Annex A control: "
                    + "5.15 finds A.5.15, while 5.1 is clause 5.1.")
    public RequirementView requirement(@PathParam("catalogId") String catalogId, @PathParam("version") String version,
                                       @PathParam("ref") String ref) {
        return queries.requirement(catalogs.findVersion(tenant.id(), catalogId, version), ref);
    }

    @GET
    @Path("/{catalogId}/versions/{version}/requirements/{ref}/mappings")
    @Operation(summary = "Mappings of one requirement to and from other catalogues, in both directions")
    public List<MappingView> mappings(@PathParam("catalogId") String catalogId, @PathParam("version") String version,
                                      @PathParam("ref") String ref) {
        return queries.mappings(tenant.id(), catalogs.findVersion(tenant.id(), catalogId, version), ref);
    }
}
