package io.gaplens.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gaplens.catalog.api.CatalogViews.CatalogSummary;
import io.gaplens.catalog.api.CatalogViews.CoverageView;
import io.gaplens.catalog.api.CatalogViews.MappingImportResult;
import io.gaplens.catalog.api.CatalogViews.MappingView;
import io.gaplens.catalog.api.CatalogViews.RequirementView;
import io.gaplens.catalog.api.CatalogViews.TreeNode;
import io.gaplens.catalog.api.CatalogViews.VersionDetail;
import io.gaplens.catalog.api.CatalogViews.VersionDiff;
import io.gaplens.catalog.service.CatalogDocument;
import io.gaplens.catalog.service.CatalogImports;
import io.gaplens.catalog.service.CatalogQueries;
import io.gaplens.catalog.service.CatalogService;
import io.gaplens.catalog.service.CoverageQueries;
import io.gaplens.catalog.service.MappingService;
import io.gaplens.catalog.service.RequirementFilter;
import io.gaplens.catalog.service.VersionDiffs;
import io.gaplens.catalog.service.imports.CsvTable;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.platform.api.Problem;
import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/catalogs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogues")
@RolesAllowed({Roles.ADMIN, Roles.ASSESSOR, Roles.RISK_MANAGER, Roles.REMEDIATION_OWNER, Roles.AUDITOR, Roles.VIEWER})
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this operation",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CatalogResource {

    static final String TEXT_CSV = "text/csv";

    @Inject
    Tenant tenant;

    @Inject
    CatalogService catalogs;

    @Inject
    CatalogImports imports;

    @Inject
    CatalogQueries queries;

    @Inject
    MappingService mappings;

    @Inject
    CoverageQueries coverage;

    @Inject
    VersionDiffs diffs;

    @GET
    @Operation(operationId = "listCatalogs",
            summary = "List the catalogues this organisation can read, with their versions")
    @APIResponse(responseCode = "200", description = "Shipped catalogues and the organisation's own")
    public List<CatalogSummary> list() {
        return queries.listCatalogs(tenant.id());
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, CatalogImports.OSCAL_JSON, TEXT_CSV})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importCatalog", summary = "Import a custom catalogue version as a draft",
            description = "Accepts the GapLens JSON format (application/json), an OSCAL catalog "
                    + "(application/vnd.oscal+json, or application/json with format=oscal), the GapLens CSV "
                    + "layout (text/csv with the columns ref,parent,kind,assessable,title,guidance) and the internal "
                    + "control export of GRC tools (text/csv with Control ID,Title,Description,Audit Methodology,"
                    + "Policy). CSV and OSCAL take catalogId, version and title as query parameters. All "
                    + "requirements are stored or none; every invalid entry is listed in the problem details, "
                    + "with its line for CSV files. A draft of the same version is replaced.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogDocument.class)),
            @Content(mediaType = CatalogImports.OSCAL_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "An OSCAL 1.x catalog document with a top-level catalog object")),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "UTF-8 text, comma or semicolon separated, with a header line"))})
    @APIResponse(responseCode = "201", description = "The draft version was stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VersionDetail.class)))
    @APIResponse(responseCode = "400", description = "The file is invalid; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version is published already, or the catalogue is "
            + "shipped with GapLens",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size")
    @APIResponse(responseCode = "415", description = "The content type is none of the accepted ones",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importCatalog(byte[] body,
                                  @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @Parameter(description = "gaplens, csv, internal-controls or oscal; by default the "
                                          + "content type and, for CSV, the header decide")
                                  @QueryParam("format") String format,
                                  @Parameter(description = "Catalogue id for CSV and OSCAL imports")
                                  @QueryParam("catalogId") String catalogId,
                                  @Parameter(description = "Version for CSV imports; OSCAL defaults to metadata.version")
                                  @QueryParam("version") String version,
                                  @Parameter(description = "Title for CSV imports; OSCAL defaults to metadata.title")
                                  @QueryParam("title") String title,
                                  @QueryParam("publisher") String publisher,
                                  @Context UriInfo uri) throws JsonProcessingException {
        MediaType parsed = MediaType.valueOf(contentType);
        String mediaType = parsed.getType() + "/" + parsed.getSubtype();
        var metadata = new CatalogImports.Metadata(catalogId, version, title, publisher);
        VersionDetail detail = queries.detail(imports.importFile(tenant.id(), mediaType, format, metadata, body));
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/catalogs/{catalogId}/versions/{version}")
                        .build(detail.catalogId(), detail.version()))
                .entity(detail)
                .build();
    }

    @GET
    @Path("/{catalogId}/versions/{version}")
    @Operation(operationId = "getCatalogVersion", summary = "Describe one catalogue version, with its counts of requirements")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such catalogue or version for this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VersionDetail version(@PathParam("catalogId") String catalogId, @PathParam("version") String version) {
        return queries.detail(catalogs.findVersion(tenant.id(), catalogId, version));
    }

    @POST
    @Path("/{catalogId}/versions/{version}/publication")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "publishCatalogVersion",
            summary = "Publish a draft version; it is immutable afterwards and CatalogPublished is sent",
            description = "Publishing a published version changes nothing and sends no second event.")
    @APIResponse(responseCode = "200", description = "The published version")
    @APIResponse(responseCode = "404", description = "No such catalogue or version for this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VersionDetail publish(@PathParam("catalogId") String catalogId, @PathParam("version") String version) {
        return queries.detail(catalogs.publish(tenant.id(), catalogId, version));
    }

    @GET
    @Path("/{catalogId}/versions/{version}/tree")
    @Operation(operationId = "getCatalogTree",
            summary = "The requirement tree of a version: clauses, themes and controls in document order")
    @APIResponse(responseCode = "200", description = "The top-level nodes with their children")
    @APIResponse(responseCode = "404", description = "No such catalogue or version for this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TreeNode> tree(@PathParam("catalogId") String catalogId, @PathParam("version") String version) {
        return queries.tree(catalogs.findVersion(tenant.id(), catalogId, version));
    }

    @GET
    @Path("/{catalogId}/versions/{version}/requirements")
    @Operation(operationId = "listRequirements", summary = "A flat, paginated list of requirements",
            description = "Filters combine with AND. `attribute` takes name:value, for example controlType:preventive.")
    @APIResponse(responseCode = "200", description = "One page of requirements in document order")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalogue or version for this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RequirementView> requirements(@PathParam("catalogId") String catalogId,
                                              @PathParam("version") String version,
                                              @Parameter(description = "Top-level section, such as A.5 or 9")
                                              @QueryParam("section") String section,
                                              @Parameter(description = "CLAUSE, THEME, DOMAIN, CATEGORY, GROUP or CONTROL")
                                              @QueryParam("kind") String kind,
                                              @QueryParam("assessable") String assessable,
                                              @Parameter(description = "ISO/IEC 27002 attribute as name:value")
                                              @QueryParam("attribute") String attribute,
                                              @Parameter(description = "Text searched in reference, title and guidance, "
                                                      + "ignoring case")
                                              @QueryParam("q") String text,
                                              @QueryParam("page") String page,
                                              @QueryParam("size") String size) {
        RequirementFilter filter = RequirementFilter.parse(section, kind, assessable, attribute, text);
        return queries.requirements(catalogs.findVersion(tenant.id(), catalogId, version), filter,
                PageRequest.parse(page, size));
    }

    @GET
    @Path("/{catalogId}/versions/{version}/requirements/{ref}")
    @Operation(operationId = "getRequirement", summary = "One requirement by its reference",
            description = "A reference without the A. prefix that names no clause is looked up as an Annex A control: "
                    + "5.15 finds A.5.15, while 5.1 is clause 5.1.")
    @APIResponse(responseCode = "200", description = "The requirement")
    @APIResponse(responseCode = "404", description = "No such catalogue, version or requirement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RequirementView requirement(@PathParam("catalogId") String catalogId, @PathParam("version") String version,
                                       @PathParam("ref") String ref) {
        return queries.requirement(catalogs.findVersion(tenant.id(), catalogId, version), ref);
    }

    @GET
    @Path("/{catalogId}/versions/{version}/requirements/{ref}/mappings")
    @Operation(operationId = "listRequirementMappings",
            summary = "Mappings of one requirement to and from other catalogues, in both directions")
    @APIResponse(responseCode = "200", description = "Outgoing mappings first, then incoming ones")
    @APIResponse(responseCode = "404", description = "No such catalogue, version or requirement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<MappingView> mappings(@PathParam("catalogId") String catalogId, @PathParam("version") String version,
                                      @PathParam("ref") String ref) {
        return queries.mappings(tenant.id(), catalogs.findVersion(tenant.id(), catalogId, version), ref);
    }

    @POST
    @Path("/{catalogId}/versions/{version}/mappings")
    @Consumes(TEXT_CSV)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importMapping",
            summary = "Replace the mapping of a custom catalogue version to other frameworks, from CSV",
            description = "One row per control (column Control ID) and one column per framework, such as "
                    + "\"ISO 27001:2022\" or \"ISO 27002:2022\". A cell lists references separated by commas; an "
                    + "em dash or an empty cell means none. References of known frameworks must exist; columns of "
                    + "other frameworks are kept as labels. All rows are stored or none.")
    @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The mapping was replaced")
    @APIResponse(responseCode = "400", description = "The file is invalid; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalogue or version for this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The catalogue is shipped with GapLens",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MappingImportResult importMapping(@PathParam("catalogId") String catalogId,
                                             @PathParam("version") String version, byte[] body) {
        return mappings.importMapping(tenant.id(), catalogId, version, CsvTable.parse(body));
    }

    @GET
    @Path("/{catalogId}/versions/{version}/coverage")
    @Operation(operationId = "getCoverage",
            summary = "Which requirements of a target catalogue this version's controls cover through their mappings",
            description = "Counts the assessable requirements of the target. A requirement is covered when a "
                    + "mapping names it directly; a mapping to a grouping node covers nothing below it.")
    @APIResponse(responseCode = "200", description = "Covered and uncovered target requirements with counts")
    @APIResponse(responseCode = "400", description = "target, section or annexA is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalogue or version for this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoverageView coverage(@PathParam("catalogId") String catalogId, @PathParam("version") String version,
                                 @Parameter(description = "Target as catalogId:version", example = "iso-iec-27001:2022")
                                 @QueryParam("target") String target,
                                 @Parameter(description = "Top-level sections of the target, repeated or "
                                         + "comma-separated, such as A.5,A.6, or a range such as A.5..A.8")
                                 @QueryParam("section") List<String> sections,
                                 @Parameter(description = "true limits the target to its Annex A sections")
                                 @QueryParam("annexA") String annexA) {
        boolean annexAOnly = parseBoolean("annexA", annexA);
        return coverage.coverage(tenant.id(), catalogs.findVersion(tenant.id(), catalogId, version), target,
                sections, annexAOnly);
    }

    @GET
    @Path("/{catalogId}/diff")
    @Operation(operationId = "diffCatalogVersions",
            summary = "Requirements added, removed and changed between two versions of a catalogue",
            description = "Requirements are matched by reference. A changed requirement lists which of title, "
                    + "guidance, parent, kind and assessable differ.")
    @APIResponse(responseCode = "200", description = "The differences")
    @APIResponse(responseCode = "400", description = "from or to is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalogue or version for this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VersionDiff diff(@PathParam("catalogId") String catalogId, @QueryParam("from") String from,
                            @QueryParam("to") String to) {
        return diffs.diff(tenant.id(), catalogId, from, to);
    }

    private static boolean parseBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.invalid(name, "must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
