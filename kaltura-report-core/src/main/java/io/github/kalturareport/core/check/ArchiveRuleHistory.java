package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.internal.archive.ArchiveDatabase;
import io.github.kalturareport.core.internal.archive.CheckRuns;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules' history in the archive's check-run tables (docs/archive.md): each call opens the archive, holds its lock
 * for the call only, and closes it; {@link #record} writes a run and all its results in one transaction.
 */
final class ArchiveRuleHistory implements RuleHistory {

    private final ArchiveLocation archive;

    ArchiveRuleHistory(ArchiveLocation archive) {
        this.archive = archive;
    }

    /**
     * The history of an archive that has been opened once: its connection, lock and schema checked (and the schema
     * upgraded), so an unreachable archive, a wrong password or an archive of a newer release fails before any CSV
     * is read, not after the pass.
     */
    static ArchiveRuleHistory opened(ArchiveLocation archive) throws KalturaReportException {
        ArchiveRuleHistory history = new ArchiveRuleHistory(archive);
        try (ArchiveDatabase db = history.open()) {
            db.commit();
        }
        return history;
    }

    @Override
    public Map<String, Double> previous(String quantityKey) throws KalturaReportException {
        try (ArchiveDatabase db = open()) {
            Map<String, Double> previous = CheckRuns.previous(db, quantityKey);
            db.commit();
            return previous;
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    /**
     * {@inheritDoc} One point per run: two rules on one quantity (say {@code vs previous >= -5%} and
     * {@code >= 50%}) record a row each per run with the same value, and a trend must not show that run twice.
     */
    @Override
    public List<Point> series(String quantityKey, String group, int limit) throws KalturaReportException {
        if (limit < 1) {
            return List.of();
        }
        try (ArchiveDatabase db = open()) {
            List<Point> points = new ArrayList<>();
            for (CheckRuns.Point p : CheckRuns.series(db, quantityKey, group, limit)) {
                points.add(new Point(p.runAt(), p.value()));
            }
            db.commit();
            return points;
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    @Override
    public void record(Run run, List<Entry> results) throws KalturaReportException {
        List<CheckRuns.Result> rows = new ArrayList<>(results.size());
        for (Entry e : results) {
            rows.add(new CheckRuns.Result(e.quantityKey(), e.rule(), e.group(), e.actual(), e.minimum(),
                    e.maximum(), e.verdict(), e.previous()));
        }
        try (ArchiveDatabase db = open()) {
            CheckRuns.record(db, run.runAt(), run.rangeFrom(), run.rangeTo(), rows);
            db.commit();
        } catch (SQLException e) {
            throw new KalturaReportException("Cannot record the check's results in the archive "
                    + archive.describe() + ": " + e.getMessage() + ". Nothing of this run was recorded.", e);
        }
    }

    private KalturaReportException readFailed(SQLException e) {
        return new KalturaReportException("Cannot read earlier check results from the archive " + archive.describe()
                + ": " + e.getMessage() + ".", e);
    }

    private ArchiveDatabase open() throws KalturaReportException {
        return ArchiveDatabase.open(archive.url(), archive.user(), archive.password(), archive.describe());
    }
}
