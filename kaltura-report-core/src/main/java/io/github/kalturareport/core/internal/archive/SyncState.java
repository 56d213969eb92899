package io.github.kalturareport.core.internal.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The sync state (docs/archive.md): per report and filter set, the watermark (the end of the latest range loaded,
 * Unix seconds; it never moves back) and when a run last loaded it.
 */
public final class SyncState {

    private SyncState() {
    }

    /** The watermark of a report and filter set, if any run loaded it. */
    public static OptionalLong watermark(ArchiveDatabase db, String table, String filters) throws SQLException {
        try (PreparedStatement s = db.connection().prepareStatement("SELECT watermark FROM " + Schema.SYNC_STATE
                + " WHERE report = ? AND filters = ?")) {
            s.setString(1, table);
            s.setString(2, filters);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Moves the watermark to {@code loadedUpTo} unless it is already later, and sets the last run. */
    public static long advance(ArchiveDatabase db, String table, String filters, long loadedUpTo, Instant lastRun)
            throws SQLException {
        OptionalLong old = watermark(db, table, filters);
        long watermark = old.isPresent() ? Math.max(old.getAsLong(), loadedUpTo) : loadedUpTo;
        String sql = old.isPresent()
                ? "UPDATE " + Schema.SYNC_STATE + " SET watermark = ?, watermark_at = ?, last_run = ?"
                        + " WHERE report = ? AND filters = ?"
                : "INSERT INTO " + Schema.SYNC_STATE + " (watermark, watermark_at, last_run, report, filters)"
                        + " VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement s = db.connection().prepareStatement(sql)) {
            s.setLong(1, watermark);
            s.setString(2, Instant.ofEpochSecond(watermark).toString());
            s.setString(3, lastRun.toString());
            s.setString(4, table);
            s.setString(5, filters);
            s.executeUpdate();
        }
        return watermark;
    }
}
