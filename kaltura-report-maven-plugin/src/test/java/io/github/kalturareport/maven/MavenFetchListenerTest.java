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
    void oneLinePerReportWithRowsWindowsRequestsRowsServedRetriesTimeAndFile() {
        listener.reportDone(new ReportSummary(ReportDefinition.ATTENDEES,
                new File(basedir, "target/kaltura-reports/attendees.csv").toPath(), 123_456, 3, 4, 223_456, 1,
                Duration.ofMillis(2_345), List.of()));
        listener.reportDone(new ReportSummary(ReportDefinition.ROOMS,
                new File(basedir, "target/kaltura-reports/rooms.csv").toPath(), 12, 1, 1, 12, 0,
                Duration.ofMillis(100), List.of()));

        assertThat(log.lines).containsExactly(
                "INFO attendees: 123,456 rows, 3 windows, 4 requests, 223,456 rows served, 1 retry, 2.3 s -> "
                        + "target/kaltura-reports/attendees.csv",
                "INFO rooms: 12 rows, 1 window, 1 request, 12 rows served, 0 retries, 0.1 s -> "
                        + "target/kaltura-reports/rooms.csv");
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
