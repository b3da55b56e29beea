package io.gaplens.catalog.service;

import io.gaplens.catalog.api.CatalogViews.ChangedRequirement;
import io.gaplens.catalog.api.CatalogViews.RequirementView;
import io.gaplens.catalog.api.CatalogViews.VersionDiff;
import io.gaplens.catalog.domain.CatalogVersion;
import io.gaplens.catalog.domain.Requirement;
import io.gaplens.platform.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two versions of one catalogue. Requirements are matched by reference; a requirement
 * present in both is changed when its title, guidance, parent, kind or assessable flag differ.
 */
@ApplicationScoped
public class VersionDiffs {

    @Inject
    CatalogService catalogs;

    public VersionDiff diff(String tenant, String catalogKey, String from, String to) {
        if (from == null || from.isBlank()) {
            throw ApiException.invalid("from", "is required: the version to compare from");
        }
        if (to == null || to.isBlank()) {
            throw ApiException.invalid("to", "is required: the version to compare to");
        }
        Map<String, Requirement> before = byRef(catalogs.findVersion(tenant, catalogKey, from.strip()));
        Map<String, Requirement> after = byRef(catalogs.findVersion(tenant, catalogKey, to.strip()));

        List<RequirementView> added = new ArrayList<>();
        List<ChangedRequirement> changed = new ArrayList<>();
        for (Requirement requirement : after.values()) {
            Requirement previous = before.get(requirement.ref);
            if (previous == null) {
                added.add(CatalogQueries.view(requirement));
                continue;
            }
            List<String> fields = changedFields(previous, requirement);
            if (!fields.isEmpty()) {
                changed.add(new ChangedRequirement(requirement.ref, fields, CatalogQueries.view(previous),
                        CatalogQueries.view(requirement)));
            }
        }
        List<RequirementView> removed = before.values().stream()
                .filter(requirement -> !after.containsKey(requirement.ref))
                .map(CatalogQueries::view)
                .toList();
        return new VersionDiff(catalogKey, from.strip(), to.strip(), added.size(), removed.size(), changed.size(),
                added, removed, changed);
    }

    static List<String> changedFields(Requirement before, Requirement after) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(before.title, after.title)) {
            fields.add("title");
        }
        if (!Objects.equals(before.guidance, after.guidance)) {
            fields.add("guidance");
        }
        if (!Objects.equals(before.parentRef, after.parentRef)) {
            fields.add("parent");
        }
        if (before.kind != after.kind) {
            fields.add("kind");
        }
        if (before.assessable != after.assessable) {
            fields.add("assessable");
        }
        return fields;
    }

    private static Map<String, Requirement> byRef(CatalogVersion version) {
        Map<String, Requirement> byRef = new LinkedHashMap<>();
        for (Requirement requirement : Requirement.<Requirement>list("catalogVersion = ?1 order by position", version)) {
            byRef.put(requirement.ref, requirement);
        }
        return byRef;
    }
}
