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
 * @param windows  date windows requested to complete it (1 unless the row cap forced splitting)
 * @param retries  requests retried
 * @param elapsed  wall-clock time from its first request to its last
 * @param warnings warnings about it (extra columns, lenient-mode problems)
 */
public record ReportSummary(ReportDefinition report, Path file, long rows, int windows, int retries,
        Duration elapsed, List<String> warnings) {

    public ReportSummary {
        warnings = List.copyOf(warnings);
    }
}
