package io.gaplens.catalog.service;

import io.gaplens.catalog.api.CatalogViews.CatalogSummary;
import io.gaplens.catalog.api.CatalogViews.MappingView;
import io.gaplens.catalog.api.CatalogViews.RequirementView;
import io.gaplens.catalog.api.CatalogViews.TreeNode;
import io.gaplens.catalog.api.CatalogViews.VersionDetail;
import io.gaplens.catalog.api.CatalogViews.VersionSummary;
import io.gaplens.catalog.domain.Catalog;
import io.gaplens.catalog.domain.CatalogVersion;
import io.gaplens.catalog.domain.Requirement;
import io.gaplens.catalog.domain.RequirementMapping;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Read-only views of catalogues; nothing here writes. */
@ApplicationScoped
public class CatalogQueries {

    public List<CatalogSummary> listCatalogs(String tenant) {
        List<Catalog> catalogs = Catalog.list("tenantId is null or tenantId = ?1 order by key", tenant);
        return catalogs.stream()
                .map(catalog -> new CatalogSummary(catalog.key, catalog.title, catalog.publisher, catalog.isShipped(),
                        CatalogVersion.listOf(catalog).stream().map(this::summary).toList()))
                .toList();
    }

    public VersionDetail detail(CatalogVersion version) {
        Map<String, Long> byKind = new TreeMap<>();
        List<Object[]> counts = Requirement.getEntityManager()
                .createQuery("select r.kind, count(r) from Requirement r where r.catalogVersion = :version group by r.kind",
                        Object[].class)
                .setParameter("version", version)
                .getResultList();
        for (Object[] row : counts) {
            byKind.put(row[0].toString(), (Long) row[1]);
        }
        VersionSummary summary = summary(version);
        return new VersionDetail(version.catalog.key, version.version, version.title, version.status.name(),
                version.catalog.isShipped(), version.createdAt, version.publishedAt, summary.requirementCount(),
                summary.assessableCount(), byKind);
    }

    public List<TreeNode> tree(CatalogVersion version) {
        List<Requirement> all = Requirement.list("catalogVersion = ?1 order by position", version);
        Map<String, List<Requirement>> children = new LinkedHashMap<>();
        List<Requirement> roots = new ArrayList<>();
        for (Requirement requirement : all) {
            if (requirement.parentRef == null) {
                roots.add(requirement);
            } else {
                children.computeIfAbsent(requirement.parentRef, key -> new ArrayList<>()).add(requirement);
            }
        }
        return roots.stream().map(root -> node(root, children)).toList();
    }

    public Page<RequirementView> requirements(CatalogVersion version, RequirementFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("catalogVersion = :version");
        Parameters parameters = Parameters.with("version", version);
        if (filter.section() != null) {
            query.append(" and sectionRef = :section");
            parameters.and("section", filter.section());
        }
        if (filter.kind() != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (filter.assessable() != null) {
            query.append(" and assessable = :assessable");
            parameters.and("assessable", filter.assessable());
        }
        if (filter.attributeName() != null) {
            query.append(" and exists (select 1 from Requirement other join other.attributes a where other = this"
                    + " and a.name = :attributeName and a.value = :attributeValue)");
            parameters.and("attributeName", filter.attributeName()).and("attributeValue", filter.attributeValue());
        }
        if (filter.text() != null) {
            query.append(" and (lower(title) like :text or lower(coalesce(guidance, '')) like :text or lower(ref) like :text)");
            parameters.and("text", "%" + escapeLike(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }

        var found = Requirement.<Requirement>find(query + " order by position", parameters);
        long total = found.count();
        List<Requirement> items = found.range(page.offset(), page.offset() + page.size() - 1).list();
        return Page.of(items.stream().map(CatalogQueries::view).toList(), page, total);
    }

    public RequirementView requirement(CatalogVersion version, String ref) {
        return view(findRequirement(version, ref));
    }

    /** Finds a requirement by reference; {@code 5.15} finds control {@code A.5.15} when no clause 5.15 exists. */
    public Requirement findRequirement(CatalogVersion version, String ref) {
        return lookup(version, ref)
                .or(() -> ref.startsWith("A.") ? Optional.empty() : lookup(version, "A." + ref))
                .orElseThrow(() -> ApiException.notFound("Requirement", ref + " in " + version.catalog.key + " "
                        + version.version));
    }

    public List<MappingView> mappings(String tenant, CatalogVersion version, String ref) {
        Requirement requirement = findRequirement(version, ref);
        List<MappingView> views = new ArrayList<>();
        List<RequirementMapping> outgoing = RequirementMapping.list(
                "sourceVersion = ?1 and sourceRef = ?2 and (tenantId is null or tenantId = ?3)"
                        + " order by targetRef, targetFramework",
                version, requirement.ref, tenant);
        for (RequirementMapping mapping : outgoing) {
            views.add(view("OUTGOING", mapping));
        }
        List<RequirementMapping> incoming = RequirementMapping.list(
                "targetVersion = ?1 and targetRef = ?2 and (tenantId is null or tenantId = ?3)"
                        + " order by sourceRef, targetFramework",
                version, requirement.ref, tenant);
        for (RequirementMapping mapping : incoming) {
            views.add(view("INCOMING", mapping));
        }
        return views;
    }

    private Optional<Requirement> lookup(CatalogVersion version, String ref) {
        return Requirement.find("catalogVersion = ?1 and ref = ?2", version, ref).firstResultOptional();
    }

    private VersionSummary summary(CatalogVersion version) {
        long total = Requirement.count("catalogVersion", version);
        long assessable = Requirement.count("catalogVersion = ?1 and assessable = true", version);
        return new VersionSummary(version.version, version.title, version.status.name(), version.publishedAt, total,
                assessable);
    }

    private static TreeNode node(Requirement requirement, Map<String, List<Requirement>> children) {
        List<TreeNode> nested = children.getOrDefault(requirement.ref, List.of()).stream()
                .map(child -> node(child, children))
                .toList();
        return new TreeNode(requirement.ref, requirement.kind.name(), requirement.assessable, requirement.title,
                nested.isEmpty() ? null : nested);
    }

    static RequirementView view(Requirement requirement) {
        Map<String, List<String>> attributes = new TreeMap<>();
        for (Requirement.Attribute attribute : requirement.attributes) {
            attributes.computeIfAbsent(attribute.name(), key -> new ArrayList<>()).add(attribute.value());
        }
        return new RequirementView(requirement.ref, requirement.parentRef, requirement.sectionRef,
                requirement.kind.name(), requirement.assessable, requirement.excludable, requirement.title,
                requirement.guidance, requirement.newInVersion, attributes.isEmpty() ? null : attributes);
    }

    private static MappingView view(String direction, RequirementMapping mapping) {
        CatalogVersion target = mapping.targetVersion;
        return new MappingView(direction, mapping.sourceVersion.catalog.key, mapping.sourceVersion.version,
                mapping.sourceRef, mapping.targetFramework, target == null ? null : target.catalog.key,
                target == null ? null : target.version, mapping.targetRef, mapping.relationship);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
