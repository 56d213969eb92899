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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text that looks like SQL, or is hard to carry, goes through the load as data: stored byte for byte in every text
 * column (keys included), and nothing of it is executed. The same on SQLite and on a real PostgreSQL server, over
 * more rows than one statement or batch holds, so that full and partial statements are both exercised.
 */
class AdversarialValuesLoadTest {

    private static final String HEADER = "entry_id,cue_point_id,user_id,user_name,user_email,user_type,"
            + "meeting_view_time,meeting_engaged_play_time_ratio\n";

    /** Each is used as a name, an e-mail and a role, and (up to 61 characters) as a user id. */
    private static final List<String> NASTY = List.of(
            "O'Brien",
            "''",
            "'); DROP TABLE attendees; --",
            "\"); DROP TABLE kaltura_canary; --",
            "x' OR '1'='1",
            "Robert'); DELETE FROM kaltura_sync_state; SELECT ('",
            "back\\slash\\\\ and \\' and \\\"",
            "\"quoted\", with a comma",
            "line\nbreak and\r\ncarriage return\ttab",
            "😀 emoji 👩‍🎓 and é, ß, 中文, עברית",
            "  leading and trailing spaces  ",
            " ",
            "0042",
            "1e3",
            "-0",
            "3.0",
            "NULL",
            "null",
            "?",
            "$1",
            ":name",
            "%_ wildcards",
            "X'00'",
            "CAST(X'41' AS TEXT)",
            "x".repeat(300_000) + "é" + "y".repeat(300_000));

    @TempDir
    Path dir;

    static List<String> backends() {
        return TestArchives.backends().toList();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void hostileTextIsStoredByteForByteAndNothingIsExecuted(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        createCanary(a);
        List<String[]> rows = new ArrayList<>();
        for (int copy = 0; copy < 700; copy++) { // 700 × 25 rows: full statements of 256 and batches of 1,000, and a rest
            for (int i = 0; i < NASTY.size(); i++) {
                String v = copy == 0 ? NASTY.get(i) : shorten(NASTY.get(i)); // one copy of the 600,000-char value
                // A key over 2,704 bytes does not fit PostgreSQL's B-tree: ids are short; names may be long.
                String user = copy == 0 ? shorten(v) : copy + v;
                rows.add(new String[] {"1_entry'" + i, "1_cue;--" + copy, user, v, v, v, "12.5", "0.25"});
            }
        }
        TableLoader.Counts counts = load(a, write("attendees.csv", rows));
        assertThat(counts).isEqualTo(new TableLoader.Counts(rows.size(), 0, 0));

        assertThat(TestArchives.number(a, "SELECT COUNT(*) FROM attendees")).isEqualTo(rows.size());
        assertThat(TestArchives.number(a, "SELECT COUNT(*) FROM kaltura_canary")).isEqualTo(1);
        assertThat(TestArchives.number(a, "SELECT COUNT(*) FROM kaltura_schema_version")).isEqualTo(Schema.VERSION);
        try (Connection c = TestArchives.connect(a);
                PreparedStatement q = c.prepareStatement("SELECT user_name, user_email, user_type, meeting_view_time"
                        + " FROM attendees WHERE entry_id = ? AND cue_point_id = ? AND user_id = ?")) {
            for (String[] row : rows.subList(0, NASTY.size() * 3)) {
                q.setString(1, row[0]);
                q.setString(2, row[1]);
                q.setString(3, row[2]);
                try (ResultSet r = q.executeQuery()) {
                    assertThat(r.next()).as("row keyed %s", shorten(row[2])).isTrue();
                    for (int col = 1; col <= 3; col++) {
                        assertThat(Arrays.equals(utf8(r.getString(col)), utf8(row[3])))
                                .as("column %d of the row keyed %s stored byte for byte", col, shorten(row[2]))
                                .isTrue();
                    }
                    assertThat(r.getDouble(4)).isEqualTo(12.5);
                    assertThat(r.next()).isFalse();
                }
            }
        }

        TableLoader.Counts again = load(a, write("again.csv", rows));
        assertThat(again).as("the same hostile rows loaded again change nothing")
                .isEqualTo(new TableLoader.Counts(0, 0, rows.size()));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aNulCharacterIsKeptBySqliteAndRefusedWholeByPostgresql(String backend) throws Exception {
        ArchiveLocation a = TestArchives.create(backend, dir);
        createCanary(a);
        String nul = "before\0after'); DROP TABLE attendees; --";
        List<String[]> rows = List.of(
                new String[] {"1_a", "1_c", "plain", "Plain Name", "p@example.edu", "Host", "1", "0.5"},
                new String[] {"1_a", "1_c", "u\0nul", nul, nul, nul, "2", "0.5"});
        Path file = write("nul.csv", rows);
        if (TestArchives.SQLITE.equals(backend)) {
            assertThat(load(a, file)).isEqualTo(new TableLoader.Counts(2, 0, 0));
            try (Connection c = TestArchives.connect(a);
                    PreparedStatement q = c.prepareStatement(
                            "SELECT user_name, length(CAST(user_name AS BLOB)) FROM attendees WHERE user_id = ?")) {
                q.setString(1, "u\0nul");
                try (ResultSet r = q.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(Arrays.equals(utf8(r.getString(1)), utf8(nul))).as("stored byte for byte").isTrue();
                    assertThat(r.getLong(2)).isEqualTo(utf8(nul).length);
                }
            }
        } else {
            // PostgreSQL's text cannot hold U+0000: the load fails as a whole and leaves the archive as it was.
            assertThatThrownBy(() -> load(a, file)).isInstanceOf(KalturaReportException.class)
                    .hasMessageContaining("attendees").hasMessageContaining("Nothing of this run was saved")
                    .hasMessageNotContaining("DROP TABLE").hasMessageNotContaining("Plain Name"); // no row's values
            assertThat(TestArchives.rows(a, "SELECT * FROM kaltura_canary")).containsExactly("alive");
            try (Connection c = TestArchives.connect(a)) {
                assertThat(c.getMetaData().getTables(null, c.getSchema(), "attendees", null).next()).isFalse();
            }
        }
        assertThat(TestArchives.number(a, "SELECT COUNT(*) FROM kaltura_canary")).isEqualTo(1);
    }

    private static void createCanary(ArchiveLocation a) throws Exception {
        try (ArchiveDatabase db = ArchiveDatabase.open(a.url(), a.user(), a.password(), a.describe());
                Statement s = db.connection().createStatement()) {
            s.executeUpdate("CREATE TABLE kaltura_canary (v TEXT)");
            s.executeUpdate("INSERT INTO kaltura_canary VALUES ('alive')");
            db.commit();
        }
    }

    private static TableLoader.Counts load(ArchiveLocation a, Path file) throws KalturaReportException {
        try (ArchiveDatabase db = ArchiveDatabase.open(a.url(), a.user(), a.password(), a.describe())) {
            TableLoader.Counts counts = TableLoader.load(db, ReportTable.of(ReportDefinition.ATTENDEES), file);
            db.commit();
            return counts;
        }
    }

    /** A CSV with every value quoted (quotes doubled), as RFC 4180 has it. */
    private Path write(String name, List<String[]> rows) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                csv.append(i > 0 ? "," : "").append('"').append(row[i].replace("\"", "\"\"")).append('"');
            }
            csv.append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 30) + "…" + s.substring(s.length() - 30) : s;
    }
}
