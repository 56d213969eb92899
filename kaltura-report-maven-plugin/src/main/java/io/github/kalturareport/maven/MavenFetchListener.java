package io.github.kalturareport.maven;

import io.github.kalturareport.core.fetch.FetchListener;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes the core's fetch events to Maven's log: one line per finished report, a progress line at most every few
 * seconds during a long download, every retry and warning. Thread-safe: the core may fetch reports concurrently.
 */
final class MavenFetchListener implements FetchListener {

    static final long PROGRESS_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final Log log;
    private final File basedir;
    private final LongSupplier nanoClock;
    private long lastProgress;

    MavenFetchListener(Log log, File basedir, LongSupplier nanoClock) {
        this.log = log;
        this.basedir = basedir;
        this.nanoClock = nanoClock;
        this.lastProgress = nanoClock.getAsLong();
    }

    @Override
    public void windowStarted(ReportDefinition report, Instant from, Instant to) {
        if (log.isDebugEnabled()) {
            log.debug(report.name() + ": fetching " + from + " .. " + to);
        }
    }

    @Override
    public synchronized void rowsSoFar(ReportDefinition report, long rows) {
        long now = nanoClock.getAsLong();
        if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            lastProgress = now;
            log.info(report.name() + ": " + String.format(Locale.ROOT, "%,d", rows) + " rows so far ...");
        }
    }

    @Override
    public void retrying(ReportDefinition report, String reason, int attempt, Duration delay) {
        log.warn(report.name() + ": " + reason + " — retry " + attempt + " in " + seconds(delay));
    }

    @Override
    public void warning(String message) {
        log.warn(message);
    }

    @Override
    public void reportDone(ReportSummary summary) {
        log.info(line(summary, basedir));
    }

    /**
     * {@code attendees: 200,000 rows, 14 windows, 14 requests, 200,000 rows served, 0 retries, 1.4 s -> target/...}
     */
    static String line(ReportSummary summary, File basedir) {
        return String.format(Locale.ROOT, "%s: %,d rows, %d %s, %d %s, %,d rows served, %d %s, %s -> %s",
                summary.report().name(), summary.rows(), summary.windows(),
                summary.windows() == 1 ? "window" : "windows", summary.requests(),
                summary.requests() == 1 ? "request" : "requests", summary.rowsServed(), summary.retries(),
                summary.retries() == 1 ? "retry" : "retries", seconds(summary.elapsed()),
                relative(summary.file() == null ? null : summary.file().toFile(), basedir));
    }

    static String seconds(Duration duration) {
        return duration == null ? "?" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String relative(File file, File basedir) {
        if (file == null) {
            return "?";
        }
        if (basedir != null) {
            try {
                return basedir.toPath().toAbsolutePath().relativize(file.toPath().toAbsolutePath()).toString();
            } catch (IllegalArgumentException otherRoot) {
                // A file on another drive than the project: show it absolute.
            }
        }
        return file.getPath();
    }
}
