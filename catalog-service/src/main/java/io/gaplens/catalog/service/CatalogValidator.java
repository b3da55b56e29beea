package io.gaplens.catalog.service;

import io.gaplens.catalog.domain.RequirementKind;
import io.gaplens.platform.api.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole catalogue document and lists every error, so that an import is accepted entirely
 * or rejected with all its problems at once.
 */
final class CatalogValidator {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/()-]{0,63}");
    static final Set<String> ATTRIBUTE_NAMES = Set.of(
            "controlType", "securityProperties", "cybersecurityConcepts", "operationalCapabilities", "securityDomains");
    static final int MAX_REQUIREMENTS = 5_000;
    /** Long enough for the statement and guidance prose of OSCAL catalogues such as NIST SP 800-53. */
    static final int MAX_GUIDANCE = 20_000;

    private CatalogValidator() {
    }

    static List<FieldError> validate(CatalogDocument document) {
        List<FieldError> errors = new ArrayList<>();
        if (document.catalogId() == null || !KEY.matcher(document.catalogId()).matches()) {
            errors.add(new FieldError("catalogId", "must be 1-64 lowercase letters, digits or hyphens"));
        }
        if (document.version() == null || !VERSION.matcher(document.version()).matches()) {
            errors.add(new FieldError("version", "must be 1-32 letters, digits, dots, hyphens or underscores"));
        }
        if (isBlank(document.title()) || document.title().length() > 500) {
            errors.add(new FieldError("title", "is required, at most 500 characters"));
        }
        List<CatalogDocument.Entry> entries = document.requirements();
        if (entries == null || entries.isEmpty()) {
            errors.add(new FieldError("requirements", "must contain at least one requirement"));
            return errors;
        }
        if (entries.size() > MAX_REQUIREMENTS) {
            errors.add(new FieldError("requirements", "must contain at most " + MAX_REQUIREMENTS + " requirements"));
            return errors;
        }

        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            CatalogDocument.Entry entry = entries.get(i);
            String field = "requirements[" + i + "]";
            if (entry == null) {
                errors.add(at(null, field, "must be an object"));
                continue;
            }
            if (entry.ref() == null || !REF.matcher(entry.ref()).matches()) {
                errors.add(at(entry, field + ".ref", "must be 1-64 characters: letters, digits and . _ : / ( ) -"));
            } else if (firstIndex.putIfAbsent(entry.ref(), i) != null) {
                errors.add(at(entry, field + ".ref", "duplicate reference '" + entry.ref() + "'"));
            }
            if (isBlank(entry.title()) || entry.title().length() > 500) {
                errors.add(at(entry, field + ".title", "is required, at most 500 characters"));
            }
            if (entry.guidance() != null && entry.guidance().length() > MAX_GUIDANCE) {
                errors.add(at(entry, field + ".guidance", "must be at most " + MAX_GUIDANCE + " characters"));
            }
            if (kindOf(entry) == null) {
                errors.add(at(entry, field + ".kind", "must be one of " + List.of(RequirementKind.values())));
            }
            if (entry.attributes() != null) {
                for (String name : entry.attributes().keySet()) {
                    if (!ATTRIBUTE_NAMES.contains(name)) {
                        errors.add(at(entry, field + ".attributes." + name, "unknown attribute; expected one of "
                                + ATTRIBUTE_NAMES.stream().sorted().toList()));
                    }
                }
            }
        }

        Set<String> refs = firstIndex.keySet();
        for (int i = 0; i < entries.size(); i++) {
            CatalogDocument.Entry entry = entries.get(i);
            if (entry == null || entry.parent() == null || entry.parent().isEmpty()) {
                continue;
            }
            if (!refs.contains(entry.parent())) {
                errors.add(at(entry, "requirements[" + i + "].parent", "unknown parent '" + entry.parent() + "'"));
            } else if (entry.parent().equals(entry.ref())) {
                errors.add(at(entry, "requirements[" + i + "].parent", "a requirement cannot be its own parent"));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(findCycles(entries));
        }
        return errors;
    }

    static RequirementKind kindOf(CatalogDocument.Entry entry) {
        if (entry.kind() == null) {
            return null;
        }
        try {
            return RequirementKind.valueOf(entry.kind().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<FieldError> findCycles(List<CatalogDocument.Entry> entries) {
        Map<String, String> parents = new HashMap<>();
        for (CatalogDocument.Entry entry : entries) {
            parents.put(entry.ref(), entry.parent());
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Set<String> seen = new HashSet<>();
            String current = entries.get(i).ref();
            while (current != null && !current.isEmpty()) {
                if (!seen.add(current)) {
                    errors.add(at(entries.get(i), "requirements[" + i + "].parent",
                            "the parent chain of '" + entries.get(i).ref() + "' forms a cycle"));
                    break;
                }
                current = parents.get(current);
            }
        }
        return errors;
    }

    /** Names the field of a CSV row by its column ({@code kind}) and a JSON entry by its path ({@code requirements[3].kind}). */
    private static FieldError at(CatalogDocument.Entry entry, String field, String message) {
        if (entry == null || entry.line() == null) {
            return new FieldError(field, message);
        }
        String column = field.startsWith("requirements[") ? field.substring(field.indexOf("].") + 2) : field;
        return FieldError.atLine(entry.line(), column, message);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
