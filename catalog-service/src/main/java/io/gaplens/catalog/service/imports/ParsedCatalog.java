package io.gaplens.catalog.service.imports;

import io.gaplens.catalog.service.CatalogDocument;
import io.gaplens.platform.api.FieldError;

import java.util.List;

/**
 * A catalogue converted from an import format, with the errors found while reading it. The
 * service adds the errors of the common validation, so that one response lists every problem.
 */
public record ParsedCatalog(CatalogDocument document, List<FieldError> errors) {
}
