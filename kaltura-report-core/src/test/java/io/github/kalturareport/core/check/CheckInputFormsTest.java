package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check reads every form a CSV may take (byte order mark, CRLF, quoting, line breaks and non-ASCII text in
 * values) the same, and a file that is not CSV in UTF-8 fails naming the file, the line and the fix.
 */
class CheckInputFormsTest {

    /**
     * {@link CheckFixtures#ATTENDEES} with a byte order mark, CRLF line ends, a quoted header, needless and needed
     * quotes, names holding commas, doubled quotes, CRLF line breaks and non-ASCII letters. The figures and ids are
     * the same, and so are the lines the rows start on (Cy's name spans lines 5–6, Di's row starts on line 7).
     */
    static final String ATTENDEES_QUOTED = "\uFEFF"
            + "\"entry_id\",\"cue_point_id\",\"user_id\",\"user_name\",\"user_email\",\"user_type\","
            + "\"meeting_view_time\",\"meeting_engaged_play_time_ratio\"\r\n"
            + "\"1_a\",\"c1\",\"u1\",\"Ann, the first\",\"ann@example.org\",\"Attendee\",\"10\",\"0.5\"\r\n"
            + "1_a,c1,u2,\"Bob \"\"the\"\" builder\",bob@example.org,Host,20,0.75\r\n"
            + "1_a,\"c2\",u1,\"Ann, the first\",ann@example.org,Attendee,30,\"0.25\"\r\n"
            + "1_b,c3,u3,\"Cy\r\nJr\",cy@example.org,Attendee,40,0.5\r\n"
            + "1_b,c3,u4,\"Dí,\r\n中文 \"\"Zoë\"\"\",di@example.org,Attendee,,1.0\r\n";

    private static final String RULES = "attendees:mean(engagement) by entry_id >= 60%;"
            + " attendees:each(engagement) <= 90%; attendees:mean(viewTime) == 25; attendees:min(engagement) >= 0.25;"
            + " attendees:max(engagement) < 1; attendees:count(user_id) == 5; attendees:distinct(user_id) == 4;"
            + " attendees:distinct(user_name) == 4; attendees:count(user_name) by cue_point_id >= 2;"
            + " attendees:p80(engagement) == 0.75; attendees:mean(engagement) where user_type=Attendee >= 56.25%;"
            + " attendees:sum(engagement) where meeting_view_time=20.0 == 0.75";

    @TempDir
    Path dir;

    @Test
    void quotedCrlfByteOrderMarkAndNonAsciiGiveTheSameVerdictsAsThePlainFile() throws Exception {
        CheckFixtures.allReports(dir);
        List<RuleResult> plain = check().results();
        CheckFixtures.write(dir, "attendees.csv", ATTENDEES_QUOTED);
        List<RuleResult> quoted = check().results();

        assertThat(quoted).extracting(RuleResult::message)
                .containsExactlyElementsOf(plain.stream().map(RuleResult::message).toList());
        assertThat(quoted).extracting(RuleResult::group, RuleResult::actualText, RuleResult::verdict).containsExactly(
                tuple("entry_id=1_a", "50%", Verdict.FAIL), tuple("entry_id=1_b", "75%", Verdict.PASS),
                tuple(null, "1 of 5 rows outside", Verdict.FAIL), tuple(null, "25", Verdict.PASS),
                tuple(null, "0.25", Verdict.PASS), tuple(null, "1", Verdict.FAIL), tuple(null, "5", Verdict.PASS),
                tuple(null, "4", Verdict.PASS), tuple(null, "4", Verdict.PASS),
                tuple("cue_point_id=c1", "2", Verdict.PASS), tuple("cue_point_id=c2", "1", Verdict.FAIL),
                tuple("cue_point_id=c3", "2", Verdict.PASS), tuple(null, "0.75", Verdict.PASS),
                tuple(null, "56.25%", Verdict.PASS), tuple(null, "0.75", Verdict.PASS));
        assertThat(quoted.get(2).message()).endsWith("entry_id=1_b, cue_point_id=c3, user_id=u4: 1.0 (line 7)");
    }

