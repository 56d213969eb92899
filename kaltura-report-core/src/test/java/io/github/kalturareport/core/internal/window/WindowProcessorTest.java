package io.github.kalturareport.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.internal.csv.CsvValues;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowProcessorTest {

    static final String BOM = "\uFEFF";
    static final String ROOMS_HEADER = "entry_id,entry_name,parent_entry_id,cue_point_id,session_start_time,"
            + "session_end_time,session_host_user_id,meeting_view_period_unique_users,meeting_engaged_play_time_ratio\n";

    @TempDir
    Path dir;

    static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private WindowProcessor rooms(boolean descriptive) {
        return new WindowProcessor(ReportDefinition.ROOMS, List.of(), descriptive, ZoneId.of("Europe/Paris"));
    }

    @Test
    void streamsTheHeaderAndRowsAsReceivedWithoutBom() throws Exception {
        Path part = dir.resolve("p");
        WindowProcessor.Outcome o = rooms(false).process(body(BOM + ROOMS_HEADER
                + "1_a,Room A,,cp1,1745000000,1745003600,host,12,0.5\n"
                + "1_b,\"Room, with \"\"quotes\"\"\",1_p,cp2,1745000000,1745000000,host,0,1\n"), part);
        assertThat(o.empty()).isFalse();
        assertThat(o.rows()).isEqualTo(2);
        assertThat(o.lines()).isEqualTo(2);
        assertThat(o.problems().total()).isZero();
        assertThat(o.headerBytes()).isEqualTo(ROOMS_HEADER.length());
        assertThat(Files.readString(part)).isEqualTo(ROOMS_HEADER + "1_a,Room A,,cp1,1745000000,1745003600,host,12,0.5\n"
                + "1_b,\"Room, with \"\"quotes\"\"\",1_p,cp2,1745000000,1745000000,host,0,1\n");
    }

    @Test
    void emptyReportsHaveNoHeaderOrOnlyAHeader() throws Exception {
        assertThat(rooms(false).process(body(BOM + "\n"), dir.resolve("a")).empty()).isTrue();
        assertThat(rooms(false).process(body(BOM), dir.resolve("b")).empty()).isTrue();
        WindowProcessor.Outcome headerOnly = rooms(false).process(body(BOM + ROOMS_HEADER), dir.resolve("c"));
        assertThat(headerOnly.empty()).isFalse();
        assertThat(headerOnly.rows()).isZero();
    }

    @Test
    void aCompleteHeaderAloneMayLackItsLineFeed() throws Exception {
        WindowProcessor.Outcome o = rooms(false).process(body(BOM + ROOMS_HEADER.trim()), dir.resolve("h"));
        assertThat(o.rows()).isZero();
        assertThat(o.layout().missing()).isEmpty();
        assertThatThrownBy(() -> rooms(false).process(body(BOM + "entry_id,entry_name,parent_en"), dir.resolve("i")))
                .isInstanceOf(WindowProcessor.TruncatedBodyException.class);
    }

    @Test
    void aLastRowWithoutLineFeedIsABodyCutShort() {
        assertThatThrownBy(() -> rooms(false).process(body(BOM + ROOMS_HEADER + "1_a,Room A,,cp1,1745000000,17450"),
                dir.resolve("p"))).isInstanceOf(WindowProcessor.TruncatedBodyException.class);
        assertThatThrownBy(() -> rooms(false).process(body(BOM + ROOMS_HEADER + "1_a,\"Room A"), dir.resolve("q")))
                .isInstanceOf(WindowProcessor.TruncatedBodyException.class);
    }

    @Test
    void invalidUtf8IsMalformedNotReplaced() {
        byte[] bad = (BOM + ROOMS_HEADER + "1_a,R\u00e9,,cp1,1745000000,1745003600,h,1,0.5\n")
                .getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 30] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        assertThatThrownBy(() -> rooms(false).process(new ByteArrayInputStream(bad), dir.resolve("p")))
                .isInstanceOf(WindowProcessor.MalformedCsvException.class);
    }

    @Test
    void rowsNotInTheSavedFormAreRewrittenAndTheDigestIsOfThePart() throws Exception {
        Path part = dir.resolve("p");
        WindowProcessor.Outcome o = rooms(false).process(body(BOM + ROOMS_HEADER
                + "\"1_a\",\"Room A\",,cp1,1745000000,1745003600,host,12,0.5\r\n"
                + "1_b,Caf\u00e9 \"Kiez\",,cp2,1745000000,1745003600,host,12,0.5\r\n"
                + "1_c,\"Multi\r\nline\" ,,cp3,1745000000,1745003600,host,12,0.5\n"), part);
        assertThat(o.rows()).isEqualTo(3);
        assertThat(o.lines()).isEqualTo(4);
        assertThat(Files.readString(part)).isEqualTo(ROOMS_HEADER
                + "1_a,Room A,,cp1,1745000000,1745003600,host,12,0.5\n"
                + "1_b,\"Caf\u00e9 \"\"Kiez\"\"\",,cp2,1745000000,1745003600,host,12,0.5\n"
                + "1_c,\"Multi\r\nline\",,cp3,1745000000,1745003600,host,12,0.5\n");
        assertThat(o.sha256()).isEqualTo(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(part)));
    }

    @Test
    void aBodyCutInsideACharacterIsCutShortAndBadBytesMidwayNameTheLine() {
        byte[] cut = (BOM + ROOMS_HEADER + "1_a,Caf\u00e9").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> rooms(false).process(new ByteArrayInputStream(cut, 0, cut.length - 1),
                dir.resolve("p"))).isInstanceOf(WindowProcessor.TruncatedBodyException.class);
        byte[] latin1 = (ROOMS_HEADER + "1_a,Caf\u00e9,,cp1,1745000000,1745003600,h,1,0.5\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> rooms(false).process(new ByteArrayInputStream(latin1), dir.resolve("q")))
                .isInstanceOf(WindowProcessor.MalformedCsvException.class)
                .hasMessageContaining("line 2 is not UTF-8 text");
    }

    @Test
    void problemsNameLineColumnAndValue() throws Exception {
        WindowProcessor.Outcome o = rooms(false).process(body(BOM + ROOMS_HEADER
                + "1_a,\"Multi\nline\",,cp1,1745000000,1745003600,host,12,0.5\n"
                + ",Room,,cp2,abc,1745003600,host,-1,1.5\n"
                + "1_c,Room,,cp3,1745003600,1745000000,host,3,0.2\n"
                + "1_d,Room\n"), dir.resolve("p"));
        assertThat(o.rows()).isEqualTo(4);
        assertThat(o.lines()).isEqualTo(5);
        List<String> described = o.problems().kept().stream().map(p -> p.describe("rooms.csv", 1 + p.line()))
                .toList();
        assertThat(described).containsExactly(
                "rooms.csv line 4, column entry_id: value '' is empty; every row needs this id",
                "rooms.csv line 4, column session_start_time: value 'abc' is not a Unix time in whole seconds",
                "rooms.csv line 4, column meeting_view_period_unique_users: value '-1' is not a non-negative whole "
                        + "number",
                "rooms.csv line 4, column meeting_engaged_play_time_ratio: value '1.5' is not a ratio from 0 to 1",
                "rooms.csv line 5, column session_end_time: value '1745000000' is before the session start time "
                        + "1745003600",
                "rooms.csv line 6: has 2 values but the header has 9 columns (a ragged row)");
    }

    @Test
    void keepsAtMostAHundredProblemsAndCountsTheRest() throws Exception {
        StringBuilder s = new StringBuilder(BOM + ROOMS_HEADER);
        for (int i = 0; i < 150; i++) {
            s.append("1_a,R,,cp,1745000000,1745000001,h,1,7\n");
        }
        WindowProcessor.Outcome o = rooms(false).process(body(s.toString()), dir.resolve("p"));
        assertThat(o.problems().kept()).hasSize(100);
        assertThat(o.problems().total()).isEqualTo(150);
    }

    @Test
    void descriptiveModeWritesIsoTimesInTheZone() throws Exception {
        Path part = dir.resolve("p");
        rooms(true).process(body(BOM + ROOMS_HEADER + "1_a,Room,,cp1,1745000000,1745003600,host,12,0.5\n"), part);
        assertThat(Files.readString(part)).isEqualTo("Entry ID,Room Name,Parent Entry ID,Session ID,Session Start Time,"
                + "Session End Time,Host,Unique Attendees,Engagement Rate\n"
                + "1_a,Room,,cp1,2025-04-18T20:13:20+02:00,2025-04-18T21:13:20+02:00,host,12,0.5\n");
        assertThat(WindowProcessor.savedHeader(ReportDefinition.ROOMS, List.of("entry_id", "new_col"), true))
                .containsExactly("Entry ID", "new_col");
    }

    @Test
    void customReportsAreCheckedForShapeOnly() throws Exception {
        WindowProcessor custom = new WindowProcessor(ReportDefinition.byId(6003), List.of("a", "b"), false,
                ZoneId.of("UTC"));
        WindowProcessor.Outcome o = custom.process(body(BOM + "a,b,c\n1,,x\n2,3\n"), dir.resolve("p"));
        assertThat(o.layout().missing()).isEmpty();
        assertThat(o.layout().extra()).containsExactly("c");
        assertThat(o.problems().total()).isEqualTo(1);
        assertThat(custom.process(body(BOM + "a,x\n"), dir.resolve("q")).layout().missing()).containsExactly("b");
    }

    @Test
    void quotesOnlyWhatMustBeQuoted() throws IOException {
        List<String> values = List.of("plain", " spaced ", "#hash", "", "a,b", "say \"hi\"", "x\ny", "Zo\u00eb");
        String expected = "plain, spaced ,#hash,,\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",Zo\u00eb\n";
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        int lineFeeds = CsvValues.writeRow(w, values, new StringBuilder("left over"));
        assertThat(w.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(lineFeeds).isEqualTo(2);
        assertThat(CsvValues.line(values)).isEqualTo(expected);
    }
}
