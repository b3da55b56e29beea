package io.gaplens.catalog.service;

import io.gaplens.catalog.api.CatalogViews.FrameworkColumn;
import io.gaplens.catalog.api.CatalogViews.MappingImportResult;
import io.gaplens.catalog.domain.CatalogVersion;
import io.gaplens.catalog.domain.Requirement;
import io.gaplens.catalog.domain.RequirementMapping;
import io.gaplens.catalog.service.imports.CsvTable;
import io.gaplens.catalog.service.imports.Framework;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Imports the mapping of a custom catalogue to other frameworks from a CSV file with one row per
 * control of the catalogue and one column per framework. Each cell lists references separated by
 * commas, semicolons or line breaks; an empty cell or a dash (em dash, en dash or hyphen) means
 * none. Known frameworks ({@link Framework}) resolve to the shipped catalogue versions and every
 * reference must exist there; other columns are kept as labels with their references unchecked.
 */
@ApplicationScoped
public class MappingService {

    /** The relationship stored for every imported row: GRC exports state that controls relate, not how closely. */
    static final String IMPORTED_RELATIONSHIP = "intersects-with";

    static final String[] CONTROL_ID = {"Control ID", "Control Id", "ControlID", "Control", "ID"};
    /** Descriptive columns of GRC exports that name no framework and are skipped. */
    static final Set<String> DESCRIPTIVE_COLUMNS = Set.of("title", "control title", "control name", "name",
            "description", "control description", "policy", "policy name", "owner", "notes", "comments");
    static final int MAX_LABEL_REF_LENGTH = 100;

    private static final Pattern REF_SEPARATOR = Pattern.compile("[,;\\r\\n]+");
    private static final Set<String> NONE = Set.of("", "\u2014", "\u2013", "-");
    private static final Logger LOG = Logger.getLogger(MappingService.class);

    @Inject
    CatalogService catalogs;

    /**
     * Replaces the mapping of {@code sourceVersion} of {@code tenant} with the rows of {@code table},
     * entirely or, when any row is invalid, not at all.
     */
    @Transactional
    public MappingImportResult importMapping(String tenant, String catalogKey, String versionName, CsvTable table) {
        CatalogVersion source = catalogs.findVersion(tenant, catalogKey, versionName);
        if (source.catalog.isShipped()) {
            throw ApiException.conflict("The mappings of shipped catalogues are maintained by GapLens; "
                    + "import a mapping for one of your own catalogues", "catalogId");
        }

        List<FieldError> errors = new ArrayList<>();
        int idColumn = table.column(CONTROL_ID);
        if (idColumn < 0) {
            throw ApiException.invalid("The mapping file has no Control ID column",
                    List.of(FieldError.atLine(1, "Control ID", "the header has no Control ID column")));
        }
        List<Column> columns = frameworkColumns(tenant, table, idColumn, errors);
        Map<String, Requirement> sourceRequirements = requirementsByRef(source);

        List<RequirementMapping> mappings = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Set<String> mappedControls = new LinkedHashSet<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.cells().size() != table.header().size()) {
                errors.add(FieldError.atLine(row.line(), "row", "has " + row.cells().size()
                        + " cells but the header has " + table.header().size()
                        + "; quote cells that list several references"));
                continue;
            }
            String sourceRef = row.cell(idColumn);
            String idHeader = table.header().get(idColumn);
            if (sourceRef.isEmpty()) {
                errors.add(FieldError.atLine(row.line(), idHeader, "is required"));
                continue;
            }
            if (!sourceRequirements.containsKey(sourceRef)) {
                errors.add(FieldError.atLine(row.line(), idHeader, "unknown control '" + sourceRef + "' in "
                        + catalogKey + " " + versionName));
                continue;
            }
            Integer previous = firstLine.putIfAbsent(sourceRef, row.line());
            if (previous != null) {
                errors.add(FieldError.atLine(row.line(), idHeader, "control '" + sourceRef
                        + "' appears again; its first row is on line " + previous));
                continue;
            }
            for (Column column : columns) {
                for (String targetRef : splitRefs(row.cell(column.index))) {
                    Optional<String> resolved = column.resolve(targetRef);
                    if (resolved.isEmpty()) {
                        errors.add(FieldError.atLine(row.line(), column.header, column.unresolvedMessage(targetRef)));
                        continue;
                    }
                    mappings.add(mapping(tenant, source, sourceRef, column, resolved.get()));
                    column.count++;
                    mappedControls.add(sourceRef);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The mapping file has " + errors.size()
                    + " invalid entries; nothing was imported", errors);
        }

        long replaced = RequirementMapping.delete("sourceVersion = ?1 and tenantId = ?2", source, tenant);
        mappings.forEach(mapping -> mapping.persist());
        LOG.infof("Catalogue %s version %s: mapping imported with %d rows for %d controls (%d rows replaced)",
                catalogKey, versionName, mappings.size(), mappedControls.size(), replaced);

