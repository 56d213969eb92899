package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MavenFetchListenerTest {

    private final RecordingLog log = new RecordingLog();
    private final AtomicLong nanos = new AtomicLong();
    private final File basedir = new File("/work/course");
    private final MavenFetchListener listener = new MavenFetchListener(log, basedir, nanos::get);

    @Test
    void oneLinePerReportWithRowsWindowsRetriesTimeAndFile() {
        listener.reportDone(new ReportSummary(ReportDefinition.ATTENDEES,
                new File(basedir, "target/kaltura-reports/attendees.csv").toPath(), 123_456, 3, 1,
                Duration.ofMillis(2_345), List.of()));

        assertThat(log.lines).containsExactly(
                "INFO attendees: 123,456 rows, 3 windows, 1 retry, 2.3 s -> target/kaltura-reports/attendees.csv");
    }

    @Test
    void progressIsThrottledToOneLineEveryFewSeconds() {
        listener.rowsSoFar(ReportDefinition.ROOMS, 10_000);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        listener.rowsSoFar(ReportDefinition.ROOMS, 50_000);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        listener.rowsSoFar(ReportDefinition.ROOMS, 60_000);

        assertThat(log.lines).containsExactly("INFO rooms: 50,000 rows so far ...");
    }

    @Test
    void retriesAndWarningsAreWarnings() {
        listener.retrying(ReportDefinition.BREAKOUTS, "HTTP 503 Service Unavailable", 2, Duration.ofSeconds(3));
        listener.warning("rooms: the server sent an extra column 'x', kept");

        assertThat(log.lines).containsExactly("WARN breakouts: HTTP 503 Service Unavailable — retry 2 in 3.0 s",
                "WARN rooms: the server sent an extra column 'x', kept");
    }
}
