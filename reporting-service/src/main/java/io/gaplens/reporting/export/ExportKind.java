package io.gaplens.reporting.export;

import io.gaplens.platform.api.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The files a report can be exported as, named as they appear in the export URL. */
public enum ExportKind {
    SUMMARY_CSV("summary.csv", "text/csv; charset=UTF-8"),
    SUMMARY_XLSX("summary.xlsx", ExportKind.XLSX),
    GAPS_CSV("gaps.csv", "text/csv; charset=UTF-8"),
    GAPS_XLSX("gaps.xlsx", ExportKind.XLSX),
    SOA_CSV("soa.csv", "text/csv; charset=UTF-8"),
    SOA_XLSX("soa.xlsx", ExportKind.XLSX),
    REPORT_HTML("report.html", "text/html; charset=UTF-8"),
    REPORT_PDF("report.pdf", "application/pdf"),
    OSCAL_ASSESSMENT_RESULTS("oscal-assessment-results.json", "application/json"),
    OSCAL_POAM("oscal-poam.json", "application/json");

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String fileName;
    private final String mediaType;

    ExportKind(String fileName, String mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Finds the kind named {@code value}, or fails with 400 listing the valid names. */
    public static ExportKind parse(String value) {
        return Arrays.stream(values()).filter(kind -> kind.fileName.equals(value)).findFirst()
                .orElseThrow(() -> ApiException.invalid("kind", "must be one of "
                        + Arrays.stream(values()).map(ExportKind::fileName).collect(Collectors.joining(", "))
                        + ", was '" + value + "'"));
    }
}
