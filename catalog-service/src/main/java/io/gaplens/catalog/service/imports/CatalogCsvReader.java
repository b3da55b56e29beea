package io.gaplens.catalog.service.imports;

import io.gaplens.catalog.service.CatalogDocument;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a catalogue from GapLens's CSV layout: a header with the columns {@code ref}, {@code parent},
 * {@code kind}, {@code assessable}, {@code title} and {@code guidance} in any order, then one row per
 * requirement. {@code ref} and {@code title} are required; an empty {@code kind} means CONTROL, and an
 * empty {@code assessable} means true for controls and false for grouping nodes.
 */
public final class CatalogCsvReader {

    static final List<String> COLUMNS = List.of("ref", "parent", "kind", "assessable", "title", "guidance");

    private CatalogCsvReader() {
    }

    /** Returns true when the header names the {@code ref} column of this layout. */
    public static boolean matches(CsvTable table) {
        return table.column("ref") >= 0;
    }

    public static ParsedCatalog read(CsvTable table, String catalogId, String version, String title,
                                     String publisher) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            String name = table.header().get(i);
            if (!COLUMNS.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add(FieldError.atLine(1, name.isEmpty() ? "column " + (i + 1) : name,
                        "unknown column; expected the columns " + COLUMNS));
            }
        }
        for (String required : List.of("ref", "title")) {
            if (table.column(required) < 0) {
                errors.add(FieldError.atLine(1, required, "the header has no " + required + " column"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The CSV header is invalid; nothing was imported", errors);
        }

        int ref = table.column("ref");
        int parent = table.column("parent");
        int kind = table.column("kind");
        int assessable = table.column("assessable");
        int titleColumn = table.column("title");
        int guidance = table.column("guidance");
        List<CatalogDocument.Entry> entries = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.cells().size() != table.header().size()) {
                errors.add(FieldError.atLine(row.line(), "row", "has " + row.cells().size()
                        + " cells but the header has " + table.header().size()
                        + "; quote cells that contain the delimiter"));
                continue;
            }
            String kindCell = row.cell(kind);
            Boolean assessableValue = null;
            String assessableCell = row.cell(assessable).toLowerCase(Locale.ROOT);
            switch (assessableCell) {
                case "" -> { }
                case "true", "yes", "1" -> assessableValue = true;
                case "false", "no", "0" -> assessableValue = false;
                default -> errors.add(FieldError.atLine(row.line(), "assessable",
                        "must be true or false, was '" + row.cell(assessable) + "'"));
            }
            entries.add(new CatalogDocument.Entry(row.cell(ref), emptyToNull(row.cell(parent)),
                    kindCell.isEmpty() ? "CONTROL" : kindCell, assessableValue, row.cell(titleColumn),
                    emptyToNull(row.cell(guidance)), null, null, row.line()));
        }
        return new ParsedCatalog(new CatalogDocument(catalogId, version, title, publisher, entries), errors);
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
