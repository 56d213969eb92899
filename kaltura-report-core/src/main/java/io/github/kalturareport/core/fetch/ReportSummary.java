package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.report.ReportDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What was fetched for one report.
 *
 * @param report   the report
 * @param file     the saved CSV
 * @param rows     data rows saved (the header not counted)
 * @param windows  date windows the file is made of (1 unless the range was planned in several or split at the cap)
 * @param requests report requests made for it, windows that hit the row cap and were split included (retries and
 *                 room data fetched to plan its windows not included)
 * @param rowsServed rows the server sent for it, those of windows discarded at the row cap included
 * @param retries  requests retried
 * @param elapsed  wall-clock time from its first request to its last
 * @param warnings warnings about it (extra columns, lenient-mode problems)
 */
public record ReportSummary(ReportDefinition report, Path file, long rows, int windows, int requests,
        long rowsServed, int retries,
        Duration elapsed, List<String> warnings) {

    public ReportSummary {
        warnings = List.copyOf(warnings);
    }
}
