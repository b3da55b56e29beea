package io.gaplens.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.catalog.domain.CatalogVersion;
import io.gaplens.catalog.service.imports.CatalogCsvReader;
import io.gaplens.catalog.service.imports.CsvTable;
import io.gaplens.catalog.service.imports.InternalControlsCsvReader;
import io.gaplens.catalog.service.imports.OscalCatalogReader;
import io.gaplens.catalog.service.imports.ParsedCatalog;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Converts an uploaded catalogue file into a {@link ParsedCatalog} by its media type and
 * {@code format} query parameter, and stores it as a draft.
 */
@ApplicationScoped
public class CatalogImports {

    public static final String OSCAL_JSON = "application/vnd.oscal+json";

    /** The values of the {@code format} query parameter. */
    public enum Format {
        GAPLENS, CSV, INTERNAL_CONTROLS, OSCAL;

        static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("format", "must be one of gaplens, csv, internal-controls or oscal; was '"
                        + value + "'");
            }
        }
    }

    /** Catalogue metadata given as query parameters, for formats that do not carry it. */
    public record Metadata(String catalogId, String version, String title, String publisher) {
    }

    @Inject
    CatalogService catalogs;

    @Inject
    ObjectMapper objectMapper;

    public CatalogVersion importFile(String tenant, String mediaType, String formatParameter, Metadata metadata,
                                     byte[] body) throws JsonProcessingException {
        Format format = Format.parse(formatParameter);
        ParsedCatalog parsed;
        if (mediaType.equalsIgnoreCase("text/csv")) {
            parsed = readCsv(format, metadata, body);
        } else if (mediaType.equalsIgnoreCase(OSCAL_JSON) || format == Format.OSCAL) {
            requireFormat(format, Format.OSCAL);
            parsed = readOscal(metadata, body);
        } else {
            requireFormat(format, Format.GAPLENS);
            parsed = new ParsedCatalog(readDocument(body), List.of());
        }
        return catalogs.importDraft(tenant, parsed);
    }

    private ParsedCatalog readCsv(Format format, Metadata metadata, byte[] body) {
        CsvTable table = CsvTable.parse(body);
        if (format == null) {
            if (CatalogCsvReader.matches(table)) {
                format = Format.CSV;
            } else if (InternalControlsCsvReader.matches(table)) {
                format = Format.INTERNAL_CONTROLS;
            } else {
                throw ApiException.invalid("The CSV header matches no known layout", List.of(FieldError.atLine(1,
                        "header", "expected the columns ref,parent,kind,assessable,title,guidance or an export with "
                                + "Control ID,Title,Description,Audit Methodology,Policy")));
            }
        }
        return switch (format) {
            case CSV -> CatalogCsvReader.read(table, metadata.catalogId(), metadata.version(), metadata.title(),
                    metadata.publisher());
            case INTERNAL_CONTROLS -> InternalControlsCsvReader.read(table, metadata.catalogId(), metadata.version(),
                    metadata.title(), metadata.publisher());
            default -> throw ApiException.invalid("format", "a text/csv body takes format csv or internal-controls");
        };
    }

    private ParsedCatalog readOscal(Metadata metadata, byte[] body) throws JsonProcessingException {
        JsonNode root = readTree(body);
        return OscalCatalogReader.read(root, metadata.catalogId(), metadata.version(), metadata.title(),
                metadata.publisher());
    }

    private CatalogDocument readDocument(byte[] body) throws JsonProcessingException {
        JsonNode root = readTree(body);
        try {
            return objectMapper.treeToValue(root, CatalogDocument.class);
        } catch (JsonMappingException e) {
            // Handled here because Quarkus's own MismatchedInputException mapper would otherwise respond
            // with a body that is not problem details.
            throw ApiException.invalid(jsonPath(e), "has the wrong JSON type; catalog.schema.json gives the expected one");
        }
    }

    /** Builds a field path such as {@code requirements[2].title} from a Jackson mapping error. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Parses JSON; a syntax error propagates to the problem mapper, which reports its line and column. */
    private JsonNode readTree(byte[] body) throws JsonProcessingException {
        if (body == null || body.length == 0) {
            throw ApiException.invalid("body", "the request body is empty; expected a JSON object");
        }
        try {
            JsonNode root = objectMapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw ApiException.invalid("body", "must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFormat(Format format, Format expected) {
        if (format != null && format != expected) {
            throw ApiException.invalid("format", "does not match the content type; this body takes format "
                    + expected.name().toLowerCase(Locale.ROOT));
        }
    }
}
