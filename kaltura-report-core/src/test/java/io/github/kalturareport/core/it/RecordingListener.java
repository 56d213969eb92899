package io.github.kalturareport.core.it;

import io.github.kalturareport.core.fetch.FetchListener;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.report.ReportDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every listener call as a line of text, as a plugin would log it. */
class RecordingListener implements FetchListener {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> retries = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void windowStarted(ReportDefinition report, Instant from, Instant to) {
        lines.add("window " + report + " " + from + ".." + to);
    }

    @Override
    public void rowsSoFar(ReportDefinition report, long rows) {
        lines.add("rows " + report + " " + rows);
    }

    @Override
    public void retrying(ReportDefinition report, String reason, int attempt, Duration delay) {
        String line = "retry " + report + " #" + attempt + " in " + delay + ": " + reason;
        lines.add(line);
        retries.add(line);
    }

    @Override
    public void warning(String message) {
        lines.add("warning " + message);
        warnings.add(message);
    }

    @Override
    public void reportDone(ReportSummary summary) {
        lines.add("done " + summary);
    }
}
