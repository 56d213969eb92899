package io.github.kalturareport.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.archive.TestArchives;
import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.internal.csv.CsvReader;
import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.simulator.Fault;
import io.github.kalturareport.simulator.KalturaSimulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The archive over real HTTP against the simulator's 400 days of data (docs/archive.md), the same tests on a SQLite
 * file and on a real PostgreSQL server.
 */
class ArchiveOverHttpTest {

    private static final LocalDate END = LocalDate.parse("2026-06-30");
    private static final String[] TABLES = {"rooms", "attendees", "breakouts"};

    @TempDir
    Path dir;

    private int runs;

    static List<String> backends() {
        return TestArchives.backends().toList();
    }

    /** An hour after the data's last day: the simulator checks each KS's expiry against the same clock. */
    private static final Instant AFTER_END = Instant.parse("2026-07-01T01:00:00Z");

    private static KalturaSimulator.Builder simulator(MutableClock clock) {
        return KalturaSimulator.builder().days(400).endDate(END).sessionsPerRoom(40).attendeesPerSession(20)
                .clock(clock);
    }

    /** A fetch as a front end passes it: no range unless the test gives one, into a new directory. */
    private FetchOptions fetch(KalturaSimulator sim, MutableClock clock, ArchiveLocation archive) {
        return new FetchOptions()
                .serviceUrl(sim.baseUrl())
                .partnerId(Integer.toString(sim.partnerId()))
                .credentials(Credentials.adminSecret(sim.adminSecret()))
                .outputDirectory(dir.resolve("out-" + ++runs))
                .archive(archive.url(), null)
                .archiveCredentials(archive.user(), archive.password())
                .connectTimeout("5")
                .responseTimeout("30")
                .retryDelays(Duration.ofMillis(5), Duration.ofMillis(40))
                .clock(clock);
    }

