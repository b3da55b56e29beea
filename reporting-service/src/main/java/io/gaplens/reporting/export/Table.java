package io.gaplens.reporting.export;

import java.util.List;

/**
 * A sheet of an export: a name, column headers and rows. A cell is a String, a Number or null.
 * The constructor neutralises text cells against formula injection, so every writer gets safe text.
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {

    /** The characters that make a spreadsheet program read a cell as a formula or a control sequence. */
    private static final String FORMULA_TRIGGERS = "=+-@\t\r";

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(Table::neutraliseRow).toList();
    }

    /**
     * Prefixes a single quote to text that starts with =, +, -, @, tab or carriage return, so that
     * a spreadsheet program shows it as text and never evaluates it as a formula.
     */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_TRIGGERS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static List<Object> neutraliseRow(List<Object> row) {
        return row.stream().map(cell -> cell instanceof String text ? (Object) neutralise(text) : cell)
                .collect(java.util.stream.Collectors.toList());
    }
}
