package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.DataValidationException;
import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation through the whole fetch: line numbers of the saved file, strict and lenient, custom reports. */
class ValidationOverHttpTest {

    static final String HEADER = "entry_id,entry_name,parent_entry_id,cue_point_id,session_start_time,"
            + "session_end_time,session_host_user_id,meeting_view_period_unique_users,meeting_engaged_play_time_ratio\n";

    static CannedCsvServer server;

    @TempDir
    Path out;

    @BeforeAll
    static void start() throws Exception {
        server = new CannedCsvServer();
        server.serve(6000, HEADER
                + "1_a,Room A,,cp1,1745000000,1745003600,host,12,0.5\n"
                + "1_b,\"Room \"\"B\"\"\nsecond line\",,cp2,1745000000,1745003600,host,3,0.25\n"
                + "1_c,Room C,,cp3,1745000000,1745003600,host,4,1.25\n"
                + "1_d,Room D,,,1745003600,1745000000,host,x,0.1\n");
        server.serve(6003, "a,b,extra\n1,2,3\n4,5\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private FetchOptions settings() {
        return new FetchOptions().serviceUrl(server.baseUrl()).partnerId("1000")
                .credentials(Credentials.adminSecret("any")).from("2025-04-01").to("2025-04-30")
                .outputDirectory(out).retryDelays(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void strictModeNamesFileLineColumnAndValueAndSavesNothing() throws Exception {
        Path previous = Files.writeString(out.resolve("rooms.csv"), "previous\n");
        assertThatThrownBy(() -> ReportFetcher.fetch(settings().reports("rooms").build(), null))
                .isInstanceOfSatisfying(DataValidationException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "rooms.csv line 5, column meeting_engaged_play_time_ratio: value '1.25' is not a ratio "
                                    + "from 0 to 1",
                            "rooms.csv line 6, column cue_point_id: value '' is empty; every row needs this id",
                            "rooms.csv line 6, column meeting_view_period_unique_users: value 'x' is not a "
                                    + "non-negative whole number",
                            "rooms.csv line 6, column session_end_time: value '1745000000' is before the session "
                                    + "start time 1745003600");
                    assertThat(e.getMessage()).contains("4 problem(s)", "nothing was saved", "lenient");
                });
        assertThat(names(out)).containsExactly("rooms.csv");
        assertThat(Files.readString(previous)).isEqualTo("previous\n");
    }

    @Test
    void aServerThatIgnoresExcludedFieldsGetsItsAnswerRefusedAndNothingIsSaved() throws Exception {
        // This server sends session_host_user_id whatever excludedFields asks, as a server ignoring it would.
        assertThatThrownBy(() -> ReportFetcher.fetch(settings().reports("rooms").personalData("drop").lenient(true)
                .build(), null))
                .isInstanceOf(DataValidationException.class)
                .hasMessageContaining("the answer has the column(s) session_host_user_id that were asked to be left"
                        + " out")
                .hasMessageContaining("Nothing was saved");
        assertThat(names(out)).isEmpty();
    }

    @Test
    void lenientModeKeepsTheRowsAndTheLineNumbersPointAtThem() throws Exception {
        RecordingListener listener = new RecordingListener();
        FetchResult r = ReportFetcher.fetch(settings().reports("rooms").lenient(true).build(), listener);
        List<String> lines = Files.readAllLines(r.reports().get(0).file());
        assertThat(lines).hasSize(6);
        assertThat(lines.get(2)).isEqualTo("1_b,\"Room \"\"B\"\"");
        assertThat(lines.get(4)).startsWith("1_c,").contains("1.25");
        assertThat(lines.get(5)).startsWith("1_d,");
        assertThat(listener.warnings).anyMatch(w -> w.startsWith("rooms.csv line 5, column "
                + "meeting_engaged_play_time_ratio"));
        assertThat(listener.warnings).anyMatch(w -> w.startsWith("rooms.csv line 6, column session_end_time"));
        assertThat(new ObjectMapper().readTree(r.manifest().toFile()).get("reports").get(0).get("warnings"))
                .hasSizeGreaterThan(3);
    }

    @Test
    void customReportsAreCheckedForShapeAndDeclaredColumns() throws Exception {
        assertThatThrownBy(() -> ReportFetcher.fetch(settings().reports("6003").build(), null))
                .isInstanceOfSatisfying(DataValidationException.class, e -> assertThat(e.problems())
                        .containsExactly("report-6003.csv line 3: has 2 values but the header has 3 columns "
                                + "(a ragged row)"));
        assertThatThrownBy(() -> ReportFetcher.fetch(settings().reports("6003")
                .expectedColumns("6003", List.of("a", "b", "c")).build(), null))
                .isInstanceOf(DataValidationException.class).hasMessageContaining("declared column(s) c");
        RecordingListener listener = new RecordingListener();
        FetchResult r = ReportFetcher.fetch(settings().reports("6003").expectedColumns("6003", List.of("a", "b"))
                .lenient(true).build(), listener);
        assertThat(r.reports().get(0).file().getFileName()).hasToString("report-6003.csv");
        assertThat(Files.readString(r.reports().get(0).file())).isEqualTo("a,b,extra\n1,2,3\n4,5\n");
        assertThat(listener.warnings).anyMatch(w -> w.contains("extra") && w.contains("not declared"));
    }
}
