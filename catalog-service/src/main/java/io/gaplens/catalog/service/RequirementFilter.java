package io.gaplens.catalog.service;

import io.gaplens.catalog.domain.RequirementKind;
import io.gaplens.platform.api.ApiException;

import java.util.Locale;

/** The filters of the requirement list, validated: every value that is set narrows the list. */
public record RequirementFilter(String section, RequirementKind kind, Boolean assessable, String attributeName,
                                String attributeValue, String text) {

    public static RequirementFilter parse(String section, String kind, String assessable, String attribute,
                                          String text) {
        RequirementKind parsedKind = null;
        if (kind != null && !kind.isBlank()) {
            try {
                parsedKind = RequirementKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("kind", "must be one of " + java.util.List.of(RequirementKind.values()));
            }
        }

        Boolean parsedAssessable = null;
        if (assessable != null && !assessable.isBlank()) {
            if (!assessable.equals("true") && !assessable.equals("false")) {
                throw ApiException.invalid("assessable", "must be true or false, was '" + assessable + "'");
            }
            parsedAssessable = Boolean.valueOf(assessable);
        }

        String attributeName = null;
        String attributeValue = null;
        if (attribute != null && !attribute.isBlank()) {
            int colon = attribute.indexOf(':');
            if (colon <= 0 || colon == attribute.length() - 1) {
                throw ApiException.invalid("attribute", "must be name:value, for example controlType:preventive");
            }
            attributeName = attribute.substring(0, colon).trim();
            attributeValue = attribute.substring(colon + 1).trim();
            if (!CatalogValidator.ATTRIBUTE_NAMES.contains(attributeName)) {
                throw ApiException.invalid("attribute", "unknown attribute '" + attributeName + "'; expected one of "
                        + CatalogValidator.ATTRIBUTE_NAMES.stream().sorted().toList());
            }
        }

        if (text != null && text.length() > 200) {
            throw ApiException.invalid("q", "must be at most 200 characters");
        }
        String blankToNull = section == null || section.isBlank() ? null : section.trim();
        return new RequirementFilter(blankToNull, parsedKind, parsedAssessable, attributeName, attributeValue,
                text == null || text.isBlank() ? null : text.trim());
    }
}
