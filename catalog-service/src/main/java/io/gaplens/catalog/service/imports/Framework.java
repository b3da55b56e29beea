package io.gaplens.catalog.service.imports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A framework that a mapping column header names and GapLens ships as a catalogue version.
 * ISO/IEC 27002 numbers its controls like the Annex A controls of ISO/IEC 27001 of the same year,
 * so its columns resolve to those Annex A controls ({@code annexAOnly}).
 */
public record Framework(String label, String catalogId, String version, boolean annexAOnly) {

    private static final Pattern ISO_HEADER = Pattern.compile(
            "ISO(?:\\s*/\\s*IEC)?\\s*(27001|27002)\\s*[:\\s]\\s*(2013|2022)", Pattern.CASE_INSENSITIVE);

    /**
     * Recognises headers such as "ISO 27001:2022", "ISO/IEC 27002:2022" or "ISO27001 2013"; any
     * other header is not a known framework.
     */
    public static Optional<Framework> fromHeader(String header) {
        Matcher matcher = ISO_HEADER.matcher(header.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String standard = matcher.group(1);
        String year = matcher.group(2);
        return Optional.of(new Framework("ISO/IEC " + standard + ":" + year, "iso-iec-27001", year,
                standard.equals("27002")));
    }
}
