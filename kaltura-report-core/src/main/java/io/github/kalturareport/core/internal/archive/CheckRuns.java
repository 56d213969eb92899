package io.github.kalturareport.core.internal.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check runs and their rule results (docs/archive.md): {@code kaltura_check_runs} has one row per run (when, and
 * the range of the data it checked), {@code kaltura_check_results} one per rule and group (the quantity the rule
 * measures, the rule's text, the group, the actual value, the bounds, the verdict, the previous value).
 */
public final class CheckRuns {

    /** One result as kept; values in the metric's units, null where there is none. */
    public record Result(String quantity, String rule, String group, Double actual, Double minimum, Double maximum,
            String verdict, Double previous) {
    }

    /** An earlier value. */
    public record Point(Instant runAt, double value) {
    }

    private CheckRuns() {
    }

    /** Adds a run and its results; the caller commits. Returns the run's id. */
    public static long record(ArchiveDatabase db, Instant runAt, String rangeFrom, String rangeTo,
            List<Result> results) throws SQLException {
        long runId;
        try (Statement s = db.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT COALESCE(MAX(run_id), 0) + 1 FROM " + Schema.CHECK_RUNS)) {
            r.next();
            runId = r.getLong(1); // safe: the run holds the archive's lock
        }
        try (PreparedStatement s = db.connection().prepareStatement("INSERT INTO " + Schema.CHECK_RUNS
                + " (run_id, run_at, run_at_ms, range_from, range_to) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, runId);
            s.setString(2, runAt.toString());
            s.setLong(3, runAt.toEpochMilli());
            s.setString(4, rangeFrom);
            s.setString(5, rangeTo);
            s.executeUpdate();
        }
        try (PreparedStatement s = db.connection().prepareStatement("INSERT INTO " + Schema.CHECK_RESULTS
                + " (run_id, seq, quantity, rule, group_value, actual, minimum, maximum, verdict, previous)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Result result : results) {
                s.setLong(1, runId);
                s.setInt(2, ++seq);
                s.setString(3, result.quantity());
                s.setString(4, result.rule());
                s.setString(5, result.group() == null ? "" : result.group());
                setDouble(s, 6, result.actual());
                setDouble(s, 7, result.minimum());
                setDouble(s, 8, result.maximum());
                s.setString(9, result.verdict());
                setDouble(s, 10, result.previous());
                s.addBatch();
                if (seq % TableLoader.BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        return runId;
    }

    /** Per group, the value of the latest run that has one for the quantity and group. */
    public static Map<String, Double> previous(ArchiveDatabase db, String quantity) throws SQLException {
        Map<String, Double> latest = new LinkedHashMap<>();
        try (PreparedStatement s = db.connection().prepareStatement("SELECT x.group_value, x.actual FROM "
                + Schema.CHECK_RESULTS + " x JOIN " + Schema.CHECK_RUNS + " r ON r.run_id = x.run_id"
                + " WHERE x.quantity = ? AND x.actual IS NOT NULL ORDER BY r.run_at_ms DESC, r.run_id DESC")) {
            s.setString(1, quantity);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    latest.putIfAbsent(r.getString(1), r.getDouble(2));
                }
            }
        }
        return latest;
    }

    /** Up to {@code limit} latest values of a quantity for one group, oldest first. */
    public static List<Point> series(ArchiveDatabase db, String quantity, String group, int limit)
            throws SQLException {
        List<Point> points = new ArrayList<>();
        // One point per run: rules sharing a quantity record the same value once each.
        try (PreparedStatement s = db.connection().prepareStatement("SELECT r.run_at, MIN(x.actual) FROM "
                + Schema.CHECK_RESULTS + " x JOIN " + Schema.CHECK_RUNS + " r ON r.run_id = x.run_id"
                + " WHERE x.quantity = ? AND x.group_value = ? AND x.actual IS NOT NULL"
                + " GROUP BY r.run_id, r.run_at, r.run_at_ms ORDER BY r.run_at_ms DESC, r.run_id DESC")) {
            s.setString(1, quantity);
            s.setString(2, group == null ? "" : group);
            s.setMaxRows(Math.max(0, limit));
            try (ResultSet r = s.executeQuery()) {
                while (r.next() && points.size() < limit) {
                    points.add(new Point(Instant.parse(r.getString(1)), r.getDouble(2)));
                }
            }
        }
        Collections.reverse(points);
        return points;
    }

    private static void setDouble(PreparedStatement s, int p, Double v) throws SQLException {
        if (v == null || v.isNaN()) {
            s.setNull(p, Types.DOUBLE);
        } else {
            s.setDouble(p, v);
        }
    }
}
