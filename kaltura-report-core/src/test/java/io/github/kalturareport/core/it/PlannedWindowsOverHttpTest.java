package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.simulator.Fault;
import io.github.kalturareport.simulator.KalturaSimulator;
import io.github.kalturareport.simulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window planner against the simulator: attendees planned from room data into windows under the row cap, sent
 * at once; and each fallback (an estimate too low, rows in no order, a userIds filter, room data that fails) still
 * gives the complete, exact file.
 */
class PlannedWindowsOverHttpTest {

    private static final LocalDate END = LocalDate.of(2025, 12, 31);
    private static final int UNCAPPED = 10_000_000;

    @TempDir
    Path out;

    /** The year: 40 rooms × 50 sessions × 100 attendees = 200,000 rows under a 20,000-row cap. */
    private static KalturaSimulator.Builder year(int rowCap) {
        return KalturaSimulator.builder().rooms(40).sessionsPerRoom(50).attendeesPerSession(100).days(365)
                .endDate(END).rowCap(rowCap);
    }

    @Test
    void aCappedYearOfAttendeesTakesAtMostFifteenCallsAndGivesTheUncappedFile() throws Exception {
        Path uncapped = fetch(year(UNCAPPED), "attendees", UNCAPPED, "uncapped", o -> o);
        try (KalturaSimulator sim = year(20_000).start()) {
            FetchResult result = ReportFetcher.fetch(settings(sim, out.resolve("capped")).reports("attendees")
                    .rowCap("20000").build(), null);
            ReportSummary s = result.reports().get(0);
            List<RecordedRequest> calls = reportCalls(sim);
            long attendeeCalls = calls.stream().filter(r -> r.parameter("id").orElse("").equals("6001")).count();
            assertThat(attendeeCalls).as("attendee calls (10 at least)").isBetween(10L, 15L);
            assertThat(calls.stream().filter(r -> r.parameter("id").orElse("").equals("6000")).count())
                    .as("one room data call").isEqualTo(1);
            assertThat(calls).as("only the whole range came back capped").filteredOn(r -> r.rows() >= 20_000)
                    .hasSize(1);
            assertThat(Files.mismatch(s.file(), uncapped)).isEqualTo(-1L);
            assertThat(s.rows()).isEqualTo(200_000);
            assertThat(s.requests()).isEqualTo((int) attendeeCalls);
            assertThat(s.windows()).isEqualTo((int) attendeeCalls - 1);
            assertThat(s.rowsServed()).isEqualTo(220_000);

            JsonNode report = new ObjectMapper().readTree(result.manifest().toFile()).get("reports").get(0);
            assertThat(report.get("requests").asInt()).isEqualTo(attendeeCalls);
            assertThat(report.get("rowsServed").asLong()).isEqualTo(220_000);
            assertThat(report.get("windows")).hasSize((int) attendeeCalls - 1);
            JsonNode planning = report.get("planning");
            assertThat(planning.get("roomData").asText()).isEqualTo("a request of its own");
            assertThat(planning.get("roomDataRequests").asInt()).isEqualTo(1);
            assertThat(planning.get("sessions").asInt()).isEqualTo(2000);
            assertThat(planning.get("plannedWindows").asInt()).isEqualTo((int) attendeeCalls - 1);
        }
    }

