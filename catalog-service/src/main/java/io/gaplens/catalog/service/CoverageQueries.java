package io.gaplens.catalog.service;

import io.gaplens.catalog.api.CatalogViews.CoverageView;
import io.gaplens.catalog.api.CatalogViews.CoveredRequirement;
import io.gaplens.catalog.api.CatalogViews.SectionCoverage;
import io.gaplens.catalog.api.CatalogViews.TargetRequirement;
import io.gaplens.catalog.domain.CatalogVersion;
import io.gaplens.catalog.domain.Requirement;
import io.gaplens.catalog.domain.RequirementMapping;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes which assessable requirements of a target catalogue version the controls of a source
 * version cover through their mappings. A target requirement is covered when at least one mapping
 * names it directly. A mapping to a grouping node, such as clause 9.2, covers none of the
 * requirements below it, because a reference to a whole group does not show which of them a
 * control addresses.
 */
@ApplicationScoped
public class CoverageQueries {

    @Inject
    CatalogService catalogs;

    /**
     * Returns the coverage of {@code target} ("catalogId:version") by {@code source}. The given
     * top-level sections of the target, or all of them when none is given, are counted. When
     * {@code annexA} is true, only the Annex A sections among them are counted.
     */
    public CoverageView coverage(String tenant, CatalogVersion source, String target, List<String> sections,
                                 boolean annexA) {
        CatalogVersion targetVersion = targetVersion(tenant, target);
        List<Requirement> targetRequirements = Requirement.list("catalogVersion = ?1 order by position", targetVersion);
        Map<String, Requirement> roots = new LinkedHashMap<>();
        for (Requirement requirement : targetRequirements) {
            if (requirement.parentRef == null) {
                roots.put(requirement.ref, requirement);
            }
        }
        Set<String> scope = scope(roots.keySet(), sections, annexA);

        List<Requirement> sourceRequirements = Requirement.list("catalogVersion = ?1 order by position", source);
        Map<String, Integer> sourcePosition = new HashMap<>();
        sourceRequirements.forEach(requirement -> sourcePosition.put(requirement.ref, requirement.position));
        Map<String, Set<String>> sourcesByTarget = new HashMap<>();
        Set<String> mappedSources = new LinkedHashSet<>();
        List<RequirementMapping> mappings = RequirementMapping.list(
                "sourceVersion = ?1 and targetVersion = ?2 and (tenantId is null or tenantId = ?3)",
                source, targetVersion, tenant);
        for (RequirementMapping mapping : mappings) {
            sourcesByTarget.computeIfAbsent(mapping.targetRef, ref -> new LinkedHashSet<>()).add(mapping.sourceRef);
            mappedSources.add(mapping.sourceRef);
        }

        List<CoveredRequirement> covered = new ArrayList<>();
        List<TargetRequirement> uncovered = new ArrayList<>();
        Map<String, int[]> countsBySection = new LinkedHashMap<>();
        scope.forEach(section -> countsBySection.put(section, new int[2]));
        for (Requirement requirement : targetRequirements) {
            if (!requirement.assessable || !scope.contains(requirement.sectionRef)) {
                continue;
            }
            int[] counts = countsBySection.get(requirement.sectionRef);
            counts[0]++;
            Set<String> sourceRefs = sourcesByTarget.get(requirement.ref);
            if (sourceRefs == null) {
                uncovered.add(new TargetRequirement(requirement.ref, requirement.sectionRef, requirement.title));
            } else {
                counts[1]++;
                List<String> ordered = sourceRefs.stream()
                        .sorted((a, b) -> Integer.compare(sourcePosition.getOrDefault(a, Integer.MAX_VALUE),
                                sourcePosition.getOrDefault(b, Integer.MAX_VALUE)))
                        .toList();
                covered.add(new CoveredRequirement(requirement.ref, requirement.sectionRef, requirement.title,
                        ordered));
            }
        }

        List<SectionCoverage> bySection = new ArrayList<>();
        countsBySection.forEach((section, counts) -> bySection.add(new SectionCoverage(section,
                roots.get(section).title, counts[0], counts[1], counts[0] - counts[1])));
        List<String> unmappedSources = sourceRequirements.stream()
                .filter(requirement -> requirement.assessable && !mappedSources.contains(requirement.ref))
                .map(requirement -> requirement.ref)
                .toList();
        return new CoverageView(source.catalog.key, source.version, targetVersion.catalog.key, targetVersion.version,
                List.copyOf(scope), covered.size() + uncovered.size(), covered.size(), uncovered.size(), bySection,
                covered, uncovered, unmappedSources);
    }

    private CatalogVersion targetVersion(String tenant, String target) {
        if (target == null || target.isBlank()) {
            throw ApiException.invalid("target", "is required, as catalogId:version, for example iso-iec-27001:2022");
        }
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw ApiException.invalid("target", "must be catalogId:version, for example iso-iec-27001:2022; was '"
                    + target + "'");
        }
        return catalogs.findVersion(tenant, target.substring(0, colon).strip(), target.substring(colon + 1).strip());
    }

    /**
     * Returns the sections in target document order. A value lists sections separated by commas, and
     * {@code A.5..A.7} names the range of top-level sections from A.5 to A.7 in document order.
     * Unknown sections and reversed ranges are rejected with 400.
     */
    private static Set<String> scope(Set<String> roots, List<String> sections, boolean annexA) {
        List<String> ordered = List.copyOf(roots);
        Set<String> requested = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (String value : sections == null ? List.<String>of() : sections) {
            for (String item : value.split(",")) {
                String section = item.strip();
                if (section.isEmpty()) {
                    continue;
                }
                int range = section.indexOf("..");
                if (range < 0) {
                    addSection(section, ordered, requested, errors);
                } else {
                    addRange(section.substring(0, range).strip(), section.substring(range + 2).strip(), ordered,
                            requested, errors);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.size() == 1 ? "section: " + errors.get(0).message()
                    : errors.size() + " sections are invalid", errors);
        }

        Set<String> scope = new LinkedHashSet<>();
        for (String root : ordered) {
            boolean inAnnexA = root.startsWith("A.");
            boolean requestedSection = requested.isEmpty() || requested.contains(root);
            if (requestedSection && (!annexA || inAnnexA)) {
                scope.add(root);
            }
        }
        return scope;
    }

    private static void addSection(String section, List<String> roots, Set<String> requested,
                                   List<FieldError> errors) {
        if (roots.contains(section)) {
            requested.add(section);
        } else {
            errors.add(new FieldError("section", "unknown section '" + section + "'; the target has " + roots));
        }
    }

    private static void addRange(String first, String last, List<String> roots, Set<String> requested,
                                 List<FieldError> errors) {
        int from = roots.indexOf(first);
        int to = roots.indexOf(last);
        if (from < 0 || to < 0) {
            String unknown = from < 0 ? first : last;
            errors.add(new FieldError("section", "unknown section '" + unknown + "'; the target has " + roots));
        } else if (from > to) {
            errors.add(new FieldError("section", "the range " + first + ".." + last
                    + " is reversed; write the earlier section first"));
        } else {
            requested.addAll(roots.subList(from, to + 1));
        }
    }
}
