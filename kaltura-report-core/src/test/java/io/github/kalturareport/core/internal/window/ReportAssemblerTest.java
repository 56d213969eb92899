package io.github.kalturareport.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.DataValidationException;
import io.github.kalturareport.core.internal.files.AtomicFiles;
import io.github.kalturareport.core.internal.files.ManifestWriter;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAssemblerTest {

    static final String HEADER = "entry_id,cue_point_id,user_id,user_name,user_email,user_type,meeting_view_time,"
            + "meeting_engaged_play_time_ratio\n";

    @TempDir
    Path dir;

    private ReportAssembler.Piece piece(String name, String body) throws Exception {
        Path part = dir.resolve(name);
        WindowProcessor p = new WindowProcessor(ReportDefinition.ATTENDEES, List.of(), false, ZoneId.of("UTC"));
        return new ReportAssembler.Piece(part, p.process(new ByteArrayInputStream(("\uFEFF" + body)
                .getBytes(StandardCharsets.UTF_8)), part));
    }

    @Test
    void mergesWindowsInOrderWithTheHeaderOnce() throws Exception {
        List<ReportAssembler.Piece> pieces = List.of(
                piece("1", HEADER + "1_a,cp,u1,Ann,a@x,host,10,0.5\n"),
                piece("2", "\n"),
                piece("3", HEADER),
                piece("4", HEADER + "1_a,cp,u2,Bob,b@x,guest,3.5,0.25\n1_a,cp,u3,\"Cy, Jr\",c@x,guest,1,1\n"));
        Path target = dir.resolve("attendees.csv");
        AssembledReport a = new ReportAssembler(ReportDefinition.ATTENDEES, List.of(), false, false)
                .assemble(pieces, target);
        String expected = HEADER + "1_a,cp,u1,Ann,a@x,host,10,0.5\n1_a,cp,u2,Bob,b@x,guest,3.5,0.25\n"
                + "1_a,cp,u3,\"Cy, Jr\",c@x,guest,1,1\n";
        assertThat(Files.readString(a.temp())).isEqualTo(expected);
        assertThat(a.rows()).isEqualTo(3);
        assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(expected.getBytes(StandardCharsets.UTF_8))));
        assertThat(Files.exists(target)).isFalse();
        AtomicFiles.commit(a.temp(), target);
        assertThat(Files.readString(target)).isEqualTo(expected);
    }

    @Test
    void aReportOfOneWindowIsItsPartRenamedWithTheDigestTakenWhileWriting() throws Exception {
        String rows = "1_a,cp,u1,\"Zo\u00eb \"\"Bo\"\"\",a@x,host,10,0.5\n";
        ReportAssembler.Piece only = piece("1", HEADER + rows);
        List<ReportAssembler.Piece> pieces = List.of(piece("0", "\n"), only, piece("2", "\n"));
        AssembledReport a = new ReportAssembler(ReportDefinition.ATTENDEES, List.of(), false, false)
                .assemble(pieces, dir.resolve("attendees.csv"));
        assertThat(Files.readString(a.temp())).isEqualTo(HEADER + rows);
        assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(a.temp()))));
        assertThat(only.part()).doesNotExist();
        assertThat(a.rows()).isEqualTo(1);
    }

    @Test
    void aHeaderSavedDifferentlyFromThePartsIsWrittenOnceAndThePartsCopied() throws Exception {
        ReportAssembler.Piece only = piece("1", HEADER + "1_a,cp,u1,A,a@x,host,10,0.5\n");
        AssembledReport a = new ReportAssembler(ReportDefinition.ATTENDEES, List.of(), true, false)
                .assemble(List.of(only), dir.resolve("attendees.csv"));
        String expected = "Entry ID,Session ID,User ID,Name,Email,Role,Minutes Viewed,Engagement Rate\n"
                + "1_a,cp,u1,A,a@x,host,10,0.5\n";
        assertThat(Files.readString(a.temp())).isEqualTo(expected);
        assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(expected.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void problemLinesAreLinesOfTheSavedFile() throws Exception {
        List<ReportAssembler.Piece> pieces = List.of(
                piece("1", HEADER + "1_a,cp,u1,\"two\nlines\",a@x,host,10,0.5\n1_a,cp,u1,A,a@x,host,10,0.5\n"),
                piece("2", HEADER + "1_a,cp,u2,B,b@x,guest,-3,0.25\n"));
        Path target = dir.resolve("attendees.csv");
        assertThatThrownBy(() -> new ReportAssembler(ReportDefinition.ATTENDEES, List.of(), false, false)
                .assemble(pieces, target))
                .isInstanceOfSatisfying(DataValidationException.class, e -> {
                    assertThat(e.problems()).containsExactly("attendees.csv line 5, column meeting_view_time: "
                            + "value '-3' is not a non-negative number");
                    assertThat(e.getMessage()).contains("nothing was saved", "lenient");
                });
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".attendees"));
        // line 5 really is that row in the saved file, as lenient mode shows
        AssembledReport lenient = new ReportAssembler(ReportDefinition.ATTENDEES, List.of(), false, true)
                .assemble(pieces, target);
        assertThat(Files.readAllLines(lenient.temp()).get(4)).isEqualTo("1_a,cp,u2,B,b@x,guest,-3,0.25");
        assertThat(lenient.warnings()).anyMatch(w -> w.contains("line 5"));
    }

    @Test
    void missingColumnsFailEvenWhenLenientExtraColumnsWarn() throws Exception {
        String noRatio = "entry_id,cue_point_id,user_id,user_name,user_email,user_type,meeting_view_time\n";
        List<ReportAssembler.Piece> missing = List.of(piece("1", noRatio));
        assertThatThrownBy(() -> new ReportAssembler(ReportDefinition.ATTENDEES, List.of(), false, true)
                .assemble(missing, dir.resolve("attendees.csv")))
                .isInstanceOf(DataValidationException.class)
                .hasMessageContaining("meeting_engaged_play_time_ratio");
        String extraHeader = HEADER.trim() + ",country\n";
        AssembledReport a = new ReportAssembler(ReportDefinition.ATTENDEES, List.of(), true, false)
                .assemble(List.of(piece("2", extraHeader + "1_a,cp,u1,A,a@x,host,10,0.5,FR\n")),
                        dir.resolve("attendees.csv"));
        assertThat(a.warnings()).singleElement().asString().contains("country");
        assertThat(Files.readAllLines(a.temp()).get(0)).isEqualTo("Entry ID,Session ID,User ID,Name,Email,Role,"
                + "Minutes Viewed,Engagement Rate,country");
    }

    @Test
    void anEmptyDocumentedReportStillGetsItsHeader() throws Exception {
        AssembledReport a = new ReportAssembler(ReportDefinition.ATTENDEES, List.of(), false, false)
                .assemble(List.of(piece("1", "\n")), dir.resolve("attendees.csv"));
        assertThat(Files.readString(a.temp())).isEqualTo(HEADER);
        assertThat(a.rows()).isZero();
    }

    @Test
    void aHeaderThatChangesBetweenWindowsIsAnError() throws Exception {
        List<ReportAssembler.Piece> pieces = List.of(piece("1", HEADER),
                piece("2", HEADER.trim() + ",extra\n"));
        assertThatThrownBy(() -> new ReportAssembler(ReportDefinition.ATTENDEES, List.of(), false, false)
                .assemble(pieces, dir.resolve("attendees.csv"))).isInstanceOf(DataValidationException.class)
                .hasMessageContaining("different columns");
    }

    @Test
    void manifestIsWrittenAtomically() throws Exception {
        Path m = ManifestWriter.write(dir, Map.of("reports", List.of()));
        assertThat(Files.readString(m)).contains("\"reports\"");
        assertThat(Files.list(dir)).containsExactly(m);
    }
}
