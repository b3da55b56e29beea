package io.gaplens.catalog.service.imports;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read into memory: its header and its non-blank rows, each with the line number where
 * it starts. Accepts UTF-8 with or without a byte order mark, LF or CRLF line endings, quoted cells
 * that contain line breaks, and a comma or semicolon delimiter, whichever the header line uses more.
 */
public record CsvTable(List<String> header, List<Row> rows, char delimiter) {

    /** One data row; {@code line} is the 1-based line of the file where the row starts. */
    public record Row(int line, List<String> cells) {

        public String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column).strip();
        }
    }

    /** Parses {@code body}, or throws a 400 problem when it is empty, not UTF-8 or not well-formed CSV. */
    public static CsvTable parse(byte[] body) {
        String text = decode(body);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw ApiException.invalid("body", "the CSV file is empty; expected a header line and at least one row");
        }

        char delimiter = detectDelimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            long previousLine = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                int line = (int) previousLine + 1;
                previousLine = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                if (isBlank(cells)) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                } else {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.invalid("The request body is not well-formed CSV",
                    List.of(new FieldError("body", describe(e))));
        }
        return new CsvTable(header, rows, delimiter);
    }

    /** Returns the index of the first header cell equal to one of {@code names}, ignoring case, or -1. */
    public int column(String... names) {
        for (int i = 0; i < header.size(); i++) {
            for (String name : names) {
                if (header.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("body", "the CSV file is not valid UTF-8; save it as UTF-8 and retry");
        }
    }

    /** Counts commas and semicolons outside quotes on the header line and picks the more frequent one. */
    private static char detectDelimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "the CSV could not be parsed: " + message;
    }
}
