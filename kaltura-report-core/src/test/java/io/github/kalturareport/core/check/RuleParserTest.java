package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.RuleException;
import io.github.kalturareport.core.check.Rule.Bound;
import io.github.kalturareport.core.check.Rule.OnEmpty;
import io.github.kalturareport.core.check.Rule.Severity;
import io.github.kalturareport.core.report.ReportDefinition;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

    private static final String FORM = "write REPORT:AGG(METRIC) [by COLUMN] [where COLUMN=VALUE] OP NUMBER[%],"
            + " e.g. attendees:mean(engagement) >= 60%.";

    @Test
    void parsesTheContractsExamples() throws Exception {
        Rule rule = RuleParser.parse("attendees:mean(engagement) >= 60%");
        assertThat(rule.report()).isSameAs(ReportDefinition.ATTENDEES);
        assertThat(rule.metric()).isEqualTo("engagement");
        assertThat(rule.column()).isEqualTo("meeting_engaged_play_time_ratio");
        assertThat(rule.aggregate().kind()).isEqualTo(Aggregate.Kind.MEAN);
        assertThat(rule.lower()).isEqualTo(new Bound(new BigDecimal("60"), true, true));
        assertThat(rule.lower().value()).isEqualTo(0.6);
        assertThat(rule.upper()).isNull();
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
        assertThat(rule.onEmpty()).isEqualTo(OnEmpty.NODATA);

        Rule grouped = RuleParser.parse("rooms:min(uniqueUsers) by entry_id >= 5");
        assertThat(grouped.column()).isEqualTo("meeting_view_period_unique_users");
        assertThat(grouped.groupBy()).isEqualTo("entry_id");
        assertThat(grouped.text()).isEqualTo("rooms:min(uniqueUsers) by entry_id >= 5");
    }

    @Test
    void aliasesResolvePerReport() throws Exception {
        assertThat(RuleParser.parse("breakouts:mean(engagement) >= 0.5").column()).isEqualTo("engagement_rate");
        assertThat(RuleParser.parse("rooms:mean(engagement) >= 0.5").column())
                .isEqualTo("meeting_engaged_play_time_ratio");
        assertThat(RuleParser.parse("breakouts:min(participants) >= 2").column()).isEqualTo("participant_count");
        assertThat(RuleParser.parse("breakouts:max(duration) <= 3600").column()).isEqualTo("duration");
        assertThat(RuleParser.parse("attendees:sum(viewTime) > 10").column()).isEqualTo("meeting_view_time");
        assertThat(RuleParser.parse("6001:count(user_id) >= 1").report()).isSameAs(ReportDefinition.ATTENDEES);
    }

    @Test
    void customReportsTakeAnyColumnByIdOrFileName() throws Exception {
        Rule byId = RuleParser.parse("7001:max(latency) < 250");
        Rule byName = RuleParser.parse("report-7001:max(latency) < 250");
        assertThat(byId).isEqualTo(byName);
        assertThat(byId.report().fileName()).isEqualTo("report-7001.csv");
        assertThat(byId.text()).isEqualTo("report-7001:max(latency) < 250");
    }

    @Test
    void bothFormsParseToTheSameRule() throws Exception {
        Threshold threshold = Threshold.of("attendees", "engagement", "mean", "40%", "90%").withGroupBy("entry_id")
                .withWhere("user_type=Attendee").withSeverity("warning").withOnEmpty("fail");
        Rule structured = RuleParser.fromThreshold(threshold, 0);
        Rule line = RuleParser.parse("attendees:mean(engagement) by entry_id where user_type=Attendee"
                + " >= 40% and <= 90% onEmpty=fail severity=warning");
        assertThat(structured).isEqualTo(line).hasSameHashCodeAs(line);
        // The canonical text parses back to the same rule.
        assertThat(RuleParser.parse(structured.text())).isEqualTo(structured);
        assertThat(structured.text()).isEqualTo("attendees:mean(engagement) by entry_id where user_type=Attendee"
                + " >= 40% and <= 90% onEmpty=fail severity=warning");
    }

    @Test
    void operatorsMapToInclusiveAndExclusiveBounds() throws Exception {
        Rule eq = RuleParser.parse("rooms:count(entry_id) == 3");
        assertThat(eq.lower()).isEqualTo(eq.upper());
        assertThat(eq.accepts(3)).isTrue();
        assertThat(eq.accepts(2.999)).isFalse();
        assertThat(eq.expected()).isEqualTo("== 3");
        Rule gt = RuleParser.parse("rooms:count(entry_id) > 3");
        assertThat(gt.accepts(3)).isFalse();
        assertThat(gt.accepts(3.5)).isTrue();
        Rule lt = RuleParser.parse("rooms:count(entry_id) < 3");
        assertThat(lt.accepts(3)).isFalse();
        assertThat(lt.accepts(2)).isTrue();
        Rule ge = RuleParser.parse("rooms:count(entry_id)>=3");
        assertThat(ge.accepts(3)).isTrue();
        // The structured form's minimum and maximum are inclusive.
        Rule range = RuleParser.fromThreshold(Threshold.of("rooms", "engagement", "mean", "0.4", "0.9"), 0);
        assertThat(range.accepts(0.4)).isTrue();
        assertThat(range.accepts(0.9)).isTrue();
        assertThat(range.accepts(0.91)).isFalse();
    }

    @Test
    void keywordsAndQuotedValuesAndPercentiles() throws Exception {
        Rule rule = RuleParser.parse("  attendees:P99.5(viewTime)  BY entry_id  WHERE user_name=\"Jane \\\"JD\\\" Doe\""
                + "  <= 120  ");
        assertThat(rule.aggregate().text()).isEqualTo("p99.5");
        assertThat(rule.whereValue()).isEqualTo("Jane \"JD\" Doe");
        // A name is personal: the text, which travels in every output, hides it, so it reads back differently.
        assertThat(rule.text()).contains("where user_name=(hidden)").doesNotContain("Jane");
        Rule quoted = RuleParser.parse("attendees:p50(viewTime) where user_type=\"Co \\\"host\\\"\" <= 120");
        assertThat(RuleParser.parse(quoted.text())).isEqualTo(quoted);
    }

    @Test
    void splitsRulesOnSemicolonsOutsideQuotes() throws Exception {
        List<Rule> rules = RuleParser.parseRules("rooms:min(uniqueUsers) >= 1; ;attendees:count(user_id)"
                + " where user_name=\"a;b\" >= 1;");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(1).whereValue()).isEqualTo("a;b");
        assertThat(RuleParser.parseRules(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        attendees:foo(engagement) >= 60%          | unknown aggregate 'foo'; use min, max, mean, wmean, sum, count, distinct, each or a percentile such as p95. | 10 | 3
        lecture:mean(engagement) >= 60%           | unknown report 'lecture'; use rooms, attendees, breakouts, reactions, chatTranscripts, chatModeration, pollsActivity, chatActivity or a custom report id such as 7001.       | 0  | 7
        attendees:mean(engagement) => 60%         | unknown operator '=>'; use >=, >, <=, < or ==.                                                         | 27 | 2
        attendees:mean(engagement) >= sixty       | 'sixty' is not a number; write e.g. 5, 0.6 or 60%.                                                    | 30 | 5
        attendees:mean(engagement) >= 60          | meeting_engaged_play_time_ratio is a fraction from 0 to 1, so 60 can never be reached; write 60% or 0.6. | 30 | 2
        rooms:mean(uniqueUsers) >= 60%            | a percentage compares a fraction, but mean(meeting_view_period_unique_users) is not a ratio column; write a plain number. | 27 | 3
        attendees:count(user_id) >= 50%           | a percentage compares a fraction, but count(user_id) is not a ratio column; write a plain number.     | 28 | 3
        attendees:mean(entry_id) >= 1             | mean needs numbers, but entry_id holds identifiers; use count or distinct on it, or a numeric column. | 15 | 8
        attendees:mean(engagement) >= 90% and <= 40% | the minimum 90% is above the maximum 40%, so no value could pass; swap them or fix one.           | 30 | 3
        attendees:mean(engagement) >= 60% and > 50%  | a second lower bound; a rule has at most one minimum and one maximum.                              | 40 | 3
        attendees:mean(engagement >= 60%          | this '(' has no ')' after the metric; FORM                                                             | 14 | 1
        attendees:mean(engagement)                | no comparison; end the rule with OP NUMBER such as >= 60% (OP one of >= > <= < ==).                   | 26 | 1
        attendees:mean(engagement) >= 60% severity=fatal | unknown severity 'fatal'; use error or warning.                                                 | 43 | 5
        attendees:mean(engagement) >= 60% onEmpty=maybe  | unknown onEmpty 'maybe'; use nodata (the default), pass or fail.                                 | 42 | 5
        attendees:mean(engagement) >= 60% lol     | unexpected 'lol'; after REPORT:AGG(METRIC) come [by COLUMN] [where COLUMN=VALUE] OP NUMBER[%] [onEmpty=nodataPIPEpassPIPEfail] [severity=errorPIPEwarning]. | 34 | 3
        attendees:p101(engagement) >= 60%         | unknown aggregate 'p101'; use min, max, mean, wmean, sum, count, distinct, each or a percentile such as p95. | 10 | 4
        """)
    void rejectsBadRulesWithTheTextAndACaret(String rule, String problem, int position, int length) {
        String expected = "Bad rule in 'rules': " + problem.replace("FORM", FORM).replace("PIPE", "|") + "\n  "
                + rule + "\n  " + " ".repeat(position) + "^".repeat(length);
        assertThatThrownBy(() -> RuleParser.parse(rule))
                .isInstanceOf(RuleException.class)
                .hasMessage(expected)
                .satisfies(e -> {
                    assertThat(((RuleException) e).parameter()).isEqualTo("rules");
                    assertThat(((RuleException) e).position()).isEqualTo(position);
                });
    }

    @Test
    void rejectsAnUnknownMetricNamingTheColumnsAndAliases() {
        assertThatThrownBy(() -> RuleParser.parse("attendees:mean(zzzzz) >= 60%")).hasMessage(
                "Bad rule in 'rules': unknown metric 'zzzzz' in report attendees; use a column (entry_id,"
                        + " cue_point_id, user_id, user_name, user_email, user_type, meeting_view_time,"
                        + " meeting_engaged_play_time_ratio) or an alias (engagement, viewTime).\n"
                        + "  attendees:mean(zzzzz) >= 60%\n"
                        + "                 ^^^^^");
    }

    @Test
    void avgIsAnotherNameForMeanInBothForms() throws Exception {
        Rule avg = RuleParser.parse("attendees:AVG(engagement) by entry_id >= 60%");
        assertThat(avg.aggregate().kind()).isEqualTo(Aggregate.Kind.MEAN);
        assertThat(avg).isEqualTo(RuleParser.parse("attendees:mean(engagement) by entry_id >= 60%"));
        assertThat(avg.text()).isEqualTo("attendees:mean(engagement) by entry_id >= 60%");
        Rule structured = RuleParser.fromThreshold(Threshold.of("attendees", "engagement", "avg", "60%", null)
                .withGroupBy("entry_id"), 0);
        assertThat(structured).isEqualTo(avg).hasSameHashCodeAs(avg);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        attendees:meen(engagement) >= 60%           | unknown aggregate 'meen'; did you mean 'mean'? Or use min, max, mean, wmean, sum, count, distinct, each or a percentile such as p95. | 10 | 4
        attendees:distinkt(user_id) >= 1            | unknown aggregate 'distinkt'; did you mean 'distinct'? Or use min, max, mean, wmean, sum, count, distinct, each or a percentile such as p95. | 10 | 8
        room:mean(engagement) >= 60%                | unknown report 'room'; did you mean 'rooms'? Or use rooms, attendees, breakouts, reactions, chatTranscripts, chatModeration, pollsActivity, chatActivity or a custom report id such as 7001. | 0 | 4
        atendees:mean(engagement) >= 60%            | unknown report 'atendees'; did you mean 'attendees'? Or use rooms, attendees, breakouts, reactions, chatTranscripts, chatModeration, pollsActivity, chatActivity or a custom report id such as 7001. | 0 | 8
        breakouts:mean(engagment) >= 60%            | unknown metric 'engagment' in report breakouts; did you mean 'engagement'? Or use a column (parent_entry_id, parent_entry_name, breakout_entry_id, breakout_entry_name, cue_point_id, session_initiator, session_start_time, session_end_time, duration, participant_count, engagement_rate) or an alias (engagement, participants, duration). | 15 | 9
        attendees:sum(viewtme) >= 1                 | unknown metric 'viewtme' in report attendees; did you mean 'viewTime'? Or use a column (entry_id, cue_point_id, user_id, user_name, user_email, user_type, meeting_view_time, meeting_engaged_play_time_ratio) or an alias (engagement, viewTime). | 14 | 7
        attendees:mean(engagement) by entry >= 60%  | unknown column 'entry' in report attendees; did you mean 'entry_id'? Or use a column (entry_id, cue_point_id, user_id, user_name, user_email, user_type, meeting_view_time, meeting_engaged_play_time_ratio) or an alias (engagement, viewTime). | 30 | 5
        attendees:mean(engagement) where user_tpye=Host >= 60% | unknown column 'user_tpye' in report attendees; did you mean 'user_type'? Or use a column (entry_id, cue_point_id, user_id, user_name, user_email, user_type, meeting_view_time, meeting_engaged_play_time_ratio) or an alias (engagement, viewTime). | 33 | 9
        """)
    void suggestsTheCloseWordForAMisspeltPart(String rule, String problem, int position, int length) {
        assertThatThrownBy(() -> RuleParser.parse(rule)).isInstanceOf(RuleException.class).hasMessage(
                "Bad rule in 'rules': " + problem + "\n  " + rule + "\n  " + " ".repeat(position)
                        + "^".repeat(length));
    }

    @Test
    void theMinimumSampleGuardIsWhenCountInBothForms() throws Exception {
        Rule line = RuleParser.parse("attendees:mean(engagement) by entry_id where user_type=Attendee WHEN count>=5"
                + " >= 60% onEmpty=fail");
        assertThat(line.minRows()).isEqualTo(5);
        assertThat(line.text()).isEqualTo("attendees:mean(engagement) by entry_id where user_type=Attendee"
                + " when count >= 5 >= 60% onEmpty=fail");
        Rule structured = RuleParser.fromThreshold(Threshold.of("attendees", "engagement", "mean", "60%", null)
                .withGroupBy("entry_id").withWhere("user_type=Attendee").withOnEmpty("fail").withMinRows(" 5 "), 0);
        assertThat(structured).isEqualTo(line).hasSameHashCodeAs(line);
        assertThat(RuleParser.parse(line.text())).isEqualTo(line);
        // The guard is part of the rule's meaning.
        assertThat(RuleParser.parse("attendees:mean(engagement) >= 60%").minRows()).isZero();
        assertThat(RuleParser.parse("attendees:mean(engagement) when count >= 2 >= 60%"))
                .isNotEqualTo(RuleParser.parse("attendees:mean(engagement) >= 60%"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        attendees:mean(engagement) when count >= 0 >= 60%      | '0' is not a whole number of rows of at least 1; write e.g. 5, so a group with fewer rows gives no data. | 41 | 1
        attendees:mean(engagement) when count >= 2.5 >= 60%    | '2.5' is not a whole number of rows of at least 1; write e.g. 5, so a group with fewer rows gives no data. | 41 | 3
        attendees:mean(engagement) when count > 5 >= 60%       | 'when' takes only count >= N, the fewest rows with a value a verdict needs, e.g. when count >= 5. | 32 | 8
        attendees:mean(engagement) when rows >= 5 >= 60%       | 'when' takes only count >= N, the fewest rows with a value a verdict needs, e.g. when count >= 5. | 32 | 8
        attendees:mean(engagement) when count >= 2 when count >= 3 >= 60% | this part is given twice; keep one. | 48 | 1
        """)
    void rejectsABadGuard(String rule, String problem, int position, int length) {
        assertThatThrownBy(() -> RuleParser.parse(rule)).isInstanceOf(RuleException.class).hasMessage(
                "Bad rule in 'rules': " + problem + "\n  " + rule + "\n  " + " ".repeat(position)
                        + "^".repeat(length));
        Threshold bad = Threshold.of("rooms", "engagement", "mean", "50%", null).withMinRows("few");
        assertThatThrownBy(() -> RuleParser.fromThreshold(bad, 0)).hasMessage("Bad threshold #1 in 'thresholds':"
                + " 'few' is not a whole number of rows of at least 1; write e.g. 5, so a group with fewer rows gives"
                + " no data.\n  <report>rooms</report> <metric>engagement</metric> <aggregate>mean</aggregate>"
                + " <minimum>50%</minimum> <minRows>few</minRows>\n  " + " ".repeat(111) + "^^^");
    }

    @Test
    void wmeanNeedsAReportWithAViewTimeColumn() throws Exception {
        Rule line = RuleParser.parse("attendees:WMEAN(engagement) by entry_id >= 60%");
        assertThat(line.aggregate().kind()).isEqualTo(Aggregate.Kind.WMEAN);
        assertThat(line.text()).isEqualTo("attendees:wmean(engagement) by entry_id >= 60%");
        assertThat(RuleParser.fromThreshold(Threshold.of("attendees", "engagement", "wmean", "60%", null)
                .withGroupBy("entry_id"), 0)).isEqualTo(line).isNotEqualTo(RuleParser.parse(
                        "attendees:mean(engagement) by entry_id >= 60%"));
        assertThatThrownBy(() -> RuleParser.parse("rooms:wmean(engagement) >= 60%")).isInstanceOf(RuleException.class)
                .hasMessage("Bad rule in 'rules': wmean weighs each row by its view time, but report rooms has no"
                        + " view-time column; use mean, or wmean on attendees (weighted by meeting_view_time).\n"
                        + "  rooms:wmean(engagement) >= 60%\n"
                        + "        ^^^^^");
        assertThatThrownBy(() -> RuleParser.parse("breakouts:wmean(engagement) >= 60%"))
                .hasMessageContaining("report breakouts has no view-time column");
        assertThatThrownBy(() -> RuleParser.fromThreshold(Threshold.of("7001", "latency", "wmean", "5", null), 0))
                .hasMessageStartingWith("Bad threshold #1 in 'thresholds': wmean weighs each row by its view time,"
                        + " but report report-7001 has no view-time column;");
        assertThatThrownBy(() -> RuleParser.parse("attendees:wmaen(engagement) >= 60%"))
                .hasMessageContaining("unknown aggregate 'wmaen'; did you mean 'wmean'? Or use");
    }

    @Test
    void suggestsInTheStructuredFormToo() {
        assertThatThrownBy(() -> RuleParser.fromThreshold(Threshold.of("rooms", "uniqueUsers", "mena", "5", null),
                0)).hasMessage("Bad threshold #1 in 'thresholds': unknown aggregate 'mena'; did you mean 'mean'? Or"
                        + " use min, max, mean, wmean, sum, count, distinct, each or a percentile such as p95.\n"
                        + "  <report>rooms</report> <metric>uniqueUsers</metric> <aggregate>mena</aggregate>"
                        + " <minimum>5</minimum>\n"
                        + "  " + " ".repeat(63) + "^^^^");
        assertThatThrownBy(() -> RuleParser.fromThreshold(Threshold.of("rooms", "uniqueUser", "min", "5", null),
                0)).hasMessageStartingWith("Bad threshold #1 in 'thresholds': unknown metric 'uniqueUser' in report"
                        + " rooms; did you mean 'uniqueUsers'? Or use a column (entry_id,");
        assertThatThrownBy(() -> RuleParser.fromThreshold(Threshold.of("Breakout", "duration", "max", "5", null),
                0)).hasMessageStartingWith("Bad threshold #1 in 'thresholds': unknown report 'Breakout'; did you mean"
                        + " 'breakouts'? Or use rooms,");
        // No close word: the plain message, without a guess.
        assertThatThrownBy(() -> RuleParser.fromThreshold(Threshold.of("rooms", "users", "min", "5", null), 0))
                .hasMessageStartingWith("Bad threshold #1 in 'thresholds': unknown metric 'users' in report rooms;"
                        + " use a column (")
                .hasMessageNotContaining("did you mean");
        assertThat(DidYouMean.hint("x", List.of())).isEmpty();
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void rejectsAMissingColonWithTheGrammar() {
        assertThatThrownBy(() -> RuleParser.parse("attendees mean(engagement) >= 60%")).hasMessage(
                "Bad rule in 'rules': no ':' between report and aggregate; " + FORM + "\n"
                        + "  attendees mean(engagement) >= 60%\n"
                        + "  ^^^^^^^^^^^^^^");
    }

    @Test
    void rejectsBadStructuredThresholdsPointingIntoTheirElements() {
        assertThatThrownBy(() -> RuleParser.fromThreshold(Threshold.of("rooms", "engagement", "mean", "90%", "40%"),
                1)).isInstanceOf(RuleException.class).hasMessage(
                "Bad threshold #2 in 'thresholds': the minimum 90% is above the maximum 40%, so no value could"
                        + " pass; swap them or fix one.\n"
                        + "  <report>rooms</report> <metric>engagement</metric> <aggregate>mean</aggregate>"
                        + " <minimum>90%</minimum> <maximum>40%</maximum>\n"
                        + "  " + " ".repeat(88) + "^^^");
        Threshold named = Threshold.of("rooms", "engagement", "mean", null, null).withName("Rooms engage");
        assertThatThrownBy(() -> RuleParser.fromThreshold(named, 0)).hasMessage(
                "Bad threshold 'Rooms engage' in 'thresholds': no bound; add <minimum> and/or <maximum>"
                        + " (inclusive), e.g. 60% or 0.6.\n"
                        + "  <name>Rooms engage</name> <report>rooms</report> <metric>engagement</metric>"
                        + " <aggregate>mean</aggregate>\n"
                        + "  " + " ".repeat(104) + "^");
        Threshold where = Threshold.of("attendees", "engagement", "mean", "0.5", null).withWhere("user_type");
        assertThatThrownBy(() -> RuleParser.fromThreshold(where, 0))
                .hasMessageStartingWith("Bad threshold #1 in 'thresholds': 'user_type' is not COLUMN=VALUE;");
        Threshold percentOnCount = Threshold.of("rooms", "uniqueUsers", "sum", "50%", null);
        assertThatThrownBy(() -> RuleParser.fromThreshold(percentOnCount, 0))
                .hasMessageContaining("a percentage compares a fraction");
    }

    @Test
    void settingsValidateEveryRuleAndTheirOrder() throws Exception {
        CheckSettings settings = CheckSettings.builder()
                .inputDirectory(java.nio.file.Path.of("in"))
                .thresholds(List.of(Threshold.of("rooms", "uniqueUsers", "min", "5", null)))
                .rules("attendees:mean(engagement) >= 60%")
                .timeZone(null)
                .build();
        assertThat(settings.rules()).extracting(Rule::text)
                .containsExactly("rooms:min(uniqueUsers) >= 5", "attendees:mean(engagement) >= 60%");
        assertThat(settings.outputDirectory()).isEqualTo(java.nio.file.Path.of("in", "check"));
        assertThat(settings.timeZone().getId()).isEqualTo("UTC");
        assertThatThrownBy(() -> CheckSettings.builder().inputDirectory(java.nio.file.Path.of("in"))
                .rules("rooms:min(uniqueUsers) >= 5; rooms:mean(x) >= 1").build())
                .isInstanceOf(RuleException.class).hasMessageContaining("unknown metric 'x'");
        assertThat(CheckSettings.builder().inputDirectory(java.nio.file.Path.of("in"))
                .timeZone(java.time.ZoneId.of("Europe/Berlin")).build().timeZone().getId()).isEqualTo("Europe/Berlin");
        assertThatThrownBy(() -> CheckSettings.builder().thresholds(java.util.Arrays.asList((Threshold) null))
                .inputDirectory(java.nio.file.Path.of("in")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Threshold #1 is empty: give it at least <report>, <metric>, <aggregate> and <minimum>"
                        + " or <maximum>.")
                .extracting(e -> ((ConfigurationException) e).parameter()).isEqualTo("thresholds");
        // The message names the parameter only: a front end adds where it is set.
        assertThatThrownBy(() -> CheckSettings.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("No inputDirectory: set it to the folder holding the fetched CSVs (by default the"
                        + " fetch's outputDirectory).")
                .extracting(e -> ((ConfigurationException) e).parameter()).isEqualTo("inputDirectory");
    }
}
