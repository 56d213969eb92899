package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.simulator.KalturaSimulator;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches and validates a 1,000,000-row attendee report (split under the real 100,000-row cap) in a JVM limited to
 * 64 MB of heap — the simulator serving it runs in the same JVM. Run by the {@code low-memory} surefire execution
 * with {@code -Xmx64m}; not timed.
 */
class MillionRowsLowMemoryTest {

    @TempDir
    Path out;

    @Test
    void aMillionAttendeeRowsFitInSixtyFourMegabytes() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertThat(maxHeap).as("this test must run with -Xmx64m").isLessThanOrEqualTo(80L << 20);
        // 1,000 sessions × 1,000 attendees
        try (KalturaSimulator sim = KalturaSimulator.builder().rooms(10).sessionsPerRoom(100)
                .attendeesPerSession(1000).userPool(1000).breakoutsPerSession(0).start()) {
            FetchResult result = ReportFetcher.fetch(settings(sim, out).reports("attendees").build(), null);
            ReportSummary s = result.reports().get(0);
            assertThat(s.rows()).isEqualTo(1_000_000);
            long lines = 0;
            try (BufferedReader r = Files.newBufferedReader(s.file())) {
                while (r.readLine() != null) {
                    lines++;
                }
            }
            assertThat(lines).isEqualTo(1_000_001);
        }
    }
}
