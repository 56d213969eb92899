package io.github.kalturareport.maven.it;

import java.io.File;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an archive the way a user's SQL does, for the archive recipes' {@code verify.groovy}: a SQLite file, or the
 * PostgreSQL server of the archive tests ({@code KALTURA_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}).
 * The drivers are called directly, not through {@code DriverManager}, which ignores drivers of a script's class loader.
 */
public final class ItArchive {

    /** The environment variables naming the PostgreSQL server of the archive tests (docs/archive.md). */
    public static final String URL = "KALTURA_TEST_POSTGRES_URL";
    public static final String USER = "KALTURA_TEST_POSTGRES_USER";
    public static final String PASSWORD = "KALTURA_TEST_POSTGRES_PASSWORD";

    /** The archive's own tables and the reports' tables the examples fill. */
    private static final List<String> TABLES = List.of("rooms", "attendees", "breakouts", "kaltura_check_results",
            "kaltura_check_runs", "kaltura_sync_state", "kaltura_schema_version");

    /** An archive to query: {@code ItArchive::sqlite} bound to a file, or {@code ItArchive::postgres}. */
    @FunctionalInterface
    public interface Sql {
        List<Map<String, Object>> rows(String sql) throws SQLException;
    }

    /** A table's line in the manifest's archive section, with its counts. */
    private static final Pattern LOADED = Pattern.compile("\"(rooms|attendees)\"\\s*:\\s*\\{\\s*\"report\"[^}]*?"
            + "\"inserted\"\\s*:\\s*(\\d+),\\s*\"updated\"\\s*:\\s*(\\d+),\\s*\"unchanged\"\\s*:\\s*(\\d+)");

    private ItArchive() {
    }

    /**
     * What every archive recipe's IT shows after running its command twice on one archive with
     * examples/scheduled-archive (two courses, rooms and attendees, a check per course), the second run with a
     * lookback over the first run's range: the second run was incremental, from the watermark, and fetched every row
     * again without inserting or changing one; the archive holds each row once, only the courses' rooms, and a sync
     * state per report and course.
     */
    public static void twoRuns(File basedir, Sql archive) throws SQLException {
        Map<String, Long> loaded = new LinkedHashMap<>();
        for (String course : List.of("algebra-101", "biology-201")) {
            File dir = new File(basedir, "target/kaltura-reports/" + course);
            String manifest = manifestText(dir);
            if (!manifest.matches("(?s).*\"archive\"\\s*:\\s*\\{.*\"incremental\"\\s*:\\s*true.*")
                    || !manifest.contains("archive watermark")) {
                throw new AssertionError(course + ": the second run was not incremental from the watermark:\n" + manifest);
            }
            Matcher table = LOADED.matcher(manifest);
            int tables = 0;
            while (table.find()) {
                tables++;
                long rows = ItChecks.dataRows(new File(dir, table.group(1) + ".csv"));
                String counts = course + " " + table.group(1) + ": the second run " + table.group(0);
                equal(counts + "; inserted", 0, Long.parseLong(table.group(2)));
                equal(counts + "; updated", 0, Long.parseLong(table.group(3)));
                equal(counts + "; unchanged, as many as the rows fetched again", rows, Long.parseLong(table.group(4)));
                if (rows == 0) {
                    throw new AssertionError(counts + ": fetched nothing again, so it proves nothing");
                }
                loaded.merge(table.group(1), rows, Long::sum);
            }
            equal(course + ": tables loaded by the second run", 2, tables);
        }
        long rooms = number(archive.rows("SELECT COUNT(*) FROM rooms"));
        long attendees = number(archive.rows("SELECT COUNT(*) FROM attendees"));
        equal("the archive's rooms: each session of both courses once", loaded.get("rooms"), rooms);
        equal("the archive's attendees: each attendee of each session once", loaded.get("attendees"), attendees);
        equal("one row per session", rooms,
                number(archive.rows("SELECT COUNT(*) FROM (SELECT DISTINCT entry_id, cue_point_id FROM rooms) k")));
        equal("one row per attendee and session", attendees, number(archive.rows(
                "SELECT COUNT(*) FROM (SELECT DISTINCT entry_id, cue_point_id, user_id FROM attendees) k")));
        equal("only the courses' four rooms", 4, number(archive.rows("SELECT COUNT(DISTINCT entry_id) FROM rooms")));
        equal("no attendee outside the courses' sessions", 0, number(archive.rows("SELECT COUNT(*) FROM attendees a"
                + " WHERE NOT EXISTS (SELECT 1 FROM rooms r WHERE r.entry_id = a.entry_id"
                + " AND r.cue_point_id = a.cue_point_id)")));
        equal("a sync state per report and course", 4,
                number(archive.rows("SELECT COUNT(*) FROM kaltura_sync_state WHERE last_run IS NOT NULL")));
        checkRuns(archive);
    }

