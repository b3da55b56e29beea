package io.gaplens.assessment.service;

import io.gaplens.assessment.domain.Evidence;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.InclusionReason;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads answers from CSV as GRC platforms export them: a header row naming the columns, comma or
 * semicolon delimiters (whichever the header uses more), quoted cells that may span lines, CRLF
 * or LF line ends. The caller removes a UTF-8 byte order mark. Evidence columns hold one item per
 * line of the cell, and the n-th lines of the evidence columns form the n-th item.
 */
final class CsvAnswerParser {

    static final String REQUIREMENT = "requirement";
    static final String STATUS = "status";
    static final String MATURITY = "maturity";
    static final String JUSTIFICATION = "justification";
    static final String INCLUSION_REASONS = "inclusion_reasons";
    static final String NOTES = "notes";
    static final String EVIDENCE_TITLE = "evidence_title";
    static final String EVIDENCE_REFERENCE = "evidence_reference";
    static final String EVIDENCE_OWNER = "evidence_owner";
    static final String EVIDENCE_COLLECTED_ON = "evidence_collected_on";

    static final List<String> COLUMNS = List.of(REQUIREMENT, STATUS, MATURITY, JUSTIFICATION, INCLUSION_REASONS, NOTES,
            EVIDENCE_TITLE, EVIDENCE_REFERENCE, EVIDENCE_OWNER, EVIDENCE_COLLECTED_ON);

    private CsvAnswerParser() {
    }

    /**
     * Parses every data row. A header problem (missing, unknown or repeated column) and unreadable
     * CSV fail at once; a bad cell becomes an error of its row.
     */
    static List<ImportRow> parse(String text, int maxRows) {
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        List<ImportRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw ApiException.invalid("body", "the CSV is empty: send a header row and one row per answer");
            }
            Map<String, Integer> columns = header(records.next());
            long lineBefore = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = (int) lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (isBlank(record)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw ApiException.invalid("body", "the import has more than " + maxRows
                            + " rows; split it into several imports");
                }
                rows.add(row(line, record, columns));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ApiException.invalid("body", "the CSV cannot be read: " + rootMessage(e));
        }
        return rows;
    }

    private static ImportRow row(int line, CSVRecord record, Map<String, Integer> columns) {
        List<FieldError> errors = new ArrayList<>();
        String requirement = cell(record, columns, REQUIREMENT);
        if (requirement == null) {
            errors.add(FieldError.atLine(line, REQUIREMENT, "missing"));
        }

        ImplementationStatus status = null;
        String statusText = cell(record, columns, STATUS);
        if (statusText == null) {
            errors.add(FieldError.atLine(line, STATUS, "missing: one of " + List.of(ImplementationStatus.values())));
        } else {
            status = AnswerValues.status(statusText).orElse(null);
            if (status == null) {
                errors.add(FieldError.atLine(line, STATUS, "invalid value '" + statusText + "', expected one of "
                        + List.of(ImplementationStatus.values())));
            }
        }

        Integer maturity = null;
        String maturityText = cell(record, columns, MATURITY);
        if (maturityText != null) {
            try {
                maturity = Integer.valueOf(maturityText);
            } catch (NumberFormatException e) {
                errors.add(FieldError.atLine(line, MATURITY, "invalid value '" + maturityText
                        + "', expected an integer from 0 to 5"));
            }
        }

        List<InclusionReason> reasons = new ArrayList<>();
        String reasonsText = cell(record, columns, INCLUSION_REASONS);
        if (reasonsText != null) {
            for (String part : reasonsText.split("[;|]")) {
                if (part.isBlank()) {
                    continue;
                }
                Optional<InclusionReason> reason = AnswerValues.inclusionReason(part);
                if (reason.isPresent()) {
                    reasons.add(reason.get());
                } else {
                    errors.add(FieldError.atLine(line, INCLUSION_REASONS, "invalid value '" + part.strip()
                            + "', expected one of " + List.of(InclusionReason.values())));
                }
            }
        }

        List<Evidence> evidence = evidence(line, record, columns, errors);
        AnswerInput input = new AnswerInput(status, maturity, cell(record, columns, JUSTIFICATION), reasons,
                cell(record, columns, NOTES), evidence, null, null);
        return new ImportRow(line, "", AnswerRules.FieldNames.CSV, requirement, REQUIREMENT, input, errors);
    }

    private static List<Evidence> evidence(int line, CSVRecord record, Map<String, Integer> columns,
                                           List<FieldError> errors) {
        List<String> titles = lines(cell(record, columns, EVIDENCE_TITLE));
        List<String> references = lines(cell(record, columns, EVIDENCE_REFERENCE));
        List<String> owners = lines(cell(record, columns, EVIDENCE_OWNER));
        List<String> dates = lines(cell(record, columns, EVIDENCE_COLLECTED_ON));
        Map<String, List<String>> others = new LinkedHashMap<>();
        others.put(EVIDENCE_REFERENCE, references);
        others.put(EVIDENCE_OWNER, owners);
        others.put(EVIDENCE_COLLECTED_ON, dates);
        others.forEach((column, values) -> {
            if (values.size() > titles.size()) {
                errors.add(FieldError.atLine(line, column, "has " + values.size() + " lines but " + EVIDENCE_TITLE
                        + " has " + titles.size() + ": give each evidence item a title on the same line"));
            }
        });

        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            String date = item(dates, i);
            LocalDate collectedOn = null;
            if (date != null) {
                try {
                    collectedOn = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    errors.add(FieldError.atLine(line, EVIDENCE_COLLECTED_ON, "invalid date '" + date
                            + "', expected YYYY-MM-DD"));
                }
            }
            evidence.add(new Evidence(item(titles, i), item(references, i), item(owners, i), collectedOn));
        }
        return evidence;
    }

    private static Map<String, Integer> header(CSVRecord header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (name.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                errors.add(FieldError.atLine(1, name, "unknown column; the columns are " + COLUMNS));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(FieldError.atLine(1, name, "column appears twice"));
            }
        }
        for (String required : List.of(REQUIREMENT, STATUS)) {
            if (!columns.containsKey(required)) {
                errors.add(FieldError.atLine(1, required, "missing column"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The CSV header is invalid; nothing was imported", errors);
        }
        return columns;
    }

    /** Returns the delimiter the header line uses: semicolon when it has more semicolons than commas. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static List<String> lines(String cell) {
        if (cell == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : cell.split("\r?\n")) {
            lines.add(line.strip());
        }
        return lines;
    }

    private static String item(List<String> values, int index) {
        if (index >= values.size() || values.get(index).isEmpty()) {
            return null;
        }
        return values.get(index);
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
