package io.github.kalturareport.core.archive;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.kalturareport.core.ConfigurationException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The archives the archive tests run against: a SQLite file in a temp directory, and a real PostgreSQL server named
 * by {@code KALTURA_TEST_POSTGRES_URL} (with {@code KALTURA_TEST_POSTGRES_USER} and
 * {@code KALTURA_TEST_POSTGRES_PASSWORD}; {@code .ci/postgres start DIR} starts one). Without that server the
 * PostgreSQL cases are skipped, saying why, except under {@code CI=true}, where they fail: CI never skips them.
 * Each PostgreSQL archive is a schema of its own, so tests do not see each other's tables.
 */
public final class TestArchives {

    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";

    private TestArchives() {
    }

    /** The backends, for {@code @MethodSource}. */
    public static Stream<String> backends() {
        return Stream.of(SQLITE, POSTGRESQL);
    }

    /** A new, empty archive on this backend. */
    public static ArchiveLocation create(String backend, Path dir) throws ConfigurationException {
        if (SQLITE.equals(backend)) {
            return ArchiveLocation.parse(dir.resolve("archive-" + UUID.randomUUID() + ".db").toString(), null);
        }
        String url = System.getenv("KALTURA_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String why = "KALTURA_TEST_POSTGRES_URL is not set: no PostgreSQL server for the archive tests (start one"
                    + " with .ci/postgres start DIR and export the lines it prints)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + ". Under CI=true the PostgreSQL archive tests must run, never be skipped.");
            }
            Assumptions.abort(why);
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url, credentials()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("Cannot reach the PostgreSQL server of KALTURA_TEST_POSTGRES_URL " + url + ": " + e.getMessage());
        }
        String user = System.getenv("KALTURA_TEST_POSTGRES_USER");
        String password = System.getenv("KALTURA_TEST_POSTGRES_PASSWORD");
        return ArchiveLocation.parse(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, null)
                .withCredentials(user, password == null ? null : password.toCharArray());
    }

    private static Properties credentials() {
        Properties p = new Properties();
        String user = System.getenv("KALTURA_TEST_POSTGRES_USER");
        String password = System.getenv("KALTURA_TEST_POSTGRES_PASSWORD");
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** A plain connection to the archive, for a test to look inside. */
    public static Connection connect(ArchiveLocation archive) throws SQLException {
        Properties p = new Properties();
        if (archive.user() != null) {
            p.setProperty("user", archive.user());
        }
        if (archive.password() != null) {
            p.setProperty("password", new String(archive.password()));
        }
        return DriverManager.getConnection(archive.url(), p);
    }

    /** One query's rows, each as its values joined by '|', in the order of the query. */
    public static List<String> rows(ArchiveLocation archive, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(archive); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(text(r.getObject(i)));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The same text for a value on either database (PostgreSQL writes the double 3.0 as "3"). */
    private static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return Double.toString(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(value);
    }

    /** A single number from a query. */
    public static long number(ArchiveLocation archive, String sql) throws SQLException {
        return Long.parseLong(rows(archive, sql).get(0));
    }

    /**
     * Everything a fetch puts in the archive, sorted, for comparing two archives: the report tables, and the sync
     * state without the last run's time.
     */
    public static Map<String, List<String>> snapshot(ArchiveLocation archive, String... tables) throws SQLException {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (String table : tables) {
            snapshot.put(table, sorted(rows(archive, "SELECT * FROM " + table)));
        }
        snapshot.put("kaltura_sync_state", sorted(rows(archive,
                "SELECT report, filters, watermark, watermark_at FROM kaltura_sync_state")));
        return snapshot;
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }
}
