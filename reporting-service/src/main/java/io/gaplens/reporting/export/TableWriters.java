package io.gaplens.reporting.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes tables as CSV (UTF-8 with a byte order mark, RFC 4180) and as XLSX workbooks. */
public final class TableWriters {

    /** The UTF-8 byte order mark, which makes spreadsheet programs read the CSV as UTF-8. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final int MAX_SHEET_NAME = 31;

    private TableWriters() {
    }

    public static byte[] csv(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write(BYTE_ORDER_MARK);
            printer.printRecord(table.headers());
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell == null ? "" : cell.toString()));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing CSV to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Writes each table to its own sheet, with the headers in bold in the first row. */
    public static byte[] xlsx(List<Table> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "GapLens", "1.0");
            for (Table table : tables) {
                String name = table.name().length() > MAX_SHEET_NAME ? table.name().substring(0, MAX_SHEET_NAME) : table.name();
                Worksheet sheet = workbook.newWorksheet(name);
                for (int column = 0; column < table.headers().size(); column++) {
                    sheet.value(0, column, table.headers().get(column));
                    sheet.style(0, column).bold().set();
                }
                int rowIndex = 1;
                for (List<Object> row : table.rows()) {
                    for (int column = 0; column < row.size(); column++) {
                        Object cell = row.get(column);
                        if (cell instanceof Number number) {
                            sheet.value(rowIndex, column, number);
                        } else if (cell != null) {
                            sheet.value(rowIndex, column, cell.toString());
                        }
                    }
                    rowIndex++;
                }
                sheet.freezePane(0, 1);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing XLSX to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
