package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.archive.TestArchives;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.check.output.CheckOutputs;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real check runs through {@link ThresholdChecker#check} with an archive, over CSV files and a manifest.json as a
 * fetch leaves them, on a SQLite file and on a real PostgreSQL server: the results recorded run after run, and read
 * back for {@code vs previous}, every output's previous value and change, and report.html's trend charts.
 */
class ArchiveCheckTest {

    /** The whole report's drop and each course's drop, judged on the change; a plain rule on the same quantity. */
    private static final String RULES = "attendees:mean(engagement) vs previous >= -5%;"
            + " attendees:mean(engagement) by entry_id vs previous >= -5%;"
            + " attendees:mean(engagement) >= 30%";
    private static final String WEEK1 = CheckFixtures.ATTENDEES;
    /**
     * Ann's 0.5 in 1_a becomes 0.2 (1_a 0.5 → 0.4, a drop of 10 points), Di's 1.0 in 1_b becomes 0.96 (1_b 0.75 →
     * 0.73, 2 points) and 1_c is new (0.9): the whole report 0.6 → 0.5933, a drop of 0.67 points.
     */
    private static final String WEEK2 = WEEK1
            .replace("1_a,c1,u1,Ann,ann@example.org,Attendee,10,0.5", "1_a,c1,u1,Ann,ann@example.org,Attendee,10,0.2")
            .replace("1_b,c3,u4,Di,di@example.org,Attendee,,1.0", "1_b,c3,u4,Di,di@example.org,Attendee,,0.96")
            + "1_c,c4,u5,Ed,ed@example.org,Attendee,5,0.9\n";
    /** Bob's 0.75 becomes 0.45 (1_a 0.3) and Ed's 0.9 becomes 0.1: the whole report 0.41, a drop of 18 points. */
    private static final String WEEK3 = WEEK2
            .replace("1_a,c1,u2,Bob,bob@example.org,Host,20,0.75", "1_a,c1,u2,Bob,bob@example.org,Host,20,0.45")
            .replace("1_c,c4,u5,Ed,ed@example.org,Attendee,5,0.9", "1_c,c4,u5,Ed,ed@example.org,Attendee,5,0.1");

    @TempDir
    Path dir;

    static List<String> backends() {
        return TestArchives.backends().toList();
    }

    /** A week's CSVs and the manifest.json a fetch of that week writes beside them. */
    private Path week(int n, String attendees) throws Exception {
        Path week = CheckFixtures.allReports(dir.resolve("week" + n));
        CheckFixtures.write(week, "attendees.csv", attendees);
        long from = 1763337600L + (n - 1) * 7L * 86400; // 2025-11-17T00:00:00Z, a week per run
        CheckFixtures.write(week, "manifest.json", "{\"tool\":{\"name\":\"kaltura-report\"},\"range\":{\"requested\":"
                + "\"LAST_7_DAYS\",\"fromEpochSecond\":" + from + ",\"toEpochSecond\":" + (from + 7 * 86400)
                + "},\"reports\":[]}");
        return week;
    }

    private static CheckSettings settings(Path input, ArchiveLocation archive) throws Exception {
        return CheckSettings.builder().inputDirectory(input).rules(RULES).archive(archive).build();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void threeRunsRecordTheirResultsAndJudgeTheChangeSinceThePreviousRun(String backend) throws Exception {
        ArchiveLocation archive = TestArchives.create(backend, dir);

        // Run 1: nothing earlier, so every vs previous rule is NO DATA (never a failure); the values are kept.
        CheckResult first = ThresholdChecker.check(settings(week(1, WEEK1), archive), null);
        assertThat(first.results()).extracting(RuleResult::group, RuleResult::verdict).containsExactly(
                tuple(null, Verdict.NO_DATA), tuple("entry_id=1_a", Verdict.NO_DATA),
                tuple("entry_id=1_b", Verdict.NO_DATA), tuple(null, Verdict.PASS));
        assertThat(first.errors()).isEmpty();
        assertThat(first.results()).allSatisfy(r -> assertThat(r.previous()).isNull());
        assertThat(first.trends()).isEmpty();
        assertThat(TestArchives.rows(archive, "SELECT run_id, run_at, run_at_ms, range_from, range_to FROM"
                + " kaltura_check_runs")).containsExactly("1|" + first.checkedAt() + "|"
                        + first.checkedAt().toEpochMilli() + "|2025-11-17T00:00:00Z|2025-11-24T00:00:00Z");
        assertThat(TestArchives.rows(archive, "SELECT seq, quantity, rule, group_value, actual, minimum, maximum,"
                + " verdict, previous FROM kaltura_check_results WHERE run_id = 1 ORDER BY seq")).containsExactly(
                        "1|attendees:mean(meeting_engaged_play_time_ratio)|attendees:mean(engagement) vs previous"
                                + " >= -5%||0.6|-0.05|null|NO_DATA|null",
                        "2|attendees:mean(meeting_engaged_play_time_ratio) by entry_id|attendees:mean(engagement) by"
                                + " entry_id vs previous >= -5%|entry_id=1_a|0.5|-0.05|null|NO_DATA|null",
                        "3|attendees:mean(meeting_engaged_play_time_ratio) by entry_id|attendees:mean(engagement) by"
                                + " entry_id vs previous >= -5%|entry_id=1_b|0.75|-0.05|null|NO_DATA|null",
                        "4|attendees:mean(meeting_engaged_play_time_ratio)|attendees:mean(engagement) >= 30%||0.6"
                                + "|0.3|null|PASS|null");

        // Run 2: 1_a dropped 10 points (FAIL), 1_b 2 points (PASS), 1_c is new (NO DATA), the whole report 0.67.
        CheckSettings second = settings(week(2, WEEK2), archive);
        CheckResult run2 = ThresholdChecker.check(second, null);
        List<RuleResult> r = run2.results();
        assertThat(r).extracting(RuleResult::group, RuleResult::verdict).containsExactly(
                tuple(null, Verdict.PASS), tuple("entry_id=1_a", Verdict.FAIL), tuple("entry_id=1_b", Verdict.PASS),
                tuple("entry_id=1_c", Verdict.NO_DATA), tuple(null, Verdict.PASS));
        assertThat(r).extracting(RuleResult::previous).containsExactly(0.6, 0.5, 0.75, null, 0.6);
        assertThat(r.get(0).change()).isCloseTo(3.56 / 6 - 0.6, within(1e-9));
        assertThat(r.get(1).change()).isCloseTo(-0.1, within(1e-9));
        assertThat(r.get(2).change()).isCloseTo(-0.02, within(1e-9));
        assertThat(r.get(3).actual()).isEqualTo(0.9);
        assertThat(run2.errors()).extracting(RuleResult::group).containsExactly("entry_id=1_a");
        assertThat(TestArchives.rows(archive, "SELECT group_value, verdict FROM kaltura_check_results WHERE"
                + " run_id = 2 ORDER BY seq")).containsExactly("|PASS", "entry_id=1_a|FAIL", "entry_id=1_b|PASS",
                        "entry_id=1_c|NO_DATA", "|PASS");
        assertThat(TestArchives.rows(archive, "SELECT range_from FROM kaltura_check_runs WHERE run_id = 2"))
                .containsExactly("2025-11-24T00:00:00Z");
        everyOutputShowsThePreviousValueAndTheChange(second, run2);

        // Run 3: the whole report drops 18 points (FAIL); 1_c, new last run, now has a previous value.
        CheckSettings third = settings(week(3, WEEK3), archive);
        CheckResult run3 = ThresholdChecker.check(third, null);
        assertThat(run3.results()).extracting(RuleResult::group, RuleResult::verdict).containsExactly(
                tuple(null, Verdict.FAIL), tuple("entry_id=1_a", Verdict.FAIL), tuple("entry_id=1_b", Verdict.PASS),
                tuple("entry_id=1_c", Verdict.FAIL), tuple(null, Verdict.PASS));
        assertThat(run3.results().get(0).previous()).isCloseTo(3.56 / 6, within(1e-9));
        assertThat(run3.results().get(3).previous()).isEqualTo(0.9);
        assertThat(TestArchives.number(archive, "SELECT COUNT(*) FROM kaltura_check_runs")).isEqualTo(3);
        assertThat(TestArchives.number(archive, "SELECT COUNT(*) FROM kaltura_check_results")).isEqualTo(14);
        theTrendChartHasTheArchivesSeries(third, run3);
        theDocumentedQueriesOfTheCheckRunsWork(archive);
    }

    /** docs/archive.md's SQL over the check-run tables, as a user runs it, on this backend. */
    private static void theDocumentedQueriesOfTheCheckRunsWork(ArchiveLocation archive) throws Exception {
        String doc = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/archive.md"));
        java.util.regex.Matcher sql = java.util.regex.Pattern.compile("```sql\n(.*?)\n```", java.util.regex.Pattern
                .DOTALL).matcher(doc);
        List<String> queries = new ArrayList<>();
        while (sql.find()) {
            if (sql.group(1).contains("kaltura_check_")) {
                queries.add(sql.group(1).replace(";", ""));
            }
        }
        assertThat(queries).hasSize(2);
        assertThat(TestArchives.rows(archive, queries.get(1).replace("'attendees:mean(engagement) >= 60%'",
                "'attendees:mean(engagement) >= 30%'"))).hasSize(3);
        // Per run: range, failed, no data, results.
        assertThat(TestArchives.rows(archive, queries.get(0))).extracting(row -> row.substring(row.indexOf('|',
                row.indexOf('|') + 1) + 1)).containsExactly("2025-11-17T00:00:00Z|2025-11-24T00:00:00Z|0|3|4",
                        "2025-11-24T00:00:00Z|2025-12-01T00:00:00Z|1|1|5",
                        "2025-12-01T00:00:00Z|2025-12-08T00:00:00Z|3|0|5");
    }

    private static void everyOutputShowsThePreviousValueAndTheChange(CheckSettings settings, CheckResult result)
            throws Exception {
        RuleResult whole = result.results().get(0);
        assertThat(whole.previousText()).isEqualTo("60%");
        String wholeActual = whole.actualText();
        String wholeChange = whole.changeText();
        assertThat(wholeChange).startsWith("-").isNotEqualTo("-");

        List<String> table = CheckOutputs.consoleTable(result);
        assertThat(table.get(0)).matches("RULE +GROUP +ACTUAL +PREVIOUS +CHANGE +EXPECTED +VERDICT");
        assertThat(table).anyMatch(l -> l.matches(".*entry_id=1_a +40% +50% +-10% +vs previous >= -5% +FAIL"))
                .anyMatch(l -> l.matches(".*entry_id=1_b +73% +75% +-2% +vs previous >= -5% +PASS"))
                .anyMatch(l -> l.matches(".*entry_id=1_c +90% +- +- +vs previous >= -5% +NO DATA"))
                .anyMatch(l -> l.contains(wholeActual + " ") && l.contains(" 60% ") && l.contains(" " + wholeChange
                        + " ") && l.endsWith("PASS"));

        List<Path> files = CheckOutputs.writeAll(settings, result);
        Path out = settings.outputDirectory();
        assertThat(files).contains(out.resolve("report.html"), out.resolve("summary.json"));
        String junit = Files.readString(out.resolve("TEST-kaltura-thresholds.xml"));
        assertThat(junit).contains("actual 40% (previous 50%, change -10%) for entry_id=1_a")
                .contains("previous: 50%\nchange: -10%").contains("previous: 60%\nchange: " + wholeChange);
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("| Actual | Previous | Change | Expected |")
                .contains("| entry_id=1_a | 40% | 50% | -10% | vs previous &gt;= -5% |")
                .contains("| entry_id=1_c | 90% |  |  | vs previous &gt;= -5% |");
        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode a = json.get("results").get(1);
        assertThat(a.get("group").asText()).isEqualTo("entry_id=1_a");
        assertThat(a.get("previous").asDouble()).isEqualTo(0.5);
        assertThat(a.get("change").asDouble()).isCloseTo(-0.1, within(1e-9));
        assertThat(json.get("results").get(3).get("previous").isNull()).isTrue();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<th>Actual</th><th>Previous</th><th>Change</th><th>Expected</th>")
                .contains("<td class=\"num\">40%</td><td class=\"num\">50%</td><td class=\"num\">-10%</td>");
        for (String file : List.of("TEST-kaltura-thresholds.xml", "summary.md", "summary.json", "report.html")) {
            assertThat(Files.readString(out.resolve(file))).as(file).doesNotContain("ann@example.org")
                    .doesNotContain("Ann,");
        }
    }

    private static void theTrendChartHasTheArchivesSeries(CheckSettings settings, CheckResult result)
            throws Exception {
        CheckResult.Trend whole = result.trends().get(0);
        assertThat(whole.group()).isNull();
        assertThat(whole.points()).extracting(CheckResult.Trend.Point::value).satisfiesExactly(
                v -> assertThat(v).isEqualTo(0.6), v -> assertThat(v).isCloseTo(3.56 / 6, within(1e-9)),
                v -> assertThat(v).isCloseTo(0.41, within(1e-9)));
        assertThat(whole.points().get(2).runAt()).isEqualTo(result.checkedAt());

        CheckOutputs.writeAll(settings, result);
        String html = Files.readString(settings.outputDirectory().resolve("report.html"));
        assertThat(html).contains("<h2>Trends</h2>").contains("3 runs, the last is this one");
        String data = html.substring(html.indexOf("id=\"chart-data\">") + 16);
        JsonNode charts = new ObjectMapper().readTree(data.substring(0, data.indexOf("</script>")));
        JsonNode chart = null;
        for (JsonNode c : charts) {
            if (c.get("id").asText().equals("chart-trend-1")) {
                chart = c;
            }
        }
        assertThat(chart).as("chart-trend-1").isNotNull();
        assertThat(chart.get("title").asText()).isEqualTo("Trend: attendees:mean(engagement) vs previous >= -5%");
        assertThat(chart.get("config").get("data").get("labels")).hasSize(3);
        JsonNode values = chart.get("config").get("data").get("datasets").get(0).get("data");
        assertThat(values).extracting(JsonNode::asDouble).satisfiesExactly(v -> assertThat(v).isEqualTo(60.0),
                v -> assertThat(v).isCloseTo(59.33, within(0.05)), v -> assertThat(v).isCloseTo(41.0, within(1e-6)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void twoChecksRecordingIntoOneArchiveAtOnceAreBothRecordedWhole(String backend) throws Exception {
        ArchiveLocation archive = TestArchives.create(backend, dir);
        Path week1 = week(1, WEEK1);
        Path week2 = week(2, WEEK2);
        int rounds = 3;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Path input : List.of(week1, week2)) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        ThresholdChecker.check(settings(input, archive), null);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestArchives.rows(archive, "SELECT run_id FROM kaltura_check_runs ORDER BY run_id"))
                .containsExactly("1", "2", "3", "4", "5", "6");
        // Each run whole: week 1's four results or week 2's five, numbered 1.. in order, told apart by range.
        assertThat(TestArchives.rows(archive, "SELECT r.range_from, COUNT(*), MIN(x.seq), MAX(x.seq)"
                + " FROM kaltura_check_runs r JOIN kaltura_check_results x ON x.run_id = r.run_id"
                + " GROUP BY r.run_id, r.range_from ORDER BY r.run_id")).hasSize(6).allSatisfy(row -> assertThat(row)
                        .isIn("2025-11-17T00:00:00Z|4|1|4", "2025-11-24T00:00:00Z|5|1|5"))
                .filteredOn(row -> row.startsWith("2025-11-17")).hasSize(rounds);
        // Every previous value is the actual of an earlier run of the same quantity and group.
        try (Connection c = TestArchives.connect(archive); Statement s = c.createStatement();
                ResultSet bad = s.executeQuery("SELECT COUNT(*) FROM kaltura_check_results x WHERE x.previous IS"
                        + " NOT NULL AND NOT EXISTS (SELECT 1 FROM kaltura_check_results y WHERE y.run_id < x.run_id"
                        + " AND y.quantity = x.quantity AND y.group_value = x.group_value"
                        + " AND y.actual = x.previous)")) {
            bad.next();
            assertThat(bad.getLong(1)).isZero();
        }
        // The last run compares with the one before it, whichever wrote it.
        Double previous = ThresholdChecker.check(settings(week1, archive), null).results().get(1).previous();
        assertThat(previous).satisfiesAnyOf(p -> assertThat(p).isEqualTo(0.5),
                p -> assertThat(p).isCloseTo(0.4, within(1e-9)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anArchiveAndABaselineTogetherAreRefusedNamingTheBaseline(String backend) throws Exception {
        ArchiveLocation archive = TestArchives.create(backend, dir);
        Path week1 = week(1, WEEK1);
        CheckSettings plain = CheckSettings.builder().inputDirectory(week1).rules(RULES).build();
        CheckOutputs.writeAll(plain, ThresholdChecker.check(plain, null));
        Path baseline = plain.outputDirectory().resolve("summary.json");

        CheckSettings both = CheckSettings.builder().inputDirectory(week1).rules(RULES).archive(archive)
                .baseline(baseline).build();
        Throwable thrown = catchThrowable(() -> ThresholdChecker.check(both, null));
        assertThat(thrown).isInstanceOf(ConfigurationException.class)
                .hasMessage("Both an archive and a baseline are given. With an archive the previous values come from"
                        + " the archive's earlier check runs, so baseline (" + baseline + ") is not needed; remove one"
                        + " of the two.");
        assertThat(((ConfigurationException) thrown).parameter()).isEqualTo("baseline");
        // Refused before the archive is opened: not even its tables were made.
        try (Connection c = TestArchives.connect(archive);
                ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), "kaltura_check_runs",
                        null)) {
            assertThat(tables.next()).isFalse();
        }
    }

    @Test
    void anUnreachablePostgresqlArchiveIsAClearErrorNamingTheArchiveWithoutItsPassword() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/kaltura";
        ArchiveLocation archive = ArchiveLocation.parse(url, null)
                .withCredentials("reporter", "s3cret-archive-pw".toCharArray());
        Path week1 = week(1, WEEK1);
        Throwable thrown = catchThrowable(() -> ThresholdChecker.check(settings(week1, archive), null));
        assertThat(thrown).isInstanceOf(KalturaReportException.class).isNotInstanceOf(ConfigurationException.class)
                .hasMessageContaining("archive").hasMessageContaining(url).hasMessageContaining("reporter");
        assertThat(stackText(thrown)).doesNotContain("s3cret-archive-pw");
        // Nothing was written, and it failed before any CSV was read: a missing folder is not what it reports.
        assertThat(week1.resolve("check")).doesNotExist();
        Throwable early = catchThrowable(() -> ThresholdChecker.check(settings(dir.resolve("no-such-folder"),
                archive), null));
        assertThat(early).hasMessageContaining("archive").hasMessageNotContaining("no-such-folder");
    }

    private static String stackText(Throwable t) {
        java.io.StringWriter text = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
