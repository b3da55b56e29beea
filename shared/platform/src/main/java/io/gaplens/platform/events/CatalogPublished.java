package io.gaplens.platform.events;

import java.time.OffsetDateTime;

/** A catalogue version was published; it is immutable from now on. {@code tenantId} is null for shipped catalogues. */
public record CatalogPublished(String tenantId, String catalogId, String version, String title,
                               int requirementCount, int assessableCount, OffsetDateTime publishedAt) {
}
