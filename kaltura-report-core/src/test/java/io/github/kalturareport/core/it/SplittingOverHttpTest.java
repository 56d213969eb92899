package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.names;
import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.simulator.KalturaSimulator;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row cap: a range over the cap is fetched in windows under it (planned from room data, or split in halves when
 * one comes back capped), with no row lost or doubled.
 */
class SplittingOverHttpTest {

    @TempDir
    Path out;

    @Test
    void aQuarterMillionRowsAreSplitToCompletion() throws Exception {
        // 250 sessions × 1,000 attendees = 250,000 rows of report 6001 under the real cap of 100,000
        try (KalturaSimulator sim = KalturaSimulator.builder().rooms(10).sessionsPerRoom(25)
                .attendeesPerSession(1000).userPool(1000).breakoutsPerSession(0).start()) {
            RecordingListener listener = new RecordingListener();
            FetchResult result = ReportFetcher.fetch(settings(sim, out).reports("attendees").build(), listener);
            ReportSummary s = result.reports().get(0);
            assertThat(s.rows()).isEqualTo(250_000);
            assertThat(s.windows()).isGreaterThan(2);
            Set<String> seen = new HashSet<>();
            Map<String, Integer> perSession = new LinkedHashMap<>();
            long rows = 0;
            try (BufferedReader r = Files.newBufferedReader(s.file())) {
                assertThat(r.readLine()).startsWith("entry_id,cue_point_id,user_id");
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] v = line.split(",");
                    assertThat(seen.add(v[1] + "/" + v[2])).as("row %s seen twice", line).isTrue();
                    perSession.merge(v[1], 1, Integer::sum);
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(250_000);
            assertThat(perSession).hasSize(250).allSatisfy((session, n) -> assertThat(n).isEqualTo(1000));
            // the whole range hit the cap once, then windows planned from room data, all under it
            assertThat(SimulatorFetch.settledRequests(sim)).filteredOn(q -> "report".equals(q.service()))
                    .hasSize(s.windows() + 2).filteredOn(q -> q.rows() >= 100_000).hasSize(1);
            assertThat(listener.lines).anyMatch(l -> l.startsWith("rows attendees (6001) 250000"));
        }
    }

    @Test
    void oneSecondStillAtTheCapIsAClearError() throws Exception {
        try (KalturaSimulator sim = KalturaSimulator.builder().rowCap(100).crowdedSessionAttendees(150).start()) {
            assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("attendees").rowCap("100").build(),
                    null))
                    .isInstanceOf(KalturaReportException.class)
                    .hasMessageContaining("100 rows or more in the single second")
                    .hasMessageContaining("entryIds");
            assertThat(names(out)).isEmpty();
        }
    }
}
