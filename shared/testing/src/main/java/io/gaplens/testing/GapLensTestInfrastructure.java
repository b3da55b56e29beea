package io.gaplens.testing;

import io.gaplens.infra.KafkaBroker;
import io.gaplens.infra.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Starts a real PostgreSQL server and a real Kafka broker on 127.0.0.1 for one test JVM, and points
 * quarkus-oidc at the test signing key so that tokens from {@link TestTokens} are accepted.
 *
 * <p>Register it once per service module with
 * {@code @WithTestResource(value = GapLensTestInfrastructure.class, scope = TestResourceScope.GLOBAL)}.
 */
public class GapLensTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "gaplens";

    private LocalPostgres postgres;
    private KafkaBroker kafka;

    @Override
    public Map<String, String> start() {
        try {
            postgres = LocalPostgres.startTemporary();
            postgres.createDatabase(DATABASE);
            kafka = KafkaBroker.onFreePorts().start();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Starting the test infrastructure failed", e);
        }

        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", "",
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.oidc.public-key", publicKeyBase64(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
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
