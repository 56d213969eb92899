package io.github.kalturareport.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.archive.TestArchives;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.simulator.KalturaSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fetch killed (SIGKILL) while it loads the archive: SQLite's journal undoes the open transaction at the next
 * open, so the archive is exactly as before, and no report file of the killed run was committed.
 */
class ArchiveKilledRunTest {

    @TempDir
    Path dir;

    @Test
    void aRunKilledWhileLoadingLeavesTheArchiveAsItWas() throws Exception {
        Path db = dir.resolve("archive.db");
        ArchiveLocation archive = ArchiveLocation.parse(db.toString(), null);
        try (KalturaSimulator sim = KalturaSimulator.builder().rooms(10).sessionsPerRoom(30).attendeesPerSession(1000)
                .userPool(1000).breakoutsPerSession(0).start()) {
            String half = sim.dataStart().plus(Duration.between(sim.dataStart(), sim.dataEnd()).dividedBy(2))
                    .toString();
            ReportFetcher.fetch(SimulatorFetch.settings(sim, dir.resolve("first")).reports("attendees").to(half)
                    .archive(db.toString(), null).build(), null);
            Map<String, List<String>> before = TestArchives.snapshot(archive, "attendees");
            assertThat(before.get("attendees")).hasSize(150_000);

            Path out = dir.resolve("killed");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ArchiveChild.class.getName(), sim.baseUrl(),
                    out.toString(), db.toString(), sim.dataStart().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            Path journal = dir.resolve("archive.db-journal");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int seen = 0;
            while (seen < 5 && child.isAlive() && System.nanoTime() < deadline) {
                seen = Files.exists(journal) ? seen + 1 : 0; // the load's transaction is open and writing
                Thread.sleep(10);
            }
            assertThat(child.isAlive()).as("the child is still loading: " + Files.readString(dir.resolve(
                    "child.log"))).isTrue();
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            assertThat(out.resolve("attendees.csv")).doesNotExist();
            assertThat(TestArchives.snapshot(archive, "attendees")).isEqualTo(before);
            assertThat(TestArchives.rows(archive, "PRAGMA integrity_check")).containsExactly("ok");
        }
    }
}
