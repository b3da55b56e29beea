package io.gaplens.catalog.service.imports;

import io.gaplens.catalog.service.CatalogDocument;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an organisation's internal control set from the CSV layout that GRC tools export: one row
 * per control with the columns "Control ID", "Title", "Description", "Audit Methodology" and
 * "Policy". Each distinct policy becomes a grouping node (kind GROUP) with the controls of that
 * policy under it; description and audit methodology become the control's guidance. Other columns,
 * such as owners or frequencies, are ignored.
 */
public final class InternalControlsCsvReader {

    static final String[] CONTROL_ID = {"Control ID", "Control Id", "ControlID", "Control", "ID"};
    static final String[] TITLE = {"Title", "Control Title", "Control Name", "Name"};
    static final String[] DESCRIPTION = {"Description", "Control Description"};
    static final String[] AUDIT_METHODOLOGY = {"Audit Methodology", "Audit Procedure", "Test Procedure"};
    static final String[] POLICY = {"Policy", "Policy Name"};

    /** Prefix of the references generated for policy grouping nodes, such as {@code policy-access-control}. */
    static final String POLICY_REF_PREFIX = "policy-";

    private InternalControlsCsvReader() {
    }

    /** Returns true when the header has a "Control ID" column. */
    public static boolean matches(CsvTable table) {
        return table.column(CONTROL_ID) >= 0 && table.column("ref") < 0;
    }

    public static ParsedCatalog read(CsvTable table, String catalogId, String version, String title,
                                     String publisher) {
        List<FieldError> errors = new ArrayList<>();
        int id = table.column(CONTROL_ID);
        int titleColumn = table.column(TITLE);
        if (id < 0) {
            errors.add(FieldError.atLine(1, "Control ID", "the header has no Control ID column"));
        }
        if (titleColumn < 0) {
            errors.add(FieldError.atLine(1, "Title", "the header has no Title column"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The CSV header is invalid; nothing was imported", errors);
        }
        int description = table.column(DESCRIPTION);
        int auditMethodology = table.column(AUDIT_METHODOLOGY);
        int policy = table.column(POLICY);

        Map<String, CatalogDocument.Entry> policies = new LinkedHashMap<>();
        List<CatalogDocument.Entry> controls = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.cells().size() != table.header().size()) {
                errors.add(FieldError.atLine(row.line(), "row", "has " + row.cells().size()
                        + " cells but the header has " + table.header().size()
                        + "; quote cells that contain the delimiter"));
                continue;
            }
            String policyName = row.cell(policy);
            String parent = null;
            if (!policyName.isEmpty()) {
                CatalogDocument.Entry group = policies.computeIfAbsent(policyRef(policyName),
                        ref -> new CatalogDocument.Entry(ref, null, "GROUP", false, policyName,
                                null, null, null, row.line()));
                parent = group.ref();
            }
            controls.add(new CatalogDocument.Entry(row.cell(id), parent, "CONTROL", true, row.cell(titleColumn),
                    guidance(row.cell(description), row.cell(auditMethodology)), null, null, row.line()));
        }

        List<CatalogDocument.Entry> entries = new ArrayList<>(policies.values());
        entries.addAll(controls);
        return new ParsedCatalog(new CatalogDocument(catalogId, version, title, publisher, entries), errors);
    }

    /** Builds a reference from a policy name: lowercase ASCII letters and digits joined by hyphens. */
    static String policyRef(String policyName) {
        String ascii = Normalizer.normalize(policyName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            slug = Integer.toHexString(policyName.hashCode());
        }
        String ref = POLICY_REF_PREFIX + slug;
        return ref.length() > 64 ? ref.substring(0, 64).replaceAll("-$", "") : ref;
    }

    private static String guidance(String description, String auditMethodology) {
        StringBuilder text = new StringBuilder(description);
        if (!auditMethodology.isEmpty()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append("Audit methodology: ").append(auditMethodology);
        }
        return text.isEmpty() ? null : text.toString();
    }
}
