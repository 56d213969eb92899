package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows in no order, the crowded session's unique users, the latency's term per row and rows in the request log. */
class ShuffleAndRowLatencyTest {

    @TempDir
    Path dir;

    private static List<String> rows(String body) {
        return body.lines().skip(1).toList();
    }

    @Test
    void shuffledRowsAreTheSameRowsInARepeatableOtherOrderAndTheCapKeepsAnArbitrarySubset() {
        KalturaSimulator.Builder data = KalturaSimulator.builder().rooms(4).sessionsPerRoom(10).attendeesPerSession(5);
        try (KalturaSimulator ordered = data.start();
                KalturaSimulator shuffled = KalturaSimulator.builder().rooms(4).sessionsPerRoom(10)
                        .attendeesPerSession(5).shuffleRows(true).rowCap(100).start()) {
            for (int id : new int[] {6000, 6001, 6002}) {
                List<String> inOrder = rows(Http.report(ordered, Http.adminKs(ordered), id, "").body());
                String ks = Http.adminKs(shuffled);
                List<String> first = rows(Http.report(shuffled, ks, id, "").body());
                assertThat(first).isEqualTo(rows(Http.report(shuffled, ks, id, "").body()));
                assertThat(inOrder).containsAll(first);
                assertThat(first).hasSize(Math.min(100, inOrder.size())).isNotEqualTo(
                        inOrder.subList(0, first.size()));
            }
        }
    }

    @Test
    void aFaultCanHitOneReportOnly() {
        Fault fault = Fault.parse("api-error,report=6000");
        assertThat(fault.toString()).isEqualTo("api-error,code=INTERNAL_SERVERL_ERROR,report=6000");
        try (KalturaSimulator sim = KalturaSimulator.builder().fault(fault).start()) {
            String ks = Http.adminKs(sim);
            assertThat(Http.report(sim, ks, 6001, "").body()).startsWith("\uFEFFentry_id");
            assertThat(Http.report(sim, ks, 6000, "").body()).contains("INTERNAL_SERVERL_ERROR");
        }
    }

    @Test
    void theCrowdedSessionsUniqueUsersCanUnderstateItsAttendees() {
        try (KalturaSimulator sim = KalturaSimulator.builder().rooms(2).sessionsPerRoom(5).attendeesPerSession(10)
                .crowdedSessionAttendees(500).crowdedSessionUniqueUsers(40).start()) {
            String ks = Http.adminKs(sim);
            List<String> rooms = rows(Http.report(sim, ks, 6000, "").body());
            assertThat(rooms).filteredOn(l -> l.contains(",40,")).hasSize(1);
            assertThat(rows(Http.report(sim, ks, 6001, "").body())).hasSize(9 * 10 + 500);
        }
    }

    @Test
    void theLatencyHasATermPerRowAndTheLogRecordsTheReportAndItsRows() throws Exception {
        Fault fault = Fault.parse("latency,ms=0,per-row-us=200,action=report.getCsvFromStringParams");
        assertThat(fault.perRowNanos()).isEqualTo(200_000);
        assertThat(fault.toString()).contains("per-row-us=200.0");
        Path log = dir.resolve("requests.jsonl");
        try (KalturaSimulator sim = KalturaSimulator.builder().rooms(10).sessionsPerRoom(20).attendeesPerSession(10)
                .fault(fault).requestLog(log).start()) {
            String ks = Http.adminKs(sim);
            long t0 = System.nanoTime();
            assertThat(rows(Http.report(sim, ks, 6001, "").body())).hasSize(2000);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
        String last = Files.readAllLines(log).get(Files.readAllLines(log).size() - 1);
        assertThat(last).contains("\"report\":\"6001\"").contains("\"rows\":2000").doesNotContain(KalturaSimulator.DEFAULT_ADMIN_SECRET);
    }
}
