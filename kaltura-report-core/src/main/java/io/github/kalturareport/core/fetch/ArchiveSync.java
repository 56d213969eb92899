package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.internal.archive.ArchiveDatabase;
import io.github.kalturareport.core.internal.archive.ReportTable;
import io.github.kalturareport.core.internal.archive.SyncState;
import io.github.kalturareport.core.internal.archive.TableLoader;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.ReportDefinition;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A fetch's side of the archive (docs/archive.md). Before the first request: the archive is opened (so a bad URL,
 * password or newer schema fails in a second, not after the download) and, for an incremental run, the range is
 * read from the watermarks. During the fetch, its {@link ArchiveWriter} streams each window into its table; once
 * every report file is complete, each report's watermark and last run are set and the whole run commits, in one
 * transaction.
 */
final class ArchiveSync {

    private final FetchSettings settings;
    private final ArchiveLocation archive;

    private ArchiveSync(FetchSettings settings) {
        this.settings = settings;
        this.archive = settings.output().archive();
    }

    /** None without an archive. */
    static ArchiveSync of(FetchSettings settings) {
        return settings.output().archive() == null ? null : new ArchiveSync(settings);
    }

    /**
     * The settings to run with: for an incremental run, from the earliest of the reports' watermarks minus the
     * lookback up to the end of the default range (now); a report the archive has no watermark for starts where
     * the default range does (its first run is a backfill).
     */
    FetchSettings prepare() throws KalturaReportException {
        try (ArchiveDatabase db = open()) {
            DateRange given = settings.query().range();
            if (!settings.incremental()) {
                db.commit(); // the schema, when this run created or upgraded it
                return settings;
            }
            Instant from = null;
            Instant watermark = null;
            for (ReportDefinition report : settings.query().reports()) {
                OptionalLong w = SyncState.watermark(db, ReportTable.tableName(report), filterSet(report));
                Instant start = given.from();
                if (w.isPresent()) {
                    Instant at = Instant.ofEpochSecond(w.getAsLong());
                    start = at.minus(settings.output().lookback());
                    watermark = watermark == null || at.isBefore(watermark) ? at : watermark;
                }
                from = from == null || start.isBefore(from) ? start : from;
            }
            db.commit();
            if (watermark == null) {
                return settings.withRange(new DateRange(given.from(), given.to(), given.zone(), given.description()
                        + " (archive: first run, a backfill)"));
            }
            Instant start = from.isAfter(given.to()) ? given.to() : from;
            return settings.withRange(new DateRange(start, given.to(), given.zone(), "archive watermark "
                    + watermark + " - lookback " + settings.output().lookback() + " .. now"));
        } catch (SQLException e) {
            throw new KalturaReportException("Cannot read the sync state of the archive " + archive.describe()
                    + ": " + e.getMessage() + ". Nothing was fetched.", e);
        }
    }

    /** A writer for the run's windows, each loaded as it comes (see {@link ArchiveWriter}). */
    ArchiveWriter writer() {
        return new ArchiveWriter(this);
    }

    /**
     * After every report's windows are loaded into {@code db}: advances each report's watermark and last run and
     * commits, all or nothing; returns what went in, for the manifest.
     *
     * @param counts what each report's load did, by table name, in the order of the run's reports
     */
    Map<String, Object> commit(ArchiveDatabase db, FetchSettings run, Map<String, TableLoader.Counts> counts)
            throws KalturaReportException {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("location", archive.describe());
        section.put("incremental", settings.incremental());
        section.put("lookback", run.output().lookback().toString());
        Map<String, Object> tables = new LinkedHashMap<>();
        Instant now = run.clock().instant();
        long loadedUpTo = run.query().range().toEpochSecond();
        try {
            for (ReportDefinition report : run.query().reports()) {
                ReportTable table = ReportTable.of(report);
                TableLoader.Counts c = counts.get(table.name());
                long watermark = SyncState.advance(db, table.name(), filterSet(report), loadedUpTo, now);
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("report", report.name());
                t.put("key", table.keys());
                t.put("inserted", c.inserted());
                t.put("updated", c.updated());
                t.put("unchanged", c.unchanged());
                t.put("watermark", Instant.ofEpochSecond(watermark).toString());
                tables.put(table.name(), t);
            }
            db.commit();
        } catch (SQLException e) {
            throw new KalturaReportException("Cannot update the sync state of the archive " + archive.describe()
                    + ": " + e.getMessage() + ". Nothing of this run was saved in the archive.", e);
        }
        section.put("tables", tables);
        return section;
    }

    ArchiveDatabase open() throws KalturaReportException {
        return ArchiveDatabase.open(archive.url(), archive.user(), archive.password(), archive.describe());
    }

    /**
     * The filter set a report's sync state is kept under: the filters it takes, each with its ids sorted, e.g.
     * {@code entryIds=1_a,1_b;userIds=u1}; empty for none.
     */
    private String filterSet(ReportDefinition report) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Filter, List<String>> f : settings.query().filters().entrySet()) {
            if (report.isCustom() || report.filters().containsKey(f.getKey())) {
                List<String> ids = new ArrayList<>(f.getValue());
                ids.replaceAll(String::trim);
                ids.sort(null);
                parts.add(f.getKey().parameter() + "=" + String.join(",", ids));
            }
        }
        return String.join(";", parts);
    }
}
