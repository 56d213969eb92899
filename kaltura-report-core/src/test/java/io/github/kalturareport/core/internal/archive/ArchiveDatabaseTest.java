package io.github.kalturareport.core.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.archive.TestArchives;
import io.github.kalturareport.core.report.ReportDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The archive's database layer, the same tests on a SQLite file and on a real PostgreSQL server. */
class ArchiveDatabaseTest {

    private static final String ROOMS_HEADER = "entry_id,entry_name,parent_entry_id,cue_point_id,session_start_time,"
            + "session_end_time,session_host_user_id,meeting_view_period_unique_users,meeting_engaged_play_time_ratio\n";

    @TempDir
    Path dir;

    static List<String> backends() {
        return TestArchives.backends().toList();
    }

    private ArchiveDatabase open(ArchiveLocation a) throws KalturaReportException {
        return ArchiveDatabase.open(a.url(), a.user(), a.password(), a.describe());
    }

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private TableLoader.Counts load(ArchiveLocation a, ReportDefinition report, Path file) throws Exception {
        try (ArchiveDatabase db = open(a)) {
            TableLoader.Counts counts = TableLoader.load(db, ReportTable.of(report), file);
            db.commit();
            return counts;
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aNewArchiveGetsTheCurrentSchemaVersionOnce(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        open(a).close(); // not committed: nothing stays
        try (ArchiveDatabase db = open(a)) {
            db.commit();
        }
        try (ArchiveDatabase db = open(a)) {
            db.commit();
        }
        assertThat(TestArchives.rows(a, "SELECT version FROM kaltura_schema_version"))
                .containsExactly(Integer.toString(Schema.VERSION));
        assertThat(TestArchives.number(a, "SELECT COUNT(*) FROM kaltura_sync_state")).isZero();
        assertThat(TestArchives.number(a, "SELECT COUNT(*) FROM kaltura_check_results")).isZero();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anArchiveFromANewerReleaseIsRefusedAndLeftUntouched(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        try (ArchiveDatabase db = open(a)) {
            db.commit();
        }
        try (Connection c = TestArchives.connect(a); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO kaltura_schema_version (version, applied_at) VALUES (99, 'later')");
        }
        assertThatThrownBy(() -> open(a)).isInstanceOf(KalturaReportException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("knows versions up to "
                        + Schema.VERSION).hasMessageContaining("Upgrade kaltura-report");
        assertThat(TestArchives.rows(a, "SELECT version FROM kaltura_schema_version ORDER BY version"))
                .containsExactly(Integer.toString(Schema.VERSION), "99");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void reportTablesHaveTheServersColumnsTypedAndKeyed(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        load(a, ReportDefinition.ROOMS, csv("rooms.csv", ROOMS_HEADER
                + "1_a,Room A,,c1,1700000000,1700003600,host@x.edu,12,0.75\n"));
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = TestArchives.connect(a); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM rooms")) {
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                types.put(r.getMetaData().getColumnName(i), r.getMetaData().getColumnTypeName(i)
                        .toLowerCase(Locale.ROOT));
            }
        }
        assertThat(types.keySet()).containsExactly("entry_id", "entry_name", "parent_entry_id", "cue_point_id",
                "session_start_time", "session_end_time", "session_host_user_id",
                "meeting_view_period_unique_users", "meeting_engaged_play_time_ratio");
        assertThat(types.get("session_start_time")).isIn("bigint", "int8");
        assertThat(types.get("meeting_view_period_unique_users")).isIn("bigint", "int8");
        assertThat(types.get("meeting_engaged_play_time_ratio")).isIn("double precision", "float8", "double");
        assertThat(types.get("entry_name")).isEqualTo("text");
        assertThat(TestArchives.rows(a, "SELECT session_start_time + 1, meeting_engaged_play_time_ratio * 2,"
                + " parent_entry_id FROM rooms")).containsExactly("1700000001|1.5|");
        assertThat(ReportTable.of(ReportDefinition.ROOMS).keys()).containsExactly("entry_id", "cue_point_id");
        assertThat(ReportTable.of(ReportDefinition.ATTENDEES).keys())
                .containsExactly("entry_id", "cue_point_id", "user_id");
        assertThat(ReportTable.of(ReportDefinition.BREAKOUTS).keys())
                .containsExactly("parent_entry_id", "breakout_entry_id", "cue_point_id");
        assertThat(ReportTable.of(ReportDefinition.byId(6003)).name()).isEqualTo("report_6003");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void rowsAreUpsertedByKeyAndCounted(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        Path first = csv("r1.csv", ROOMS_HEADER
                + "1_a,Room A,,c1,1700000000,1700003600,h,12,0.75\n"
                + "1_a,Room A,,c2,1700100000,1700103600,h,8,0.5\n"
                + "1_b,Room B,,c3,1700200000,1700203600,h,5,0.25\n");
        assertThat(load(a, ReportDefinition.ROOMS, first)).isEqualTo(new TableLoader.Counts(3, 0, 0));
        assertThat(load(a, ReportDefinition.ROOMS, first)).isEqualTo(new TableLoader.Counts(0, 0, 3));
        Path corrected = csv("r2.csv", ROOMS_HEADER
                + "1_a,Room A,,c1,1700000000,1700003600,h,12,0.75\n"
                + "1_a,Room A,,c2,1700100000,1700103600,h,11,0.55\n"
                + "1_b,Room B,,c3,1700200000,1700203600,h,5,0.25\n"
                + "1_b,Room B,,c4,1700300000,1700303600,h,9,0.9\n");
        assertThat(load(a, ReportDefinition.ROOMS, corrected)).isEqualTo(new TableLoader.Counts(1, 1, 2));
        assertThat(TestArchives.rows(a, "SELECT cue_point_id, meeting_view_period_unique_users FROM rooms"
                + " ORDER BY cue_point_id")).containsExactly("c1|12", "c2|11", "c3|5", "c4|9");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aCustomReportIsKeyedByItsRowAndGainsNewColumns(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        ReportDefinition custom = ReportDefinition.byId(6003);
        assertThat(load(a, custom, csv("c1.csv", "a,b\nx,1\ny,2\ny,2\n"))).isEqualTo(new TableLoader.Counts(2, 0, 1));
        assertThat(load(a, custom, csv("c2.csv", "a,b,c\nx,1,\nz,3,new\n")).inserted()).isEqualTo(2);
        assertThat(TestArchives.rows(a, "SELECT a, b, c FROM report_6003"))
                .containsExactlyInAnyOrder("x|1|null", "x|1|", "y|2|null", "z|3|new");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void descriptiveHeadersAndIsoTimesMapBackToTheServersColumns(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        load(a, ReportDefinition.ROOMS, csv("d.csv", "Entry ID,Room Name,Parent Entry ID,Session ID,"
                + "Session Start Time,Session End Time,Host,Unique Attendees,Engagement Rate\n"
                + "1_a,Room A,,c1,2023-11-14T22:13:20Z,2023-11-14T23:13:20+00:00,h,12,0.75\n"));
        assertThat(TestArchives.rows(a, "SELECT entry_id, session_start_time, session_end_time FROM rooms"))
                .containsExactly("1_a|1700000000|1700003600");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whatIsNotCommittedIsNotThere(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        try (ArchiveDatabase db = open(a)) {
            TableLoader.load(db, ReportTable.of(ReportDefinition.ROOMS), csv("r.csv", ROOMS_HEADER
                    + "1_a,Room A,,c1,1700000000,1700003600,h,12,0.75\n"));
            SyncState.advance(db, "rooms", "", 1700000000L, java.time.Instant.now());
        }
        try (ArchiveDatabase db = open(a)) {
            assertThat(SyncState.watermark(db, "rooms", "")).isEmpty();
            String schema = a.kind() == ArchiveLocation.Kind.POSTGRESQL ? db.connection().getSchema() : null;
            assertThat(db.connection().getMetaData().getTables(null, schema, "rooms", null).next()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aSecondRunWaitsForTheFirst(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        try (ArchiveDatabase db = open(a)) {
            db.commit();
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ArchiveDatabase first = open(a);
        try {
            SyncState.advance(first, "rooms", "", 100L, java.time.Instant.now());
            CountDownLatch started = new CountDownLatch(1);
            Future<Long> second = pool.submit(() -> {
                started.countDown();
                try (ArchiveDatabase db = open(a)) {
                    long w = SyncState.watermark(db, "rooms", "").orElse(-1);
                    SyncState.advance(db, "rooms", "", 200L, java.time.Instant.now());
                    db.commit();
                    return w;
                }
            });
            started.await();
            Thread.sleep(700);
            assertThat(second.isDone()).as("the second run waits while the first holds the archive").isFalse();
            first.commit();
            first.close();
            assertThat(second.get(30, TimeUnit.SECONDS)).as("it then sees the first's commit").isEqualTo(100L);
        } finally {
            first.close();
            pool.shutdownNow();
        }
        try (ArchiveDatabase db = open(a)) {
            assertThat(SyncState.watermark(db, "rooms", "")).hasValue(200L);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aWrongPasswordOrHostFailsClearlyWithoutThePassword(String backend) throws Exception {
        ArchiveLocation good = TestArchives.create(backend, dir);
        if (good.kind() == ArchiveLocation.Kind.SQLITE) {
            ArchiveLocation nowhere = ArchiveLocation.parse(dir.resolve("missing/dir/a.db").toString(), null);
            assertThatThrownBy(() -> open(nowhere)).hasMessageContaining("Cannot open the archive")
                    .hasMessageContaining("directory exists");
            return;
        }
        ArchiveLocation bad = good.withCredentials(good.user(), "Wrong-Pass-123".toCharArray());
        assertThatThrownBy(() -> open(bad)).hasMessageContaining("Cannot open the archive")
                .hasMessageContaining("password").hasMessageNotContaining("Wrong-Pass-123");
    }
}
