package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.Vocabulary;
import io.github.kalturareport.core.check.CheckResult.SessionRow;
import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.report.ReportDefinition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unique attendees per session are exact whether a session's rows come together (as Kaltura sends them) or not. */
class SessionOverviewTest {

    private static final String HEADER = "entry_id,cue_point_id,user_id,user_name,user_email,user_type,"
            + "meeting_view_time,meeting_engaged_play_time_ratio\n";

    @TempDir
    Path dir;

    @Test
    void countsUniqueUsersOfSessionsWhoseRowsComeTogether() throws Exception {
        List<SessionRow> rows = overview(HEADER
                + row("c1", "u1") + row("c1", "u2") + row("c1", "u1")
                + row("c2", "u1") + row("c2", "u3"));
        assertThat(rows).extracting(SessionRow::cuePointId, SessionRow::uniqueAttendees)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c1", 2L),
                        org.assertj.core.groups.Tuple.tuple("c2", 2L));
    }

    @Test
    void recountsSessionsWhoseRowsComeBackAfterAnotherSession() throws Exception {
        // c1's rows are split by c2's and c3's; u1 appears in both parts of c1 and must be counted once.
        List<SessionRow> rows = overview(HEADER
                + row("c1", "u1") + row("c1", "u2")
                + row("c2", "u1")
                + row("c1", "u1") + row("c1", "u3")
                + row("c3", "u4")
                + row("c1", "u2") + row("c1", "u5")
                + row("c2", "u1") + row("c2", "u6"));
        assertThat(rows).extracting(SessionRow::cuePointId, SessionRow::uniqueAttendees,
                SessionRow::averageMinutesViewed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c1", 4L, 10.0),
                        org.assertj.core.groups.Tuple.tuple("c2", 2L, 10.0),
                        org.assertj.core.groups.Tuple.tuple("c3", 1L, 10.0));
    }

    @Test
    void recountHashesUsersAsTheFirstPassDoes() throws Exception {
        // c1 is split; Zoë is written bare, quoted and padded with spaces, and must be one user in both passes.
        List<SessionRow> rows = overview(HEADER
                + row("c1", "Zoë") + row("c1", "\"Zoë\"")
                + row("c2", "Zoë")
                + row("c1", " Zoë ") + row("c1", "\"u,1\"")
                + row("c2", "\"Zoë\""));
        assertThat(rows).extracting(SessionRow::cuePointId, SessionRow::uniqueAttendees)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c1", 2L),
                        org.assertj.core.groups.Tuple.tuple("c2", 1L));
    }

    @Test
    void aSessionWrittenDifferentlyIsStillOneSession() throws Exception {
        // The same session's cells quoted or padded: bytes differ, the stripped text is the same.
        List<SessionRow> rows = overview(HEADER
                + "1_a,c1,u1,Name,x@example.org,Attendee,10,0.5\r\n"
                + "\"1_a\",\"c1\",u2,Name,x@example.org,Attendee,20,0.5\r\n"
                + " 1_a,c1 ,u1,Name,x@example.org,Attendee,30,0.5\n"
                + "1_a,c2,u3,Name,x@example.org,Attendee,10,0.5\n"
                + "1_a,\"c1\",u4,Name,x@example.org,Attendee,40,0.5\n");
        assertThat(rows).extracting(SessionRow::cuePointId, SessionRow::uniqueAttendees,
                SessionRow::averageMinutesViewed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c1", 3L, 25.0),
                        org.assertj.core.groups.Tuple.tuple("c2", 1L, 10.0));
    }

    @Test
    void theQuotedFormGivesTheSameOverviewAsThePlainOne() throws Exception {
        List<SessionRow> plain = overview(CheckFixtures.ATTENDEES);
        assertThat(overview(CheckInputFormsTest.ATTENDEES_QUOTED)).isEqualTo(plain).hasSize(3);
    }

    @Test
    void shortRowsCountTheirMissingUserAsEmpty() throws Exception {
        List<SessionRow> rows = overview(HEADER + row("c1", "u1") + "1_a,c1\n" + "1_a,c1,\n"
                + row("c2", "u2") + "1_a,c1\n");
        assertThat(rows).extracting(SessionRow::cuePointId, SessionRow::uniqueAttendees)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c1", 2L),
                        org.assertj.core.groups.Tuple.tuple("c2", 1L));
    }

    private static String row(String cue, String user) {
        return "1_a," + cue + "," + user + ",Name,x@example.org,Attendee,10,0.5\n";
    }

    /** One pass as ThresholdChecker makes it, then the recount when the overview asks for one. */
    private List<SessionRow> overview(String csv) throws Exception {
        Path file = CheckFixtures.write(dir, "attendees.csv", csv);
        SessionOverview overview = new SessionOverview(new Interactions());
        try (ReportFile f = ReportFile.open(file, ReportDefinition.ATTENDEES, Vocabulary.LIBRARY)) {
            RowConsumer consumer = overview.attendees(f);
            CsvRow row;
            while ((row = f.next()) != null) {
                consumer.accept(row, f.lastLine());
            }
        }
        if (overview.needsRecount()) {
            try (ReportFile again = ReportFile.open(file, ReportDefinition.ATTENDEES, Vocabulary.LIBRARY)) {
                overview.recount(again);
            }
        }
        return overview.rows();
    }
}
