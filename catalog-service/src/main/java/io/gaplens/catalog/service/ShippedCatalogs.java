package io.gaplens.catalog.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.catalog.domain.Catalog;
import io.gaplens.catalog.domain.CatalogVersion;
import io.gaplens.catalog.domain.RequirementMapping;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Loads the catalogues shipped with GapLens at start: ISO/IEC 27001:2022, ISO/IEC 27001:2013 and
 * the 2013-to-2022 mapping of ISO/IEC 27002:2022 Annex B. A version that is present already is
 * left as it is, because published versions never change.
 */
@ApplicationScoped
public class ShippedCatalogs {

    public static final String ISO_27001 = "iso-iec-27001";
    public static final String EDITION_2022 = "2022";
    public static final String EDITION_2013 = "2013";

    private static final Logger LOG = Logger.getLogger(ShippedCatalogs.class);
    private static final List<String> CATALOG_RESOURCES = List.of(
            "/catalogs/iso-iec-27001-2022.json",
            "/catalogs/iso-iec-27001-2013.json");
    private static final String MAPPING_RESOURCE = "/catalogs/mapping-2013-to-2022.csv";

    @Inject
    CatalogService catalogs;

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "catalog.seed.enabled", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            load();
        }
    }

    @Transactional
    void load() {
        for (String resource : CATALOG_RESOURCES) {
            CatalogDocument document = read(resource);
            boolean present = Catalog.findVisible(null, document.catalogId())
                    .flatMap(catalog -> CatalogVersion.find(catalog, document.version()))
                    .isPresent();
            if (!present) {
                catalogs.importDraft(null, document);
                catalogs.publish(null, document.catalogId(), document.version());
            }
        }
        loadMapping();
    }

    private void loadMapping() {
        CatalogVersion source = catalogs.findVersion(null, ISO_27001, EDITION_2013);
        CatalogVersion target = catalogs.findVersion(null, ISO_27001, EDITION_2022);
        if (RequirementMapping.count("sourceVersion = ?1 and targetVersion = ?2", source, target) > 0) {
            return;
        }

        int rows = 0;
        try (InputStream in = ShippedCatalogs.class.getResourceAsStream(MAPPING_RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!"source_ref,target_ref,relationship".equals(header)) {
                throw new IllegalStateException(MAPPING_RESOURCE + " has an unexpected header: " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                RequirementMapping mapping = new RequirementMapping();
                mapping.id = UUID.randomUUID();
                mapping.sourceVersion = source;
                mapping.sourceRef = cells[0].trim();
                mapping.targetVersion = target;
                mapping.targetFramework = "ISO/IEC 27001:2022";
                mapping.targetRef = cells[1].trim();
                mapping.relationship = cells[2].trim();
                mapping.createdAt = CatalogService.now();
                mapping.persist();
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("Mapping ISO/IEC 27001:2013 to 2022 loaded: %d rows", rows);
    }

    private CatalogDocument read(String resource) {
        try (InputStream in = ShippedCatalogs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Shipped catalogue " + resource + " is missing from the build");
            }
            return objectMapper.readValue(in, CatalogDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + resource + " failed", e);
        }
    }
}
