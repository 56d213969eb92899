package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.report.ReportDefinition;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress of a fetch, for logging. Calls may come from several worker threads at once. No message carries a
 * secret.
 */
public interface FetchListener {

    /** A window (a date range of one report) is about to be requested; {@code to} is inclusive. */
    default void windowStarted(ReportDefinition report, Instant from, Instant to) {
    }

    /**
     * Rows received so far for a report: its finished windows plus what windows still downloading have streamed.
     * Called every {@value io.github.kalturareport.core.internal.window.WindowProcessor#PROGRESS_EVERY_ROWS} rows of a download
     * and when a window finishes; a window cut short and retried, or split at the row cap, takes its rows back, so
     * the count can go down.
     */
    default void rowsSoFar(ReportDefinition report, long rows) {
    }

    /** A request failed in a way worth retrying; it is retried after {@code delay}. */
    default void retrying(ReportDefinition report, String reason, int attempt, Duration delay) {
    }

    /** Something the user should know that does not stop the fetch (extra columns, lenient-mode problems …). */
    default void warning(String message) {
    }

    /** A report was fetched, validated and saved. */
    default void reportDone(ReportSummary summary) {
    }
}