    /**
     * The checks recorded their runs: one per course and run (2 × 2), each with the range of its manifest and a
     * result per rule and group; Algebra's {@code vs previous} rule was NO DATA in the first run (nothing earlier)
     * and judged in the second, against the first run's value.
     */
    private static void checkRuns(Sql archive) throws SQLException {
        equal("check runs: 2 courses x 2 runs", 4, number(archive.rows("SELECT COUNT(*) FROM kaltura_check_runs")));
        equal("check runs without the range of their data", 0, number(archive.rows(
                "SELECT COUNT(*) FROM kaltura_check_runs WHERE range_from IS NULL OR range_to IS NULL")));
        equal("check runs without results", 0, number(archive.rows("SELECT COUNT(*) FROM kaltura_check_runs r"
                + " WHERE NOT EXISTS (SELECT 1 FROM kaltura_check_results x WHERE x.run_id = r.run_id)")));
        List<Map<String, Object>> compared = archive.rows("SELECT x.run_id, x.verdict, x.actual, x.previous"
                + " FROM kaltura_check_results x WHERE x.rule LIKE '%vs previous%' ORDER BY x.run_id");
        if (compared.size() != 2) {
            throw new AssertionError("Algebra's vs previous rule: expected a result in each of its two runs, got "
                    + compared);
        }
        Map<String, Object> first = compared.get(0);
        Map<String, Object> second = compared.get(1);
        if (!"NO_DATA".equals(first.get("verdict")) || first.get("previous") != null || first.get("actual") == null) {
            throw new AssertionError("the first run has nothing to compare with: NO_DATA, its value kept, got "
                    + first);
        }
        if (!List.of("PASS", "FAIL").contains(second.get("verdict"))
                || !first.get("actual").equals(second.get("previous"))) {
            throw new AssertionError("the second run is judged against the first run's value " + first.get("actual")
                    + ", got " + second);
        }
    }

    private static void equal(String what, long expected, long actual) {
        if (expected != actual) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static String manifestText(File dir) {
        try {
            return java.nio.file.Files.readString(dir.toPath().resolve("manifest.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The rows of {@code sql} on a SQLite file, each a map from column label to value. */
    public static List<Map<String, Object>> sqlite(File db, String sql) throws SQLException {
        if (!db.isFile()) {
            throw new AssertionError("Expected a SQLite archive at " + db);
        }
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + db.getAbsolutePath(), new Properties())) {
            return query(c, sql);
        }
    }

    /** The rows of {@code sql} on the test PostgreSQL server. */
    public static List<Map<String, Object>> postgres(String sql) throws SQLException {
        try (Connection c = postgresConnection()) {
            return query(c, sql);
        }
    }

    /** The one value of a query that returns one row and one column, as a long. */
    public static long number(List<Map<String, Object>> rows) {
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("Expected one value, got " + rows);
        }
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    /**
     * Whether the PostgreSQL archive IT can run: true when the server is named; false, saying why, when it is not
     * and CI is not {@code true}; an error when CI is {@code true} (CI never skips the PostgreSQL cases).
     */
    public static boolean postgresConfigured() {
        if (isSet(System.getenv(URL)) && isSet(System.getenv(USER)) && isSet(System.getenv(PASSWORD))) {
            return true;
        }
        String why = URL + ", " + USER + " and " + PASSWORD + " are not all set: no PostgreSQL server for the archive"
                + " recipe (start one with .ci/postgres start DIR, then export DIR/env; docs/archive.md)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(why + ". CI=true: the PostgreSQL IT must not be skipped.");
        }
        String warning = "[WARNING] example-archive-postgres is skipped: " + why + ".";
        System.out.println(warning); // into the IT's build.log, where invoker sends a script's output
        // and on the console, past that redirection: the summary alone says "skipped", not why
        java.io.PrintStream console = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err),
                true, java.nio.charset.StandardCharsets.UTF_8);
        console.println(warning);
        return false;
    }

    /** Drops the examples' tables from the connection's current schema, so the recipe's first run is a backfill. */
    public static void dropPostgresTables() throws SQLException {
        try (Connection c = postgresConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
        }
    }

    private static Connection postgresConnection() throws SQLException {
        Driver driver = new org.postgresql.Driver();
        Properties properties = new Properties();
        properties.setProperty("user", System.getenv(USER));
        properties.setProperty("password", System.getenv(PASSWORD));
        Connection c = driver.connect(System.getenv(URL), properties);
        if (c == null) {
            throw new IllegalStateException(URL + " is not a jdbc:postgresql: URL");
        }
        return c;
    }

    private static List<Map<String, Object>> query(Connection c, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
