package io.gaplens.catalog.service;

import io.gaplens.catalog.domain.Catalog;
import io.gaplens.catalog.domain.CatalogVersion;
import io.gaplens.catalog.domain.Requirement;
import io.gaplens.catalog.domain.RequirementKind;
import io.gaplens.catalog.domain.RequirementMapping;
import io.gaplens.catalog.domain.VersionStatus;
import io.gaplens.catalog.service.imports.ParsedCatalog;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import io.gaplens.platform.api.ProblemType;
import io.gaplens.platform.events.CatalogPublished;
import io.gaplens.platform.events.EventType;
import io.gaplens.platform.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Imports, publishes and looks up catalogue versions. */
@ApplicationScoped
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class);

    @Inject
    EventPublisher events;

    /**
     * Stores {@code document} as a draft version of a catalogue of {@code tenant} (null for a shipped
     * catalogue). A draft of the same version is replaced; a published one is never changed.
     */
    @Transactional
    public CatalogVersion importDraft(String tenant, CatalogDocument document) {
        return importDraft(tenant, new ParsedCatalog(document, List.of()));
    }

    /**
     * Stores a catalogue converted from CSV or OSCAL as a draft, like {@link #importDraft(String, CatalogDocument)}.
     * The errors found while reading the file are reported together with those of the common validation.
     */
    @Transactional
    public CatalogVersion importDraft(String tenant, ParsedCatalog parsed) {
        CatalogDocument document = parsed.document();
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(CatalogValidator.validate(document));
        errors.sort(Comparator.comparing((FieldError error) -> error.line() == null ? 0 : error.line()));
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The catalogue has " + errors.size() + " invalid entries; nothing was imported",
                    errors);
        }

        Catalog catalog = Catalog.find("key = ?1 and (tenantId is null or tenantId = ?2)", document.catalogId(), tenant)
                .<Catalog>firstResultOptional()
                .orElse(null);
        if (catalog != null && catalog.isShipped() && tenant != null) {
            throw ApiException.conflict("Catalogue '" + document.catalogId()
                    + "' is shipped with GapLens and cannot be changed; import under another catalogId", "catalogId");
        }
        if (catalog == null) {
            catalog = new Catalog();
            catalog.id = UUID.randomUUID();
            catalog.tenantId = tenant;
            catalog.key = document.catalogId();
            catalog.createdAt = now();
            catalog.title = catalogTitle(document);
            catalog.publisher = document.publisher();
            catalog.persist();
        }

        CatalogVersion version = CatalogVersion.find(catalog, document.version()).orElse(null);
        if (version != null && version.isPublished()) {
            throw ApiException.conflict("Version " + document.version() + " of '" + document.catalogId()
                    + "' is published and immutable; import the changes as a new version", "version");
        }
        boolean replacesDraft = version != null;
        if (replacesDraft) {
            Requirement.delete("catalogVersion", version);
        } else {
            version = new CatalogVersion();
            version.id = UUID.randomUUID();
            version.catalog = catalog;
            version.version = document.version();
            version.status = VersionStatus.DRAFT;
            version.createdAt = now();
        }
        version.title = document.title();
        version.persist();

        persistRequirements(version, document.requirements());
        if (replacesDraft) {
            dropMappingsOfRemovedRequirements(version, document.requirements());
        }
        LOG.infof("Catalogue %s version %s: draft with %d requirements imported", catalog.key, version.version,
                document.requirements().size());
        return version;
    }

    /** Publishes a draft version and announces it with CatalogPublished; publishing twice is harmless. */
    @Transactional
    public CatalogVersion publish(String tenant, String catalogKey, String versionName) {
        CatalogVersion version = findVersion(tenant, catalogKey, versionName);
        if (version.catalog.isShipped() && tenant != null) {
            throw new ApiException(ProblemType.FORBIDDEN,
                    "Shipped catalogues are published by GapLens itself");
        }
        if (version.isPublished()) {
            return version;
        }
        version.status = VersionStatus.PUBLISHED;
        version.publishedAt = now();

        long total = Requirement.count("catalogVersion", version);
        long assessable = Requirement.count("catalogVersion = ?1 and assessable = true", version);
        CatalogPublished published = new CatalogPublished(version.catalog.tenantId, version.catalog.key,
                version.version, version.title, (int) total, (int) assessable, version.publishedAt);
        String subject = version.catalog.key + ":" + version.version;
        events.publish(EventType.CATALOG_PUBLISHED, version.catalog.tenantId, subject, subject, published);
        LOG.infof("Catalogue %s version %s published: %d requirements, %d assessable", catalogKey, versionName,
                total, assessable);
        return version;
    }

    /** Finds a version that {@code tenant} can read, or fails with 404. */
    public CatalogVersion findVersion(String tenant, String catalogKey, String versionName) {
        Catalog catalog = Catalog.findVisible(tenant, catalogKey)
                .orElseThrow(() -> ApiException.notFound("Catalogue", catalogKey));
        return CatalogVersion.find(catalog, versionName)
                .orElseThrow(() -> ApiException.notFound("Version", versionName + " of catalogue " + catalogKey));
    }

    private void persistRequirements(CatalogVersion version, List<CatalogDocument.Entry> entries) {
        Map<String, String> parents = new HashMap<>();
        for (CatalogDocument.Entry entry : entries) {
            parents.put(entry.ref(), entry.parent() == null || entry.parent().isEmpty() ? null : entry.parent());
        }

        int position = 0;
        for (CatalogDocument.Entry entry : entries) {
            RequirementKind kind = CatalogValidator.kindOf(entry);
            Requirement requirement = new Requirement();
            requirement.id = UUID.randomUUID();
            requirement.catalogVersion = version;
            requirement.ref = entry.ref();
            requirement.parentRef = parents.get(entry.ref());
            requirement.sectionRef = rootOf(entry.ref(), parents);
            requirement.kind = kind;
            requirement.assessable = entry.assessable() != null ? entry.assessable()
                    : kind == RequirementKind.CONTROL;
            requirement.excludable = kind.isExcludable();
            requirement.title = entry.title().strip();
            requirement.guidance = entry.guidance() == null ? null : entry.guidance().strip();
            requirement.newInVersion = Boolean.TRUE.equals(entry.newIn2022());
            requirement.position = position++;
            if (entry.attributes() != null) {
                entry.attributes().forEach((name, values) -> values.forEach(
                        value -> requirement.attributes.add(new Requirement.Attribute(name, value))));
            }
            requirement.persist();
        }
    }

    /** Deletes the mapping rows whose source requirement the new draft no longer contains. */
    private static void dropMappingsOfRemovedRequirements(CatalogVersion version, List<CatalogDocument.Entry> entries) {
        List<String> refs = entries.stream().map(CatalogDocument.Entry::ref).toList();
        long dropped = RequirementMapping.delete("sourceVersion = ?1 and sourceRef not in ?2", version, refs);
        if (dropped > 0) {
            LOG.infof("Catalogue %s version %s: %d mapping rows of removed requirements deleted",
                    version.catalog.key, version.version, dropped);
        }
    }

    private static String rootOf(String ref, Map<String, String> parents) {
        String current = ref;
        for (int depth = 0; depth < 64 && parents.get(current) != null; depth++) {
            current = parents.get(current);
        }
        return current;
    }

    /**
     * Returns the title of the catalogue as a whole: the first version's title without its edition,
     * so that "ISO/IEC 27001:2022 Information security management systems" names the catalogue
     * "ISO/IEC 27001 Information security management systems". Later versions keep their own titles.
     */
    private static String catalogTitle(CatalogDocument document) {
        String title = document.title().replace(":" + document.version(), "").strip();
        return title.isEmpty() ? document.title().strip() : title;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

}
