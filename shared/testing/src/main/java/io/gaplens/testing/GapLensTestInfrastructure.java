package io.gaplens.testing;

import io.gaplens.infra.KafkaBroker;
import io.gaplens.infra.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a real PostgreSQL server and a real Kafka broker on 127.0.0.1 for one test JVM, and points
 * quarkus-oidc at the test signing key so that tokens from {@link TestTokens} are accepted.
 *
 * <p>Register it once per service module with
 * {@code @WithTestResource(value = GapLensTestInfrastructure.class, scope = TestResourceScope.GLOBAL)}.
 *
 * <p>The init arg {@value #SERVICES_ARG} (comma-separated service names, such as {@code catalog-service})
 * also starts those GapLens services from their packaged jars with {@link ServiceProcess}, each with its
 * own database on the same PostgreSQL server, the same broker and the same OIDC key. Each service's
 * base URL is then in the configuration property {@code gaplens.test.<service>.url}. Without the arg,
 * no other service is started.
 */
public class GapLensTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** The init arg that names the GapLens services to start next to the service under test. */
    public static final String SERVICES_ARG = "services";

    private static final String DATABASE = "gaplens";

    private LocalPostgres postgres;
    private KafkaBroker kafka;
    private List<String> serviceNames = List.of();
    private final List<ServiceProcess> services = new ArrayList<>();

    @Override
    public void init(Map<String, String> initArgs) {
        String names = initArgs.get(SERVICES_ARG);
        if (names == null || names.isBlank()) {
            return;
        }
        List<String> parsed = new ArrayList<>();
        for (String name : names.split(",")) {
            String trimmed = name.trim();
            if (!trimmed.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("Invalid service name '" + trimmed + "' in init arg "
                        + SERVICES_ARG + ": use module names such as catalog-service");
            }
            parsed.add(trimmed);
        }
        serviceNames = List.copyOf(parsed);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            postgres = LocalPostgres.startTemporary();
            postgres.createDatabase(DATABASE);
            kafka = KafkaBroker.onFreePorts().start();
            for (String service : serviceNames) {
                ServiceProcess process = startService(service);
                services.add(process);
                config.put("gaplens.test." + service + ".url", process.baseUrl());
            }
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Starting the test infrastructure failed", e);
        }

        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.public-key", publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return config;
    }

    private ServiceProcess startService(String service) throws Exception {
        String database = service.replace('-', '_');
        postgres.createDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.public-key", publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return ServiceProcess.start(service, config);
    }

    @Override
    public void stop() {
        for (ServiceProcess service : services) {
            service.close();
        }
        services.clear();
        try {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String publicKeyBase64() {
        try (InputStream in = GapLensTestInfrastructure.class.getResourceAsStream("/gaplens-test-keys/public-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