    @Test
    void theRunsOwnRoomsReportIsReusedForPlanning() throws Exception {
        try (KalturaSimulator sim = year(20_000).breakoutsPerSession(0).start()) {
            FetchResult result = ReportFetcher.fetch(settings(sim, out).reports("rooms,attendees").rowCap("20000")
                    .build(), null);
            List<RecordedRequest> calls = reportCalls(sim);
            assertThat(calls.stream().filter(r -> r.parameter("id").orElse("").equals("6000")).count()).isEqualTo(1);
            assertThat(result.reports().get(1).requests()).isBetween(11, 15);
            JsonNode planning = new ObjectMapper().readTree(result.manifest().toFile()).get("reports").get(1)
                    .get("planning");
            assertThat(planning.get("roomData").asText()).isEqualTo("this run's rooms report");
            assertThat(planning.get("roomDataRequests").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aCrowdedSessionWhoseEstimateIsTooLowIsSplitToCompletion() throws Exception {
        UnaryOperator<KalturaSimulator.Builder> crowded = b -> b.crowdedSessionAttendees(15_000)
                .crowdedSessionUniqueUsers(100).userPool(20_000);
        Path uncapped = fetch(crowded.apply(year(UNCAPPED)), "attendees", UNCAPPED, "uncapped", o -> o);
        try (KalturaSimulator sim = crowded.apply(year(20_000)).start()) {
            ReportSummary s = ReportFetcher.fetch(settings(sim, out.resolve("capped")).reports("attendees")
                    .rowCap("20000").build(), null).reports().get(0);
            assertThat(reportCalls(sim)).as("the window with the crowded session came back capped")
                    .anyMatch(r -> r.rows() == 20_000);
            assertThat(s.rows()).isEqualTo(199_900 + 15_000);
            assertThat(Files.mismatch(s.file(), uncapped)).isEqualTo(-1L);
            assertThat(s.rowsServed()).isGreaterThan(s.rows());
        }
    }

    @Test
    void rowsInNoOrderAreSplitByTheirStartTimesWithNothingLostOrDoubled() throws Exception {
        // 1,000 sessions: 20,000 attendee rows and 4,000 breakouts under a 3,000-row cap, every call shuffled
        UnaryOperator<KalturaSimulator.Builder> data = b -> b.rooms(20).sessionsPerRoom(50).attendeesPerSession(20)
                .breakoutsPerSession(4).days(365).endDate(END).shuffleRows(true);
        Path uncapped = fetch(data.apply(KalturaSimulator.builder().rowCap(UNCAPPED)), "rooms,attendees,breakouts",
                UNCAPPED, "uncapped", o -> o);
        try (KalturaSimulator sim = data.apply(KalturaSimulator.builder().rowCap(3000)).start()) {
            FetchResult result = ReportFetcher.fetch(settings(sim, out.resolve("capped"))
                    .reports("rooms,attendees,breakouts").rowCap("3000").build(), null);
            for (String name : List.of("rooms.csv", "attendees.csv", "breakouts.csv")) {
                assertSameRows(out.resolve("capped").resolve(name), uncapped.resolveSibling(name));
            }
            List<RecordedRequest> breakouts = reportCalls(sim).stream()
                    .filter(r -> r.parameter("id").orElse("").equals("6002")).toList();
            assertThat(breakouts.get(0).rows()).as("the first breakouts call is capped").isEqualTo(3000);
            // guided by the start times of 3,000 shuffled rows: one round of pieces, not levels of halves
            assertThat(breakouts).hasSizeLessThanOrEqualTo(6);
            assertThat(result.reports().get(2).rows()).isEqualTo(4000);
        }
    }

    @Test
    void aUserIdsFilterGivesTheUncappedFile() throws Exception {
        Path whole = fetch(year(UNCAPPED), "attendees", UNCAPPED, "whole", o -> o);
        Set<String> users = new LinkedHashSet<>();
        for (String line : Files.readAllLines(whole).subList(1, 2000)) {
            users.add(line.split(",")[2]);
        }
        List<String> some = new ArrayList<>(users).subList(0, 200); // about 80,000 of the 200,000 rows
        String filter = String.join(",", some);
        Path uncapped = fetch(year(UNCAPPED), "attendees", UNCAPPED, "uncapped", o -> o.filter("userIds", filter));
        try (KalturaSimulator sim = year(20_000).start()) {
            ReportSummary s = ReportFetcher.fetch(settings(sim, out.resolve("capped")).reports("attendees")
                    .rowCap("20000").filter("userIds", filter).build(), null).reports().get(0);
            assertThat(Files.mismatch(s.file(), uncapped)).isEqualTo(-1L);
            assertThat(s.rows()).isBetween(60_000L, 100_000L);
            assertThat(s.requests()).isLessThanOrEqualTo(16);
            assertThat(reportCalls(sim)).as("only the whole range came back capped")
                    .filteredOn(r -> r.rows() >= 20_000).hasSize(1);
        }
    }

    @Test
    void roomDataThatFailsFallsBackToSplittingAtTheCap() throws Exception {
        UnaryOperator<KalturaSimulator.Builder> small = b -> b.rooms(10).sessionsPerRoom(20).attendeesPerSession(50)
                .days(365).endDate(END);
        Path uncapped = fetch(small.apply(KalturaSimulator.builder().rowCap(UNCAPPED)), "attendees", UNCAPPED,
                "uncapped", o -> o);
        // the room data request fails with an error no retry fixes
        try (KalturaSimulator sim = small.apply(KalturaSimulator.builder().rowCap(2000))
                .fault(Fault.apiError("INTERNAL_SERVERL_ERROR").forReport(6000)).start()) {
            RecordingListener listener = new RecordingListener();
            FetchResult result = ReportFetcher.fetch(settings(sim, out.resolve("capped")).reports("attendees")
                    .rowCap("2000").build(), listener);
            ReportSummary s = result.reports().get(0);
            assertThat(Files.mismatch(s.file(), uncapped)).isEqualTo(-1L);
            assertThat(s.rows()).isEqualTo(10_000);
            assertThat(reportCalls(sim)).as("capped windows were halved").filteredOn(r -> r.rows() == 2000)
                    .hasSizeGreaterThan(1);
            assertThat(reportCalls(sim)).filteredOn(r -> r.parameter("id").orElse("").equals("6000")).hasSize(1)
                    .allMatch(r -> r.errorCode().orElse("").equals("INTERNAL_SERVERL_ERROR"));
            assertThat(listener.lines).anyMatch(l -> l.startsWith("warning attendees: room data to plan its windows "
                    + "is not available"));
            JsonNode planning = new ObjectMapper().readTree(result.manifest().toFile()).get("reports").get(0)
                    .get("planning");
            assertThat(planning.get("fallback").asText()).startsWith("split at the cap");
            assertThat(planning.get("plannedWindows").asInt()).isZero();
        }
    }

    private Path fetch(KalturaSimulator.Builder builder, String reports, int rowCap, String dir,
            UnaryOperator<io.github.kalturareport.core.config.FetchOptions> more) throws Exception {
        try (KalturaSimulator sim = builder.start()) {
            FetchResult result = ReportFetcher.fetch(more.apply(settings(sim, out.resolve(dir)).reports(reports)
                    .rowCap(Integer.toString(rowCap))).build(), null);
            assertThat(result.reports()).allMatch(r -> r.requests() <= 2);
            return result.reports().get(reports.contains("attendees") && !reports.startsWith("attendees")
                    ? 1 : 0).file();
        }
    }

    private static List<RecordedRequest> reportCalls(KalturaSimulator sim) {
        return SimulatorFetch.settledRequests(sim).stream().filter(r -> "report".equalsIgnoreCase(r.service()))
                .toList();
    }

    /** The same header and the same rows, each as often, in any order (the server shuffles every call). */
    private static void assertSameRows(Path actual, Path expected) throws Exception {
        List<String> a = new ArrayList<>(Files.readAllLines(actual));
        List<String> e = new ArrayList<>(Files.readAllLines(expected));
        assertThat(a.get(0)).isEqualTo(e.get(0));
        Collections.sort(a);
        Collections.sort(e);
        assertThat(a).as(actual.getFileName().toString()).isEqualTo(e);
        assertThat(new LinkedHashSet<>(a)).hasSize(a.size());
    }
}
