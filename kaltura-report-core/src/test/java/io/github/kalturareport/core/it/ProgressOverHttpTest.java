package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.fetch.FetchListener;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.report.ReportDefinition;
import io.github.kalturareport.simulator.KalturaSimulator;
import io.github.kalturareport.simulator.KalturaSimulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A long download reports its progress while it streams, not only when its window ends. */
class ProgressOverHttpTest {

    /** 12 rooms × 20 sessions × 100 attendees = 24,000 attendee rows in one window. */
    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension(
            () -> KalturaSimulator.builder().attendeesPerSession(100));

    @TempDir
    Path out;

    private static FetchListener recordingRowsSoFar(List<Long> progress) {
        return new FetchListener() {
            @Override
            public void rowsSoFar(ReportDefinition report, long rows) {
                progress.add(rows);
            }
        };
    }

    @Test
    void rowsSoFarArrivesEveryTenThousandRowsOfAWindowInFlight() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        List<Long> progress = new CopyOnWriteArrayList<>();
        FetchListener listener = recordingRowsSoFar(progress);

        var result = ReportFetcher.fetch(settings(sim, out).reports("attendees").build(), listener);

        assertThat(result.reports().get(0).rows()).isEqualTo(24_000);
        assertThat(result.reports().get(0).windows()).isEqualTo(1);
        assertThat(progress).containsExactly(10_000L, 20_000L, 24_000L);
    }

    @Test
    void aWindowSplitAtTheRowCapTakesItsRowsBack() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        List<Long> progress = new CopyOnWriteArrayList<>();
        FetchListener listener = recordingRowsSoFar(progress);

        var result = ReportFetcher.fetch(settings(sim, out).reports("attendees").rowCap("20000").concurrency("1")
                .build(), listener);

        assertThat(result.reports().get(0).rows()).isEqualTo(24_000);
        // The capped first try streamed 20,000 rows that were then discarded; the count ends at the true total.
        assertThat(progress).startsWith(10_000L, 20_000L).endsWith(24_000L);
        assertThat(progress).allMatch(rows -> rows <= 24_000L);
    }
}
