package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.RuleException;
import io.github.kalturareport.core.ToolVocabulary;
import io.github.kalturareport.core.Vocabulary;
import io.github.kalturareport.core.check.CheckResult.SessionRow;
import io.github.kalturareport.core.check.RuleResult.OffendingRow;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.report.ReportDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdCheckerTest {

    @TempDir
    Path dir;

    private List<RuleResult> run(String rules) throws Exception {
        return check(rules).results();
    }

    private CheckResult check(String rules) throws Exception {
        if (!Files.exists(dir.resolve("attendees.csv"))) {
            CheckFixtures.allReports(dir);
        }
        return ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir).rules(rules).build(), null);
    }

    private RuleResult single(String rule) throws Exception {
        List<RuleResult> results = run(rule);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        attendees:min(engagement) >= 0.25          | 0.25  | PASS
        attendees:min(engagement) > 0.25           | 0.25  | FAIL
        attendees:max(engagement) <= 1             | 1     | PASS
        attendees:max(engagement) < 1              | 1     | FAIL
        attendees:mean(engagement) >= 0.6          | 0.6   | PASS
        attendees:mean(engagement) >= 60%          | 60%   | PASS
        attendees:mean(engagement) > 60%           | 60%   | FAIL
        attendees:mean(engagement) <= 59.9%        | 60%   | FAIL
        attendees:sum(engagement) == 3             | 3     | PASS
        attendees:count(user_id) == 5              | 5     | PASS
        attendees:count(viewTime) == 4             | 4     | PASS
        attendees:distinct(user_id) == 4           | 4     | PASS
        attendees:distinct(entry_id) >= 3          | 2     | FAIL
        attendees:mean(viewTime) == 25             | 25    | PASS
        attendees:sum(viewTime) >= 100             | 100   | PASS
        attendees:p50(engagement) == 0.5           | 0.5   | PASS
        attendees:p80(engagement) == 0.75          | 0.75  | PASS
        attendees:p81(engagement) == 1             | 1     | PASS
        attendees:p0(engagement) == 0.25           | 0.25  | PASS
        attendees:p100(engagement) >= 99%          | 100%  | PASS
        attendees:mean(engagement) where user_type=Attendee >= 56.25% | 56.25% | PASS
        attendees:mean(engagement) where user_type=Attendee > 0.5625  | 0.5625 | FAIL
        rooms:min(session_start_time) >= 1745229600  | 1745229600 | PASS
        breakouts:sum(participants) == 4           | 4     | PASS
        breakouts:mean(engagement) < 31.25%        | 31.25% | FAIL
        rooms:count(entry_id) where meeting_view_period_unique_users=2.0 == 2 | 2 | PASS
        breakouts:max(duration) where participant_count=3 == 600 | 600 | PASS
        attendees:distinct(user_name) where entry_id=1_a == 2 | 2 | PASS
        """)
    void everyAggregateGivesTheHandComputedValue(String rule, String actual, Verdict verdict) throws Exception {
        RuleResult result = single(rule);
        assertThat(result.actualText()).isEqualTo(actual);
        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.group()).isNull();
        assertThat(result.message()).isEqualTo(rule + " — actual " + actual);
    }

    @Test
    void groupByGivesOneVerdictPerGroupInFileOrder() throws Exception {
        List<RuleResult> results = run("attendees:mean(engagement) by entry_id >= 60%");
        assertThat(results).extracting(RuleResult::group, RuleResult::actualText, RuleResult::verdict)
                .containsExactly(tuple("entry_id=1_a", "50%", Verdict.FAIL),
                        tuple("entry_id=1_b", "75%", Verdict.PASS));
        assertThat(results).extracting(RuleResult::actual).containsExactly(0.5, 0.75);
        assertThat(results.get(0).message())
                .isEqualTo("attendees:mean(engagement) by entry_id >= 60% — actual 50% for entry_id=1_a");
        assertThat(results.get(0).rows()).isEqualTo(3);
    }

    @Test
    void aGroupWhoseRowsAreAllFilteredOutHasNoData() throws Exception {
        List<RuleResult> results = run("attendees:mean(engagement) by entry_id where user_type=Host >= 50%;"
                + "attendees:mean(engagement) by entry_id where user_type=Host >= 50% onEmpty=fail;"
                + "attendees:mean(engagement) by entry_id where user_type=Host >= 50% onEmpty=pass");
        assertThat(results).extracting(RuleResult::group, RuleResult::verdict).containsExactly(
                tuple("entry_id=1_a", Verdict.PASS), tuple("entry_id=1_b", Verdict.NO_DATA),
                tuple("entry_id=1_a", Verdict.PASS), tuple("entry_id=1_b", Verdict.FAIL),
                tuple("entry_id=1_a", Verdict.PASS), tuple("entry_id=1_b", Verdict.PASS));
        assertThat(results.get(1).actualText()).isEqualTo("no data");
        assertThat(results.get(1).actual()).isNull();
        assertThat(results.get(1).message()).isEqualTo("attendees:mean(engagement) by entry_id where"
                + " user_type=Host >= 50% — no data for entry_id=1_b (no row with a value where user_type=Host;"
                + " onEmpty=nodata)");
    }

    @Test
    void emptyDataFollowsOnEmpty() throws Exception {
        CheckFixtures.write(dir, "attendees.csv", CheckFixtures.ATTENDEES.lines().findFirst().get() + "\n");
        List<RuleResult> results = run("attendees:mean(engagement) >= 60%;"
                + "attendees:count(user_id) >= 1 onEmpty=fail;"
                + "attendees:min(engagement) >= 60% onEmpty=pass;"
                + "attendees:mean(engagement) by entry_id >= 60%;"
                + "attendees:each(engagement) >= 60%");
        assertThat(results).extracting(RuleResult::verdict).containsExactly(Verdict.NO_DATA, Verdict.FAIL,
                Verdict.PASS, Verdict.NO_DATA, Verdict.NO_DATA);
        assertThat(results.get(3).group()).isNull();
        CheckResult result = check("attendees:count(user_id) >= 1 onEmpty=fail");
        assertThat(result.errors()).hasSize(1);
    }

    @Test
    void eachListsTheOffendingRowsWithTheirLineNumbers() throws Exception {
        RuleResult low = single("attendees:each(engagement) >= 50%");
        assertThat(low.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(low.actualText()).isEqualTo("1 of 5 rows outside");
        assertThat(low.expected()).isEqualTo("each >= 50%");
        assertThat(low.offendingRows()).containsExactly(new OffendingRow(4, "0.25",
                Map.of("entry_id", "1_a", "cue_point_id", "c2", "user_id", "u1")));
        assertThat(low.message()).isEqualTo("attendees:each(engagement) >= 50% — 1 of 5 rows outside: "
                + "entry_id=1_a, cue_point_id=c2, user_id=u1: 0.25 (line 4)");

        // Cy's name spans lines 5 and 6, so Di's row is line 7.
        RuleResult high = single("attendees:each(engagement) <= 90%");
        assertThat(high.offendingRows()).extracting(OffendingRow::line, OffendingRow::value).containsExactly(tuple(7L, "1.0"));

        List<RuleResult> grouped = run("attendees:each(engagement) by entry_id >= 50%");
        assertThat(grouped).extracting(RuleResult::group, RuleResult::verdict, RuleResult::actualText)
                .containsExactly(tuple("entry_id=1_a", Verdict.FAIL, "1 of 3 rows outside"),
                tuple("entry_id=1_b", Verdict.PASS, "0 of 2 rows outside"));
    }

    @Test
    void eachListsAtMostTenRowsButCountsThemAll() throws Exception {
        StringBuilder csv = new StringBuilder("entry_id,cue_point_id,user_id,user_name,user_email,user_type,"
                + "meeting_view_time,meeting_engaged_play_time_ratio\n");
        for (int i = 0; i < 25; i++) {
            csv.append("1_a,c1,u").append(i).append(",N,e,Attendee,5,0.1\n");
        }
        CheckFixtures.allReports(dir);
        CheckFixtures.write(dir, "attendees.csv", csv.toString());
        RuleResult r = single("attendees:each(engagement) >= 50%");
        assertThat(r.actual()).isEqualTo(25.0);
        assertThat(r.offendingRows()).hasSize(RuleEvaluation.LISTED_ROWS)
                .extracting(OffendingRow::line).startsWith(2L, 3L).endsWith(11L);
        assertThat(r.message()).endsWith("entry_id=1_a, cue_point_id=c1, user_id=u9: 0.1 (line 11); …");
    }

    @Test
    void descriptiveHeadersByteOrderMarkCrlfAndIsoTimesGiveTheSameAnswers() throws Exception {
        String rules = "attendees:mean(engagement) by entry_id >= 60%; attendees:each(engagement) <= 90%;"
                + " attendees:mean(viewTime) == 25; rooms:min(session_start_time) == 1745229600;"
                + " rooms:max(session_start_time) == 1745402400";
        List<String> plain = new ArrayList<>();
        for (RuleResult r : run(rules)) {
            plain.add(r.message());
        }
        CheckFixtures.write(dir, "attendees.csv", CheckFixtures.ATTENDEES_DESCRIPTIVE);
        CheckFixtures.write(dir, "rooms.csv", CheckFixtures.ROOMS_DESCRIPTIVE);
        CheckResult descriptive = check(rules);
        assertThat(descriptive.results()).extracting(RuleResult::message).containsExactlyElementsOf(plain);
        assertThat(descriptive.results()).extracting(RuleResult::verdict)
                .containsExactly(Verdict.FAIL, Verdict.PASS, Verdict.FAIL, Verdict.PASS, Verdict.PASS, Verdict.PASS);
    }

    @Test
    void theSessionOverviewJoinsRoomsAndAttendees() throws Exception {
        CheckFixtures.allReports(dir);
        SessionOverview overview = new SessionOverview(new Interactions());
        try (ReportFile rooms = ReportFile.open(dir.resolve("rooms.csv"), ReportDefinition.ROOMS, Vocabulary.LIBRARY);
                ReportFile attendees = ReportFile.open(dir.resolve("attendees.csv"), ReportDefinition.ATTENDEES,
                        Vocabulary.LIBRARY)) {
            feed(rooms, overview.rooms(rooms));
            feed(attendees, overview.attendees(attendees));
        }
        assertThat(overview.rows()).containsExactly(
                new SessionRow("1_a", "Algebra", "c1", 1745229600, 2, 15, 0.625),
                new SessionRow("1_a", "Algebra", "c2", 1745316000, 1, 30, 0.25),
                new SessionRow("1_b", "Biology", "c3", 1745402400, 2, 40, 0.75));
    }

    private static void feed(ReportFile file, RowConsumer consumer) throws Exception {
        io.github.kalturareport.core.internal.csv.CsvRow row;
        while ((row = file.next()) != null) {
            consumer.accept(row, file.lastLine());
        }
    }

    @Test
    void customReportsAcceptAnyColumnOfTheirHeader() throws Exception {
        CheckFixtures.allReports(dir);
        CheckFixtures.write(dir, "report-7001.csv", "room,latency\nA,100\nB,300\n");
        List<RuleResult> results = run("7001:max(latency) < 250; report-7001:mean(latency) by room <= 200");
        assertThat(results).extracting(RuleResult::group, RuleResult::actualText, RuleResult::verdict)
                .containsExactly(tuple(null, "300", Verdict.FAIL), tuple("room=A", "100", Verdict.PASS),
                tuple("room=B", "300", Verdict.FAIL));
        assertThatThrownBy(() -> run("7001:max(latncy) < 250"))
                .isInstanceOf(RuleException.class)
                .hasMessage("Bad rule in 'rules': report-7001.csv has no column latncy; its header is: room,"
                        + " latency. Fix the rule, or fetch the report again.\n"
                        + "  7001:max(latncy) < 250\n"
                        + "           ^^^^^^");
        CheckFixtures.write(dir, "report-7001.csv", "room,latency\nA,fast\n");
        assertThatThrownBy(() -> run("7001:max(latency) < 250"))
                .isInstanceOf(KalturaReportException.class)
                .hasMessage("report-7001.csv line 2, column latency: 'fast' is not a number. Fix the file or run"
                        + " a fetch again, or use count or distinct for a text column.");
    }

    @Test
    void aMissingFileNamesTheFileAndTheFix() throws Exception {
        CheckFixtures.write(dir, "rooms.csv", CheckFixtures.ROOMS);
        assertThatThrownBy(() -> ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir)
                .rules("attendees:mean(engagement) >= 60%").build(), null))
                .isInstanceOf(KalturaReportException.class)
                .hasMessage("attendees.csv is not in " + dir + ", but the rule 'attendees:mean(engagement) >= 60%'"
                        + " reads it. Run a fetch first with reports including attendees, or point inputDirectory at"
                        + " the folder that holds it.");
        assertThat(dir.resolve("check")).doesNotExist();
        assertThatThrownBy(() -> ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir.resolve("no"))
                .build(), null)).hasMessage("The inputDirectory " + dir.resolve("no") + " does not exist. Run a"
                + " fetch first, or set inputDirectory to the folder holding the fetched CSVs.");
    }

    @Test
    void warningsAndErrorsAreSeparatedAndTheListenerHearsEveryResult() throws Exception {
        List<RuleResult> heard = new ArrayList<>();
        CheckFixtures.allReports(dir);
        CheckResult result = ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir)
                .rules("attendees:mean(engagement) >= 70%; attendees:mean(engagement) >= 70% severity=warning;"
                        + " attendees:mean(engagement) >= 50%").build(), new CheckListener() {
                            @Override
                            public void ruleEvaluated(RuleResult r) {
                                heard.add(r);
                            }
                        });
        assertThat(heard).isEqualTo(result.results());
        assertThat(result.errors()).extracting(RuleResult::label)
                .containsExactly("attendees:mean(engagement) >= 70%");
        assertThat(result.warnings()).extracting(RuleResult::label)
                .containsExactly("attendees:mean(engagement) >= 70% severity=warning");
    }

    @Test
    void namedThresholdsShowTheirNameAndRule() throws Exception {
        CheckFixtures.allReports(dir);
        Threshold threshold = Threshold.of("rooms", "uniqueUsers", "min", "2", null)
                .withName("Every session has two viewers");
        CheckResult result = ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir)
                .thresholds(List.of(threshold)).build(), null);
        RuleResult r = result.results().get(0);
        assertThat(r.label()).isEqualTo("Every session has two viewers");
        assertThat(r.rule()).isEqualTo(result.rules().get(0));
        assertThat(r.message()).isEqualTo("Every session has two viewers (rooms:min(uniqueUsers) >= 2) — actual 1");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void theCheckWritesNothingAndItsResultHoldsWhatTheOutputsShow() throws Exception {
        CheckFixtures.allReports(dir);
        CheckSettings settings = CheckSettings.builder().inputDirectory(dir)
                .rules("rooms:mean(engagement) >= 40%; attendees:count(user_id) >= 1").build();
        java.time.Instant before = java.time.Instant.now();
        CheckResult result = ThresholdChecker.check(settings, null);

        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("rooms.csv", "attendees.csv", "breakouts.csv");
        }
        assertThat(result.rules()).isEqualTo(settings.rules());
        assertThat(result.checkedAt()).isBetween(before, java.time.Instant.now());
        assertThat(result.sessions()).hasValueSatisfying(rows -> assertThat(rows)
                .extracting(SessionRow::cuePointId).containsExactly("c1", "c2", "c3"));
        CheckResult.ChartData charts = result.charts();
        assertThat(charts.hasRooms()).isTrue();
        assertThat(charts.sessionsSeen()).isEqualTo(3);
        assertThat(charts.points()).extracting(CheckResult.ChartData.Point::engagement)
                .containsExactly(0.625, 0.25, 0.75);
        assertThat(charts.roomsByEngagement()).extracting(CheckResult.ChartData.RoomMean::name)
                .containsExactly("Biology", "Algebra");
        assertThat(charts.histograms().get("attendees")).containsExactly(0L, 0L, 1L, 0L, 0L, 2L, 0L, 1L, 0L, 1L);
        assertThat(charts.histograms()).containsKey("breakouts");

        CheckFixtures.write(dir.resolve("custom"), "report-7001.csv", "room,latency\nA,100\n");
        CheckResult custom = ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir.resolve("custom"))
                .rules("7001:max(latency) < 250").build(), null);
        assertThat(custom.sessions()).isEmpty();
        assertThat(custom.charts().hasRooms()).isFalse();
        assertThat(custom.charts().histograms()).isEmpty();
    }

    @Test
    void messagesThatSayWhatToRunUseTheFrontEndsWords() throws Exception {
        Vocabulary words = new ToolVocabulary();
        assertThatThrownBy(() -> ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir.resolve("no"))
                .vocabulary(words).build(), null)).hasMessage("The inputDirectory " + dir.resolve("no")
                + " does not exist. Run tool fetch first, or set --inputDirectory to the folder holding the fetched CSVs.");
        CheckFixtures.write(dir, "rooms.csv", CheckFixtures.ROOMS);
        assertThatThrownBy(() -> ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir)
                .rules("attendees:mean(engagement) >= 60%").vocabulary(words).build(), null))
                .hasMessageEndingWith(" reads it. Run tool fetch first with reports including attendees, or point"
                        + " --inputDirectory at the folder that holds it.");
        CheckFixtures.write(dir, "attendees.csv", "");
        assertThatThrownBy(() -> ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir)
                .rules("attendees:mean(engagement) >= 60%").vocabulary(words).build(), null))
                .hasMessage("attendees.csv is empty: it has no header row. Run tool fetch again to rewrite it.");
        CheckFixtures.write(dir, "attendees.csv", CheckFixtures.ATTENDEES.replace("Di,", "\"Di,"));
        assertThatThrownBy(() -> ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir)
                .rules("attendees:mean(engagement) >= 60%").vocabulary(words).build(), null))
                .hasMessageEndingWith(". Run tool fetch again to rewrite the file.");
        assertThat(CheckSettings.builder().inputDirectory(dir).build().vocabulary()).isSameAs(Vocabulary.LIBRARY);
    }

    @Test
    void aGroupOrReportWithFewerRowsThanTheGuardHasNoDataNeverAVerdict() throws Exception {
        // Without the guard: 1_a has 3 rows (mean 0.5, FAIL), 1_b 2 rows (mean 0.75, PASS).
        assertThat(run("attendees:mean(engagement) by entry_id >= 60%")).extracting(RuleResult::verdict)
                .containsExactly(Verdict.FAIL, Verdict.PASS);
        List<RuleResult> guarded = run("attendees:mean(engagement) by entry_id when count >= 3 >= 60% onEmpty=fail");
        assertThat(guarded).extracting(RuleResult::group, RuleResult::verdict, RuleResult::rows).containsExactly(
                tuple("entry_id=1_a", Verdict.FAIL, 3L), tuple("entry_id=1_b", Verdict.NO_DATA, 2L));
        RuleResult small = guarded.get(1);
        assertThat(small.actual()).isNull();
        assertThat(small.actualText()).isEqualTo("no data (2 rows, fewer than 3)");
        assertThat(small.message()).endsWith("— no data for entry_id=1_b (only 2 rows with a value; the rule needs"
                + " at least 3)");
        // A guard above every group keeps a failing group from failing, too.
        assertThat(run("attendees:mean(engagement) by entry_id when count >= 4 >= 60%"))
                .extracting(RuleResult::verdict).containsExactly(Verdict.NO_DATA, Verdict.NO_DATA);
        // The rows counted are those with a value: 1_b has one view time and one empty cell.
        assertThat(run("attendees:max(viewTime) by entry_id when count >= 2 <= 30"))
                .extracting(RuleResult::verdict, RuleResult::rows)
                .containsExactly(tuple(Verdict.PASS, 3L), tuple(Verdict.NO_DATA, 1L));
        // The whole report: 5 rows; the bound is inclusive.
        assertThat(single("attendees:mean(engagement) when count >= 6 >= 60%").verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(single("attendees:mean(engagement) when count >= 5 >= 60%").verdict()).isEqualTo(Verdict.PASS);
        // No row at all is still decided by onEmpty.
        assertThat(single("attendees:mean(engagement) where user_type=Guest when count >= 5 >= 60% onEmpty=fail")
                .verdict()).isEqualTo(Verdict.FAIL);
        // Each and the structured form too.
        assertThat(single("attendees:each(engagement) when count >= 6 >= 90%").verdict()).isEqualTo(Verdict.NO_DATA);
        CheckResult structured = ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir)
                .thresholds(List.of(Threshold.of("attendees", "engagement", "mean", "60%", null)
                        .withGroupBy("entry_id").withMinRows("3"))).build(), null);
        assertThat(structured.results()).extracting(RuleResult::verdict)
                .containsExactly(Verdict.FAIL, Verdict.NO_DATA);
    }

    @Test
    void wmeanWeighsEachRowByItsViewTime() throws Exception {
        // Engagement × minutes: 0.5×10 + 0.75×20 + 0.25×30 + 0.5×40 = 47.5 over 100 minutes; Di's row has no
        // minutes and is skipped. The plain mean over the same rows would be 0.5.
        RuleResult all = single("attendees:wmean(engagement) >= 47.5%");
        assertThat(all.actual()).isEqualTo(0.475);
        assertThat(all.actualText()).isEqualTo("47.5%");
        assertThat(all.verdict()).isEqualTo(Verdict.PASS);
        assertThat(all.rows()).isEqualTo(4);
        assertThat(single("attendees:wmean(engagement) > 47.5%").verdict()).isEqualTo(Verdict.FAIL);
        // Per group: 1_a 27.5 / 60; 1_b only Cy's row weighs (20 / 40).
        assertThat(run("attendees:wmean(engagement) by entry_id >= 50%"))
                .extracting(RuleResult::group, RuleResult::actual, RuleResult::verdict, RuleResult::rows)
                .containsExactly(tuple("entry_id=1_a", 27.5 / 60, Verdict.FAIL, 3L),
                        tuple("entry_id=1_b", 0.5, Verdict.PASS, 1L));
        assertThat(run("attendees:wmean(engagement) where user_type=Attendee by entry_id when count >= 2 >= 50%"))
                .extracting(RuleResult::verdict).containsExactly(Verdict.FAIL, Verdict.NO_DATA);
    }

    @Test
    void wmeanRowsThatWeighNothingAreEmptyData() throws Exception {
        CheckFixtures.write(dir, "attendees.csv", """
                entry_id,cue_point_id,user_id,user_name,user_email,user_type,meeting_view_time,meeting_engaged_play_time_ratio
                1_a,c1,u1,Ann,ann@example.org,Attendee,0,0.5
                1_a,c1,u2,Bob,bob@example.org,Attendee, ,0.75
                1_b,c1,u3,Cy,cy@example.org,Attendee,15,
                """);
        assertThat(single("attendees:wmean(engagement) >= 10% onEmpty=fail").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(single("attendees:wmean(engagement) >= 10%").verdict()).isEqualTo(Verdict.NO_DATA);
        CheckFixtures.write(dir, "attendees.csv", """
                entry_id,cue_point_id,user_id,user_name,user_email,user_type,meeting_view_time,meeting_engaged_play_time_ratio
                1_a,c1,u1,Ann,ann@example.org,Attendee,ten,0.5
                """);
        assertThatThrownBy(() -> run("attendees:wmean(engagement) >= 10%"))
                .isInstanceOf(KalturaReportException.class)
                .hasMessageStartingWith("attendees.csv line 2, column meeting_view_time: 'ten' is not a number.");
    }
}
