package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.archive.TestArchives;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.simulator.KalturaSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000,000-row attendee backfill into a SQLite archive in a JVM limited to 64 MB of heap (the simulator serving
 * it runs in the same JVM): the load streams from the saved file in batches. Run by the {@code memory-bounded}
 * surefire execution with {@code -Xmx64m}.
 */
class ArchiveMillionRowsMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aMillionAttendeeRowsGoIntoSqliteInSixtyFourMegabytes() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test must run with -Xmx64m")
                .isLessThanOrEqualTo(80L << 20);
        Path db = dir.resolve("archive.db");
        // 1,000 sessions x 1,000 attendees, each a different user of the session
        try (KalturaSimulator sim = KalturaSimulator.builder().rooms(10).sessionsPerRoom(100)
                .attendeesPerSession(1000).userPool(1000).breakoutsPerSession(0).start()) {
            FetchResult result = ReportFetcher.fetch(settings(sim, dir.resolve("out")).reports("attendees")
                    .archive(db.toString(), null).build(), null);
            JsonNode attendees = new ObjectMapper().readTree(result.manifest().toFile())
                    .get("archive").get("tables").get("attendees");
            assertThat(attendees.get("inserted").asLong()).isEqualTo(1_000_000);
        }
        var archive = io.github.kalturareport.core.archive.ArchiveLocation.parse(db.toString(), null);
        assertThat(TestArchives.number(archive, "SELECT COUNT(*) FROM attendees")).isEqualTo(1_000_000);
        assertThat(TestArchives.number(archive, "SELECT COUNT(DISTINCT cue_point_id) FROM attendees"))
                .isEqualTo(1000);
    }
}
