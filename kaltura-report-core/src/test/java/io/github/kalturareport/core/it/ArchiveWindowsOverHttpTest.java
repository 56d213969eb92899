package io.github.kalturareport.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.archive.TestArchives;
import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.FetchListener;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.internal.archive.ArchiveDatabase;
import io.github.kalturareport.core.internal.archive.ReportTable;
import io.github.kalturareport.core.internal.archive.TableLoader;
import io.github.kalturareport.core.report.ReportDefinition;
import io.github.kalturareport.simulator.Fault;
import io.github.kalturareport.simulator.KalturaSimulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fetch of many windows loads each into the archive as it comes, in the order of the saved file, while later
 * windows download (docs/archive.md): the archive ends as if the saved files had been loaded whole, on SQLite and on
 * a real PostgreSQL server.
 */
class ArchiveWindowsOverHttpTest {

    private static final LocalDate END = LocalDate.parse("2026-06-30");
    private static final Instant AFTER_END = Instant.parse("2026-07-01T01:00:00Z");
    private static final String[] TABLES = {"rooms", "attendees", "breakouts"};

    /** The row cap of both sides: every report of the 400 days takes many windows. */
    private static final int CAP = 100;

    @TempDir
    Path dir;

    static List<String> backends() {
        return TestArchives.backends().toList();
    }

    private static KalturaSimulator.Builder simulator(int rowCap) {
        return KalturaSimulator.builder().days(400).endDate(END).sessionsPerRoom(40).attendeesPerSession(20)
                .rowCap(rowCap).clock(new MutableClock(AFTER_END));
    }

    private FetchOptions fetch(KalturaSimulator sim, ArchiveLocation archive, String out, int rowCap,
            int concurrency) {
        return new FetchOptions()
                .serviceUrl(sim.baseUrl())
                .partnerId(Integer.toString(sim.partnerId()))
                .credentials(Credentials.adminSecret(sim.adminSecret()))
                .outputDirectory(dir.resolve(out))
                .from(sim.dataStart().toString())
                .to(sim.dataEnd().toString())
                .rowCap(Integer.toString(rowCap))
                .concurrency(Integer.toString(concurrency))
                .archive(archive.url(), null)
                .archiveCredentials(archive.user(), archive.password())
                .retryDelays(Duration.ofMillis(5), Duration.ofMillis(40));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void windowsLoadedAsTheyComeEqualTheSavedFilesLoadedWhole(String backend) throws Exception {
        try (KalturaSimulator sim = simulator(CAP).start()) {
            ArchiveLocation archive = TestArchives.create(backend, dir);
            // Four requests at once: windows come back out of order, and capped ones come back later as pieces.
            FetchResult result = ReportFetcher.fetch(fetch(sim, archive, "out", CAP, 4).build(), null);
            JsonNode tables = new ObjectMapper().readTree(result.manifest().toFile()).get("archive").get("tables");
            for (ReportSummary s : result.reports()) {
                assertThat(s.windows()).as(s.report().name() + " windows").isGreaterThan((int) (s.rows() / CAP));
                JsonNode t = tables.get(s.report().name());
                assertThat(t.get("inserted").asLong()).as(s.report().name()).isEqualTo(s.rows()).isPositive();
                assertThat(t.get("updated").asLong() + t.get("unchanged").asLong())
                        .as("every window loaded once").isZero();
            }

            ArchiveLocation whole = TestArchives.create(backend, dir);
            try (ArchiveDatabase db = ArchiveDatabase.open(whole.url(), whole.user(), copy(whole.password()),
                    "the oracle")) {
                for (ReportSummary s : result.reports()) {
                    TableLoader.load(db, ReportTable.of(s.report()), s.file());
                }
                db.commit();
            }
            Map<String, List<String>> fetched = TestArchives.snapshot(archive, TABLES);
            Map<String, List<String>> loadedWhole = TestArchives.snapshot(whole, TABLES);
            fetched.remove("kaltura_sync_state");
            loadedWhole.remove("kaltura_sync_state");
            assertThat(fetched).isEqualTo(loadedWhole);
            assertThat(fetched.get("attendees")).hasSize(12 * 40 * 20);
        }
    }

    @Test
    void theArchiveLoadsWhileLaterWindowsDownload() throws Exception {
        // One request at a time, each answered after 150 ms: many windows, one after another.
        Fault slow = Fault.latency(Duration.ofMillis(150)).only("report", "getCsvFromStringParams");
        try (KalturaSimulator sim = simulator(CAP).fault(slow).start()) {
            ArchiveLocation archive = TestArchives.create(TestArchives.SQLITE, dir);
            AtomicInteger started = new AtomicInteger();
            FetchListener counting = new FetchListener() {
                @Override
                public void windowStarted(ReportDefinition report, Instant from, Instant to) {
                    started.incrementAndGet();
                }
            };
            CompletableFuture<FetchResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return ReportFetcher.fetch(fetch(sim, archive, "out", CAP, 1).reports("rooms").build(),
                            counting);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Windows started when another connection found the archive's write lock taken by the run.
            ConcurrentSkipListSet<Integer> lockedAt = new ConcurrentSkipListSet<>();
            while (!run.isDone()) {
                int before = started.get();
                if (before >= 2 && writeLockTaken(archive)) {
                    lockedAt.add(before);
                }
                Thread.sleep(10);
            }
            ReportSummary rooms = run.get(60, TimeUnit.SECONDS).reports().get(0);
            assertThat(rooms.windows()).isGreaterThan(4);
            // Without loading as windows come, the lock is taken only once every window is in.
            assertThat(lockedAt).as("windows started while the archive was being written")
                    .anyMatch(n -> n < rooms.requests() - 1);
            assertThat(TestArchives.number(archive, "SELECT COUNT(*) FROM rooms")).isEqualTo(rooms.rows());
        }
    }

    /** Whether another writer holds the SQLite archive: a write transaction cannot start at once. */
    private static boolean writeLockTaken(ArchiveLocation archive) throws SQLException {
        Properties p = new Properties();
        p.setProperty("busy_timeout", "0");
        try (Connection c = DriverManager.getConnection(archive.url(), p); Statement s = c.createStatement()) {
            try {
                s.execute("BEGIN IMMEDIATE");
            } catch (SQLException busy) {
                if (busy.getMessage().contains("SQLITE_BUSY")) {
                    return true;
                }
                throw busy;
            }
            s.execute("ROLLBACK");
            return false;
        }
    }

    private static char[] copy(char[] password) {
        return password == null ? null : password.clone();
    }
}