        List<String> unmapped = sourceRequirements.values().stream()
                .filter(requirement -> requirement.assessable && !mappedControls.contains(requirement.ref))
                .map(requirement -> requirement.ref)
                .toList();
        List<FrameworkColumn> frameworkViews = columns.stream().map(Column::view).toList();
        return new MappingImportResult(catalogKey, versionName, mappings.size(), mappedControls.size(), unmapped,
                frameworkViews);
    }

    private List<Column> frameworkColumns(String tenant, CsvTable table, int idColumn, List<FieldError> errors) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            String header = table.header().get(i);
            if (i == idColumn || DESCRIPTIVE_COLUMNS.contains(header.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (header.isEmpty()) {
                int index = i;
                boolean hasValues = table.rows().stream().anyMatch(row -> !NONE.contains(row.cell(index)));
                if (hasValues) {
                    errors.add(FieldError.atLine(1, "column " + (i + 1),
                            "the column has references but no framework name in the header"));
                }
                continue;
            }
            Optional<Framework> framework = Framework.fromHeader(header);
            if (framework.isPresent()) {
                CatalogVersion target = catalogs.findVersion(tenant, framework.get().catalogId(),
                        framework.get().version());
                columns.add(new Column(i, header, framework.get(), target, requirementsByRef(target)));
            } else {
                columns.add(new Column(i, header, null, null, Map.of()));
            }
        }
        return columns;
    }

    static List<String> splitRefs(String cell) {
        if (NONE.contains(cell.strip())) {
            return List.of();
        }
        Set<String> refs = new LinkedHashSet<>();
        for (String part : REF_SEPARATOR.split(cell)) {
            String ref = part.strip();
            if (!NONE.contains(ref)) {
                refs.add(ref);
            }
        }
        return List.copyOf(refs);
    }

    private static Map<String, Requirement> requirementsByRef(CatalogVersion version) {
        Map<String, Requirement> byRef = new LinkedHashMap<>();
        for (Requirement requirement : Requirement.<Requirement>list("catalogVersion = ?1 order by position", version)) {
            byRef.put(requirement.ref, requirement);
        }
        return byRef;
    }

    private static RequirementMapping mapping(String tenant, CatalogVersion source, String sourceRef, Column column,
                                              String targetRef) {
        RequirementMapping mapping = new RequirementMapping();
        mapping.id = UUID.randomUUID();
        mapping.tenantId = tenant;
        mapping.sourceVersion = source;
        mapping.sourceRef = sourceRef;
        mapping.targetVersion = column.target;
        mapping.targetFramework = column.framework == null ? column.header : column.framework.label();
        mapping.targetRef = targetRef;
        mapping.relationship = IMPORTED_RELATIONSHIP;
        mapping.createdAt = CatalogService.now();
        return mapping;
    }

    /** A framework column of the file; {@code target} is null for a framework kept as a label. */
    private static final class Column {
        final int index;
        final String header;
        final Framework framework;
        final CatalogVersion target;
        final Map<String, Requirement> targetRequirements;
        int count;

        Column(int index, String header, Framework framework, CatalogVersion target,
               Map<String, Requirement> targetRequirements) {
            this.index = index;
            this.header = header;
            this.framework = framework;
            this.target = target;
            this.targetRequirements = targetRequirements;
        }

        /**
         * Resolves a reference of this column. For ISO/IEC 27001, a clause reference such as 9.2 names
         * the clause and a reference that names no clause, such as 5.15, names Annex A control A.5.15.
         * For ISO/IEC 27002 every reference names an Annex A control.
         */
        Optional<String> resolve(String ref) {
            if (target == null) {
                return ref.length() <= MAX_LABEL_REF_LENGTH ? Optional.of(ref) : Optional.empty();
            }
            String annexRef = ref.regionMatches(true, 0, "A.", 0, 2) ? "A." + ref.substring(2) : "A." + ref;
            if (framework.annexAOnly()) {
                Requirement control = targetRequirements.get(annexRef);
                return control != null && control.assessable ? Optional.of(annexRef) : Optional.empty();
            }
            if (targetRequirements.containsKey(ref)) {
                return Optional.of(ref);
            }
            return targetRequirements.containsKey(annexRef) ? Optional.of(annexRef) : Optional.empty();
        }

        String unresolvedMessage(String ref) {
            if (target == null) {
                return "reference '" + ref.substring(0, 20) + "...' is longer than " + MAX_LABEL_REF_LENGTH
                        + " characters";
            }
            return "unknown reference '" + ref + "' in " + framework.label() + " (column " + (index + 1) + ")";
        }

        FrameworkColumn view() {
            return new FrameworkColumn(header, framework == null ? header : framework.label(),
                    target == null ? null : target.catalog.key, target == null ? null : target.version, count);
        }
    }
}