    private static JsonNode manifest(FetchResult result) throws Exception {
        return new ObjectMapper().readTree(result.manifest().toFile());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aBackfillThenAnIncrementalRunAfterThreeMissedWeeksEqualsOneFetchOverTheWholeSpan(String backend)
            throws Exception {
        MutableClock clock = new MutableClock(AFTER_END);
        try (KalturaSimulator sim = simulator(clock).start()) {
            Instant stop = sim.dataEnd().minus(Duration.ofDays(21));
            ArchiveLocation stepwise = TestArchives.create(backend, dir);
            FetchResult backfill = ReportFetcher.fetch(fetch(sim, clock, stepwise).from(sim.dataStart().toString())
                    .to(stop.toString()).build(), null);
            JsonNode first = manifest(backfill).get("archive");
            assertThat(first.get("incremental").asBoolean()).isFalse();
            // Keys found from the data: a backfill inserts every row of every file, so no two rows share a key.
            for (ReportSummary s : backfill.reports()) {
                JsonNode t = first.get("tables").get(s.report().name());
                assertThat(t.get("inserted").asLong()).as(s.report().name()).isEqualTo(s.rows()).isPositive();
                assertThat(t.get("updated").asLong() + t.get("unchanged").asLong()).isZero();
                assertThat(t.get("watermark").asText()).isEqualTo(stop.toString());
            }

            FetchResult incremental = ReportFetcher.fetch(fetch(sim, clock, stepwise).build(), null);
            JsonNode m = manifest(incremental);
            assertThat(m.get("archive").get("incremental").asBoolean()).isTrue();
            assertThat(m.get("range").get("fromEpochSecond").asLong())
                    .isEqualTo(stop.minus(Duration.ofDays(1)).getEpochSecond());
            assertThat(m.get("range").get("toEpochSecond").asLong()).isEqualTo(clock.instant().getEpochSecond());
            assertThat(m.get("archive").get("tables").get("attendees").get("inserted").asLong()).isPositive();
            assertThat(m.toString()).doesNotContain(sim.adminSecret());
            if (stepwise.hasPassword()) { // PostgreSQL: the location is there, its password never
                assertThat(m.get("archive").get("location").asText()).startsWith(stepwise.url());
                assertThat(Files.readString(incremental.manifest())).doesNotContain(new String(stepwise.password()));
            }

            ArchiveLocation whole = TestArchives.create(backend, dir);
            ReportFetcher.fetch(fetch(sim, clock, whole).from(sim.dataStart().toString()).build(), null);
            assertThat(TestArchives.snapshot(stepwise, TABLES)).isEqualTo(TestArchives.snapshot(whole, TABLES));
            assertThat(TestArchives.number(whole, "SELECT COUNT(*) FROM attendees")).isEqualTo(12L * 40 * 20);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aRepeatedRunChangesNothingButTheLastRunTime(String backend) throws Exception {
        MutableClock clock = new MutableClock(AFTER_END);
        try (KalturaSimulator sim = simulator(clock).start()) {
            ArchiveLocation archive = TestArchives.create(backend, dir);
            String from = sim.dataStart().plus(Duration.ofDays(100)).toString();
            String to = sim.dataStart().plus(Duration.ofDays(160)).toString();
            ReportFetcher.fetch(fetch(sim, clock, archive).from(from).to(to).build(), null);
            Map<String, List<String>> before = TestArchives.snapshot(archive, TABLES);
            List<String> lastRun = TestArchives.rows(archive, "SELECT last_run FROM kaltura_sync_state");
            clock.advance(Duration.ofHours(2));
            FetchResult again = ReportFetcher.fetch(fetch(sim, clock, archive).from(from).to(to).build(), null);
            for (JsonNode t : manifest(again).get("archive").get("tables")) {
                assertThat(t.get("inserted").asLong() + t.get("updated").asLong()).isZero();
                assertThat(t.get("unchanged").asLong()).isPositive();
            }
            assertThat(TestArchives.snapshot(archive, TABLES)).isEqualTo(before);
            assertThat(TestArchives.rows(archive, "SELECT last_run FROM kaltura_sync_state"))
                    .doesNotContainAnyElementsOf(lastRun)
                    .containsOnly(clock.instant().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aRunThatFailsMidFetchChangesNothing(String backend) throws Exception {
        MutableClock clock = new MutableClock(AFTER_END);
        try (KalturaSimulator sim = simulator(clock).start()) {
            ArchiveLocation archive = TestArchives.create(backend, dir);
            ReportFetcher.fetch(fetch(sim, clock, archive).from(sim.dataStart().toString())
                    .to(sim.dataStart().plus(Duration.ofDays(200)).toString()).build(), null);
            Map<String, List<String>> before = TestArchives.snapshot(archive, TABLES);
            List<String> state = TestArchives.rows(archive, "SELECT * FROM kaltura_sync_state ORDER BY report");
            // rooms and attendees come back; breakouts fail for good, after the others' windows are in
            sim.addFault(Fault.apiError("SERVICE_FORBIDDEN", "not for you").forReport(6002));
            assertThatThrownBy(() -> ReportFetcher.fetch(fetch(sim, clock, archive).rowCap("2000").build(), null))
                    .isInstanceOf(KalturaReportException.class);
            assertThat(TestArchives.snapshot(archive, TABLES)).isEqualTo(before);
            assertThat(TestArchives.rows(archive, "SELECT * FROM kaltura_sync_state ORDER BY report"))
                    .isEqualTo(state);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aSessionCorrectedLaterIsUpdatedInPlaceNotDoubled(String backend) throws Exception {
        // The same data twice, except that the middle session first has 20 attendees (fetched while it ran) and
        // later 30 (its final figures): a second simulator with the same seed and a crowded middle session.
        Instant start;
        String cuePoint;
        try (KalturaSimulator sim = simulator(new MutableClock(AFTER_END)).start()) {
            Path scratch = dir.resolve("scratch");
            FetchResult all = ReportFetcher.fetch(SimulatorFetch.settings(sim, scratch).reports("rooms").build(),
                    null);
            List<String[]> rooms = rowsSortedByStart(all.reports().get(0).file());
            String[] middle = rooms.get(rooms.size() / 2);
            cuePoint = middle[3];
            start = Instant.ofEpochSecond(Long.parseLong(middle[4]));
            assertThat(middle[7]).isEqualTo("20");
        }
        ArchiveLocation archive = TestArchives.create(backend, dir);
        MutableClock clock = new MutableClock(start.plusSeconds(600)); // ten minutes into the session
        try (KalturaSimulator partial = simulator(clock).start()) {
            ReportFetcher.fetch(fetch(partial, clock, archive).from(partial.dataStart().toString()).build(), null);
        }
        long rooms = TestArchives.number(archive, "SELECT COUNT(*) FROM rooms");
        assertThat(attendeesOf(archive, cuePoint)).isEqualTo(20);
        clock.advance(Duration.ofDays(7)); // next week's run
        long newSessions;
        try (KalturaSimulator complete = simulator(clock).crowdedSessionAttendees(30).start()) {
            FetchResult next = ReportFetcher.fetch(fetch(complete, clock, archive).build(), null);
            JsonNode tables = manifest(next).get("archive").get("tables");
            assertThat(tables.get("rooms").get("updated").asLong()).isEqualTo(1);
            newSessions = tables.get("rooms").get("inserted").asLong(); // the week since, 20 attendees each
            assertThat(newSessions).isPositive();
            assertThat(tables.get("attendees").get("inserted").asLong()).isEqualTo(10 + 20 * newSessions);
            assertThat(tables.get("attendees").get("updated").asLong()).isZero();
        }
        assertThat(TestArchives.number(archive, "SELECT COUNT(*) FROM rooms")).isEqualTo(rooms + newSessions);
        assertThat(TestArchives.number(archive, "SELECT COUNT(*) FROM rooms WHERE cue_point_id = '" + cuePoint
                + "'")).isEqualTo(1);
        assertThat(TestArchives.rows(archive, "SELECT meeting_view_period_unique_users FROM rooms WHERE"
                + " cue_point_id = '" + cuePoint + "'")).containsExactly("30");
        assertThat(attendeesOf(archive, cuePoint)).isEqualTo(30);
    }

    private static long attendeesOf(ArchiveLocation archive, String cuePoint) throws Exception {
        return TestArchives.number(archive, "SELECT COUNT(*) FROM attendees WHERE cue_point_id = '" + cuePoint + "'");
    }

    private static List<String[]> rowsSortedByStart(Path csv) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(csv); CsvReader reader = new CsvReader(in)) {
            reader.next();
            CsvRow row;
            while ((row = reader.next()) != null) {
                rows.add(row.values().toArray(new String[0]));
            }
        }
        rows.sort((a, b) -> Long.compare(Long.parseLong(a[4]), Long.parseLong(b[4])));
        return rows;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void twoRunsAtOnceLeaveAConsistentArchive(String backend) throws Exception {
        MutableClock clock = new MutableClock(AFTER_END);
        try (KalturaSimulator sim = simulator(clock).start()) {
            ArchiveLocation shared = TestArchives.create(backend, dir);
            String from = sim.dataStart().toString();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<FetchResult>> both = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    FetchOptions options = fetch(sim, clock, shared).from(from);
                    both.add(pool.submit(() -> ReportFetcher.fetch(options.build(), null)));
                }
                long inserted = 0;
                for (Future<FetchResult> f : both) {
                    inserted += manifest(f.get(120, TimeUnit.SECONDS)).get("archive").get("tables")
                            .get("attendees").get("inserted").asLong();
                }
                assertThat(inserted).as("one run inserted, the other found the rows there").isEqualTo(12L * 40 * 20);
            } finally {
                pool.shutdownNow();
            }
            ArchiveLocation single = TestArchives.create(backend, dir);
            ReportFetcher.fetch(fetch(sim, clock, single).from(from).build(), null);
            assertThat(TestArchives.snapshot(shared, TABLES)).isEqualTo(TestArchives.snapshot(single, TABLES));
        }
    }
}
