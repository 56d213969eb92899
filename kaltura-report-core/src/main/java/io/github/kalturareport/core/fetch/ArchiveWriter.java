package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.TransportException;
import io.github.kalturareport.core.internal.archive.ArchiveDatabase;
import io.github.kalturareport.core.internal.archive.ReportTable;
import io.github.kalturareport.core.internal.archive.TableLoader;
import io.github.kalturareport.core.report.ReportDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A fetch's writes to the archive, on a thread of their own, in one transaction: each window's file is loaded as
 * soon as it and every window before it are in, so the load runs while later windows download instead of after the
 * last. Windows are loaded in the order of the saved file, one report's after another's as they come, so the
 * archive ends as if the saved files had been loaded whole. The archive's lock is taken with the first window;
 * nothing is visible to others until {@link #commit}, and {@link #close} without it rolls everything back.
 */
final class ArchiveWriter implements AutoCloseable {

    private final ArchiveSync sync;
    /** One thread, so the connection is used by one thread at a time and files load in the order given. */
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kaltura-archive-loader");
        t.setDaemon(true);
        return t;
    });
    private final Map<ReportDefinition, List<Future<?>>> loads = new LinkedHashMap<>();
    /** Touched by the loader thread only, until every load is done. */
    private final Map<ReportDefinition, TableLoader.Session> sessions = new LinkedHashMap<>();
    private ArchiveDatabase db;
    /** The first load's failure: later windows are not loaded, and the fetch stops at the next window. */
    private volatile KalturaReportException failure;

    ArchiveWriter(ArchiveSync sync) {
        this.sync = sync;
    }

    /**
     * Queues a window's file of a report (a header line and its rows, or nothing) for loading; the file must stay
     * until {@link #await} for its report returns.
     *
     * @throws KalturaReportException when an earlier load failed: the fetch need not go on
     */
    void add(ReportDefinition report, Path window) throws KalturaReportException {
        KalturaReportException failed = failure;
        if (failed != null) {
            throw failed;
        }
        loads.computeIfAbsent(report, r -> new ArrayList<>()).add(loader.submit(() -> {
            if (failure != null) {
                return null;
            }
            try {
                session(report).load(window, report.fileName());
            } catch (KalturaReportException | RuntimeException e) {
                failure = e instanceof KalturaReportException k ? k : new KalturaReportException("Cannot load "
                        + report.fileName() + " into the archive: " + e + ". Nothing of this run was saved in the"
                        + " archive.", e);
                throw e;
            }
            return null;
        }));
    }

    /** Waits until every file queued for the report is loaded (its files may then go); throws a load's failure. */
    void await(ReportDefinition report) throws KalturaReportException, InterruptedException {
        for (Future<?> load : loads.getOrDefault(report, List.of())) {
            try {
                load.get();
            } catch (ExecutionException e) {
                throw failure != null ? failure : new TransportException("Cannot load " + report.fileName()
                        + " into the archive: " + e.getCause() + ". Nothing of this run was saved in the archive.");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Once every report is assembled: waits for the last loads, creates the tables of reports without rows,
     * advances each report's watermark and commits, all or nothing. Returns what went in, for the manifest.
     *
     * @param headers each report's saved header, in the order of the run's reports
     */
    Map<String, Object> commit(FetchSettings run, List<List<String>> headers) throws KalturaReportException,
            InterruptedException {
        for (ReportDefinition report : run.query().reports()) {
            await(report);
        }
        loader.shutdown(); // every load is done: from here on the connection is this thread's
        Map<String, TableLoader.Counts> counts = new LinkedHashMap<>();
        int i = 0;
        for (ReportDefinition report : run.query().reports()) {
            TableLoader.Session session = session(report);
            session.ensure(headers.get(i++));
            counts.put(ReportTable.tableName(report), session.counts());
        }
        return sync.commit(database(), run, counts);
    }

    private TableLoader.Session session(ReportDefinition report) throws KalturaReportException {
        TableLoader.Session session = sessions.get(report);
        if (session == null) {
            session = new TableLoader.Session(database(), ReportTable.of(report));
            sessions.put(report, session);
        }
        return session;
    }

    private ArchiveDatabase database() throws KalturaReportException {
        if (db == null) {
            db = sync.open();
        }
        return db;
    }

    /** Stops loading and, unless committed, rolls back: whatever failed, the archive is as it was. */
    @Override
    public void close() {
        loader.shutdownNow();
        try {
            // A statement in progress is not interruptible; it is short (a few hundred rows).
            loader.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (db != null) {
            db.close();
        }
    }
}
