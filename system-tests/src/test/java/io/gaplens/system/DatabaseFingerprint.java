package io.gaplens.system;

import io.gaplens.infra.LocalPostgres;
import io.gaplens.scenario.GapLensStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The row count and an MD5 digest of the sorted rows of every table in the five service
 * databases, keyed by {@code database.table}. Two equal fingerprints mean that no row was
 * inserted, updated or deleted in between.
 */
record DatabaseFingerprint(Map<String, String> tables) {

    private static final Duration QUIET_INTERVAL = Duration.ofSeconds(2);

    static DatabaseFingerprint take(GapLensStack stack) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        for (String service : GapLensStack.SERVICES) {
            String database = GapLensStack.database(service);
            try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database),
                    LocalPostgres.USER, "");
                 Statement statement = connection.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                for (String name : names) {
                    // Sorting by the row's text makes the digest independent of the physical row order.
                    String sql = "select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '')"
                            + " from public.\"" + name + "\" t";
                    try (ResultSet row = statement.executeQuery(sql)) {
                        row.next();
                        tables.put(database + "." + name, row.getLong(1) + " rows, md5 " + row.getString(2));
                    }
                }
            }
        }
        return new DatabaseFingerprint(tables);
    }

    /**
     * Takes fingerprints {@link #QUIET_INTERVAL} apart until two in a row are equal, so that
     * events still in flight from earlier requests have been consumed, or fails after {@code timeout}.
     */
    static DatabaseFingerprint awaitQuiet(GapLensStack stack, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        DatabaseFingerprint previous = take(stack);
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(QUIET_INTERVAL.toMillis());
            DatabaseFingerprint current = take(stack);
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        throw new IllegalStateException("The databases still changed after " + timeout.toSeconds() + " s: "
                + previous.changedTables(take(stack)));
    }

    /** Returns the tables whose rows differ between this fingerprint and {@code later}, with both digests. */
    List<String> changedTables(DatabaseFingerprint later) {
        List<String> changed = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(tables.keySet());
        names.addAll(later.tables.keySet());
        for (String name : names) {
            String before = tables.get(name);
            String after = later.tables.get(name);
            if (before == null || !before.equals(after)) {
                changed.add(name + ": " + before + " -> " + after);
            }
        }
        return changed;
    }
}
