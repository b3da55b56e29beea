package io.gaplens.catalog.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.catalog.service.CatalogDocument;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an OSCAL catalog in its JSON form (OSCAL 1.x: a {@code catalog} object with {@code metadata},
 * {@code groups} and {@code controls}). Groups, nested at any depth, become grouping nodes of kind
 * GROUP and follow the controls of their parent group. Controls and their nested controls become
 * assessable controls. The reference of each node is its OSCAL {@code id}. The prose of the parts
 * named "statement" and "guidance", with their nested parts, becomes the guidance. Controls whose
 * {@code status} property is "withdrawn" are left out together with their nested controls.
 */
public final class OscalCatalogReader {

    /** Depth limit for nested groups and controls, so that a hostile document cannot exhaust the stack. */
    static final int MAX_DEPTH = 16;

    private final List<CatalogDocument.Entry> entries = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();

    private OscalCatalogReader() {
    }

    /**
     * Converts {@code root}. {@code version} and {@code title} default to the catalog's
     * {@code metadata.version} and {@code metadata.title} when they are null.
     */
    public static ParsedCatalog read(JsonNode root, String catalogId, String version, String title,
                                     String publisher) {
        OscalCatalogReader reader = new OscalCatalogReader();
        JsonNode catalog = root == null ? null : root.get("catalog");
        if (catalog == null || !catalog.isObject()) {
            throw ApiException.invalid("catalog", "is missing; an OSCAL catalog document has a top-level catalog object");
        }
        JsonNode metadata = catalog.path("metadata");
        String effectiveVersion = version != null ? version : textOrNull(metadata.path("version"));
        String effectiveTitle = title != null ? title : textOrNull(metadata.path("title"));

        reader.readControls(catalog.path("controls"), null, "catalog.controls", 0);
        reader.readGroups(catalog.path("groups"), null, "catalog.groups", 0);
        return new ParsedCatalog(new CatalogDocument(catalogId, effectiveVersion, effectiveTitle, publisher,
                reader.entries), reader.errors);
    }

    private void readGroups(JsonNode groups, String parent, String path, int depth) {
        if (groups.isMissingNode() || groups.isNull()) {
            return;
        }
        if (!groups.isArray()) {
            errors.add(new FieldError(path, "must be an array"));
            return;
        }
        if (depth >= MAX_DEPTH) {
            errors.add(new FieldError(path, "groups and controls may be nested at most " + MAX_DEPTH + " levels deep"));
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            JsonNode group = groups.get(i);
            String field = path + "[" + i + "]";
            String id = requireId(group, field);
            entries.add(new CatalogDocument.Entry(id, parent, "GROUP", false, textOrNull(group.path("title")),
                    null, null, null, null));
            readControls(group.path("controls"), id, field + ".controls", depth + 1);
            readGroups(group.path("groups"), id, field + ".groups", depth + 1);
        }
    }

    private void readControls(JsonNode controls, String parent, String path, int depth) {
        if (controls.isMissingNode() || controls.isNull()) {
            return;
        }
        if (!controls.isArray()) {
            errors.add(new FieldError(path, "must be an array"));
            return;
        }
        if (depth >= MAX_DEPTH) {
            errors.add(new FieldError(path, "groups and controls may be nested at most " + MAX_DEPTH + " levels deep"));
            return;
        }
        for (int i = 0; i < controls.size(); i++) {
            JsonNode control = controls.get(i);
            String field = path + "[" + i + "]";
            if (isWithdrawn(control)) {
                continue;
            }
            String id = requireId(control, field);
            entries.add(new CatalogDocument.Entry(id, parent, "CONTROL", true, textOrNull(control.path("title")),
                    guidance(control.path("parts")), null, null, null));
            readControls(control.path("controls"), id, field + ".controls", depth + 1);
        }
    }

    private String requireId(JsonNode node, String field) {
        String id = textOrNull(node.path("id"));
        if (id == null) {
            errors.add(new FieldError(field + ".id", "is required"));
        }
        return id;
    }

    private static boolean isWithdrawn(JsonNode control) {
        for (JsonNode property : control.path("props")) {
            if ("status".equals(property.path("name").asText())
                    && "withdrawn".equalsIgnoreCase(property.path("value").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Joins the prose of the statement parts, then of the guidance parts, as paragraphs. */
    private static String guidance(JsonNode parts) {
        List<String> paragraphs = new ArrayList<>();
        for (String name : List.of("statement", "guidance")) {
            for (JsonNode part : parts) {
                if (name.equals(part.path("name").asText())) {
                    collectProse(part, paragraphs, 0);
                }
            }
        }
        return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
    }

    private static void collectProse(JsonNode part, List<String> paragraphs, int depth) {
        String prose = textOrNull(part.path("prose"));
        if (prose != null) {
            paragraphs.add(prose);
        }
        if (depth < MAX_DEPTH) {
            for (JsonNode nested : part.path("parts")) {
                collectProse(nested, paragraphs, depth + 1);
            }
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }
}
