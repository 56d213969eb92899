package io.github.kalturareport.core.internal.archive;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.internal.Version;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The archive's versioned schema (docs/archive.md): {@code kaltura_schema_version} lists the migrations applied;
 * each migration is an ordered list of statements applied once, in order, in the run's transaction, so a later
 * release upgrades an archive in place. An archive from a newer release is refused, not guessed at. The report
 * tables are not migrations: each is derived from its report's definition when first loaded ({@link ReportTable}).
 */
public final class Schema {

    static final String VERSION_TABLE = "kaltura_schema_version";
    public static final String SYNC_STATE = "kaltura_sync_state";
    public static final String CHECK_RUNS = "kaltura_check_runs";
    public static final String CHECK_RESULTS = "kaltura_check_results";

    /** Migration {@code i} brings the schema to version {@code i + 1}. Only ever append. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of("CREATE TABLE " + SYNC_STATE + " (report TEXT NOT NULL, filters TEXT NOT NULL,"
                    + " watermark BIGINT NOT NULL, watermark_at TEXT NOT NULL, last_run TEXT NOT NULL,"
                    + " PRIMARY KEY (report, filters))",
                    "CREATE TABLE " + CHECK_RUNS + " (run_id BIGINT NOT NULL PRIMARY KEY, run_at TEXT NOT NULL,"
                    + " run_at_ms BIGINT NOT NULL, range_from TEXT, range_to TEXT)",
                    "CREATE TABLE " + CHECK_RESULTS + " (run_id BIGINT NOT NULL REFERENCES " + CHECK_RUNS
                    + " (run_id), seq INTEGER NOT NULL, quantity TEXT NOT NULL, rule TEXT NOT NULL,"
                    + " group_value TEXT NOT NULL, actual DOUBLE PRECISION, minimum DOUBLE PRECISION,"
                    + " maximum DOUBLE PRECISION, verdict TEXT NOT NULL, previous DOUBLE PRECISION,"
                    + " PRIMARY KEY (run_id, seq))",
                    "CREATE INDEX kaltura_check_results_quantity ON " + CHECK_RESULTS
                    + " (quantity, group_value, run_id)"));

    /** The schema version this release writes. */
    public static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    static void migrate(ArchiveDatabase db) throws SQLException, KalturaReportException {
        try (Statement s = db.connection().createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE
                    + " (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
            int current;
            try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
                r.next();
                current = r.getInt(1);
            }
            if (current > VERSION) {
                throw new KalturaReportException("The archive " + db.where() + " has schema version " + current
                        + ", written by a newer kaltura-report; this one (" + Version.VALUE + ") knows versions up to "
                        + VERSION + " and leaves it untouched. Upgrade kaltura-report to use this archive.");
            }
            for (int v = current + 1; v <= VERSION; v++) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    s.executeUpdate(sql);
                }
                try (PreparedStatement p = db.connection().prepareStatement("INSERT INTO " + VERSION_TABLE
                        + " (version, applied_at) VALUES (?, ?)")) {
                    p.setInt(1, v);
                    p.setString(2, Instant.now().toString());
                    p.executeUpdate();
                }
            }
        }
    }
}