    @Test
    void aGroupWrittenWithSpacesIsTheSameGroupWhereverItsRowsAre() throws Exception {
        CheckFixtures.allReports(dir);
        CheckFixtures.write(dir, "attendees.csv", "entry_id,user_id,meeting_engaged_play_time_ratio\n"
                + "1_a,u1,0.5\n\"1_a\"  ,u2,0.25\n1_b,u3,1\n 1_a ,u4,0.75\n1_b,u5,\n");
        List<RuleResult> results = check("attendees:mean(engagement) by entry_id >= 50%;"
                + " attendees:count(user_id) by entry_id >= 2").results();
        assertThat(results).extracting(RuleResult::group, RuleResult::actualText, RuleResult::verdict).containsExactly(
                tuple("entry_id=1_a", "50%", Verdict.PASS), tuple("entry_id=1_b", "100%", Verdict.PASS),
                tuple("entry_id=1_a", "3", Verdict.PASS), tuple("entry_id=1_b", "2", Verdict.PASS));
    }

    @Test
    void emptyLinesAreSkippedAndTheLineNumbersOfLaterRowsCountThem() throws Exception {
        CheckFixtures.allReports(dir);
        CheckFixtures.write(dir, "attendees.csv", "entry_id,user_id,meeting_engaged_play_time_ratio\n\n"
                + "1_a,u1,0.5\r\n\r\n\n1_a,u2,0.95\n");
        RuleResult each = check("attendees:each(engagement) <= 90%").results().get(0);
        assertThat(each.message()).endsWith("1 of 2 rows outside: entry_id=1_a, user_id=u2: 0.95 (line 6)");
    }

    @Test
    void aFileThatIsNotUtf8FailsNamingTheFileTheLineAndTheFix() throws Exception {
        CheckFixtures.allReports(dir);
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.write(CheckFixtures.ATTENDEES.replace("Bob", "Zoë").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("attendees.csv"), latin1.toByteArray());
        assertThatThrownBy(this::check)
                .isInstanceOf(KalturaReportException.class)
                .hasMessageStartingWith("attendees.csv line 3 cannot be read as CSV: line 3 is not UTF-8 text")
                .hasMessageEndingWith(". Run a fetch again to rewrite the file.");
        assertThat(dir.resolve("check")).doesNotExist();
    }

    @Test
    void aHeaderThatIsNotUtf8FailsOnLineOne() throws Exception {
        CheckFixtures.allReports(dir);
        Files.write(dir.resolve("rooms.csv"), "entry_id,entry_name\u00e9\n1_a,A\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> check("attendees:count(user_id) >= 1"))
                .isInstanceOf(KalturaReportException.class)
                .hasMessageStartingWith("rooms.csv line 1 cannot be read as CSV: line 1 is not UTF-8 text")
                .hasMessageEndingWith("Run a fetch again to rewrite the file.");
    }

    @Test
    void aBrokenQuoteFailsNamingTheFileTheLineAndTheFix() throws Exception {
        CheckFixtures.allReports(dir);
        CheckFixtures.write(dir, "attendees.csv", CheckFixtures.ATTENDEES.replace("Di,", "\"Di,"));
        assertThatThrownBy(this::check)
                .isInstanceOf(KalturaReportException.class)
                .hasMessage("attendees.csv line 7 cannot be read as CSV: the input ended inside a quoted value that"
                        + " starts on line 7. Run a fetch again to rewrite the file.");

        CheckFixtures.write(dir, "attendees.csv", CheckFixtures.ATTENDEES.replace("Bob,", "\"Bob\"x,"));
        assertThatThrownBy(this::check)
                .isInstanceOf(KalturaReportException.class)
                .hasMessageStartingWith("attendees.csv line 3 cannot be read as CSV: line 3: 'x' follows the"
                        + " closing quote")
                .hasMessageEndingWith(". Run a fetch again to rewrite the file.");
    }

    private CheckResult check() throws Exception {
        return check(RULES);
    }

    private CheckResult check(String rules) throws Exception {
        return ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir).rules(rules).build(), null);
    }
}
