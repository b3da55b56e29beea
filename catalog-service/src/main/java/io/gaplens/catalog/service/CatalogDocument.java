package io.gaplens.catalog.service;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Map;

/**
 * A catalogue version in GapLens's import format: the JSON that {@code catalog.schema.json}
 * describes. CSV and OSCAL imports are converted into it, so that one validation serves all formats.
 */
public record CatalogDocument(String catalogId, String version, String title, String publisher,
                              List<Entry> requirements) {

    /**
     * One requirement or grouping node. {@code line} is the source line of a CSV import, used in
     * error reports; it is not part of the JSON format and is null for the other formats.
     */
    public record Entry(String ref, String parent, String kind, Boolean assessable, String title, String guidance,
                        Boolean newIn2022, Map<String, List<String>> attributes, @JsonIgnore Integer line) {
    }
}
