package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.check.output.CheckOutputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vs previous} judged against a history (an in-memory one: the seam an archive implements), the previous
 * value and change in every output, the run recorded, and the trend chart's data in report.html.
 */
class ComparisonTest {

    private static final String BY_ENTRY = "attendees:mean(meeting_engaged_play_time_ratio) by entry_id";
    private static final String WHOLE = "attendees:mean(meeting_engaged_play_time_ratio)";
    private static final Instant WEEK1 = Instant.parse("2026-11-17T06:00:00Z");
    private static final Instant WEEK2 = Instant.parse("2026-11-24T06:00:00Z");

    @TempDir
    Path dir;

    private CheckSettings settings(String rules) throws Exception {
        CheckFixtures.allReports(dir);
        return CheckSettings.builder().inputDirectory(dir).rules(rules).build();
    }

    @Test
    void theChangeIsJudgedAndNoEarlierValueIsNoDataNeverAFailure() throws Exception {
        // This run: entry 1_a 0.5, 1_b 0.75, the whole report 0.6.
        InMemoryHistory history = new InMemoryHistory()
                .earlier(WEEK1, BY_ENTRY, Map.of("entry_id=1_a", 0.6))
                .earlier(WEEK2, WHOLE, Map.of("", 0.58));
        CheckResult result = ThresholdChecker.check(settings("attendees:mean(engagement) by entry_id vs previous"
                + " >= -5%; attendees:avg(engagement) vs previous >= -5% and <= 5%;"
                + " attendees:mean(engagement) vs previous <= 1%; attendees:mean(engagement) >= 50%"), null, history);

        List<RuleResult> r = result.results();
        assertThat(r).extracting(RuleResult::verdict).containsExactly(Verdict.FAIL, Verdict.NO_DATA, Verdict.PASS,
                Verdict.FAIL, Verdict.PASS);
        assertThat(r.get(0).previous()).isEqualTo(0.6);
        assertThat(r.get(0).change()).isCloseTo(-0.1, within(1e-12));
        assertThat(r.get(0).message()).isEqualTo("attendees:mean(engagement) by entry_id vs previous >= -5% — actual"
                + " 50% (previous 60%, change -10%) for entry_id=1_a");
        assertThat(r.get(0).expected()).isEqualTo("vs previous >= -5%");
        // No earlier value for 1_b: skipped, its value kept so the next run has one.
        assertThat(r.get(1).actual()).isEqualTo(0.75);
        assertThat(r.get(1).previous()).isNull();
        assertThat(r.get(1).message()).endsWith("— no data for entry_id=1_b (actual 75%, but no previous value to"
                + " compare with)");
        assertThat(r.get(2).changeText()).isEqualTo("+2%");
        assertThat(r.get(3).changeText()).isEqualTo("+2%"); // above the upper bound of 1%
        // A plain rule on the same quantity shows its previous value too, and is judged on its bound.
        assertThat(r.get(4).previous()).isEqualTo(0.58);
        assertThat(r.get(4).expected()).isEqualTo(">= 50%");
    }

    @Test
    void withoutHistoryEveryVsPreviousRuleIsNoData() throws Exception {
        CheckResult result = ThresholdChecker.check(settings("attendees:mean(engagement) by entry_id vs previous"
                + " >= 0 onEmpty=fail"), null);
        assertThat(result.results()).extracting(RuleResult::verdict).containsOnly(Verdict.NO_DATA);
        assertThat(result.trends()).isEmpty();
    }

    @Test
    void theRunIsRecordedWithTheManifestsRangeAndOneEntryPerResult() throws Exception {
        InMemoryHistory history = new InMemoryHistory().earlier(WEEK1, BY_ENTRY, Map.of("entry_id=1_a", 0.6));
        CheckSettings settings = settings("attendees:mean(engagement) by entry_id vs previous >= -5%;"
                + " rooms:min(uniqueUsers) >= 1");
        CheckFixtures.write(dir, "manifest.json", "{\"tool\":{\"name\":\"x\"},\"range\":{\"requested\":\"LAST_7_DAYS\","
                + "\"from\":\"2026-11-24T00:00Z\",\"fromEpochSecond\":1763942400,\"toEpochSecond\":1764547200},"
                + "\"reports\":[]}");
        CheckResult result = ThresholdChecker.check(settings, null, history);

        InMemoryHistory.Recorded run = history.runs.get(history.runs.size() - 1);
        assertThat(run.run()).isEqualTo(new RuleHistory.Run(result.checkedAt(), "2025-11-24T00:00:00Z",
                "2025-12-01T00:00:00Z"));
        assertThat(run.entries()).containsExactly(
                new RuleHistory.Entry(BY_ENTRY, "attendees:mean(engagement) by entry_id vs previous >= -5%",
                        "entry_id=1_a", 0.5, -0.05, null, "FAIL", 0.6),
                new RuleHistory.Entry(BY_ENTRY, "attendees:mean(engagement) by entry_id vs previous >= -5%",
                        "entry_id=1_b", 0.75, -0.05, null, "NO_DATA", null),
                new RuleHistory.Entry("rooms:min(meeting_view_period_unique_users)", "rooms:min(uniqueUsers) >= 1",
                        "", 1.0, 1.0, null, "PASS", null));
        // The next run compares with this one.
        CheckResult next = ThresholdChecker.check(settings, null, history);
        assertThat(next.results().get(1).previous()).isEqualTo(0.75);
        assertThat(next.results().get(1).verdict()).isEqualTo(Verdict.PASS);

        Files.delete(dir.resolve("manifest.json"));
        ThresholdChecker.check(settings, null, history);
        assertThat(history.runs.get(history.runs.size() - 1).run().rangeFrom()).isNull();
    }

    @Test
    void everyOutputShowsThePreviousValueAndTheChangeAndNothingPersonal() throws Exception {
        InMemoryHistory history = new InMemoryHistory()
                .earlier(WEEK1, BY_ENTRY, Map.of("entry_id=1_a", 0.6))
                .earlier(WEEK1, "attendees:mean(meeting_engaged_play_time_ratio) by user_email",
                        Map.of("user_email=a…@example.org", 0.25));
        CheckSettings settings = settings("attendees:mean(engagement) by entry_id vs previous >= -5%;"
                + " attendees:mean(engagement) by user_email >= 10%");
        CheckResult result = ThresholdChecker.check(settings, null, history);
        CheckOutputs.writeAll(settings, result);
        Path out = settings.outputDirectory();

        List<String> table = CheckOutputs.consoleTable(result);
        assertThat(table.get(0)).matches("RULE +GROUP +ACTUAL +PREVIOUS +CHANGE +EXPECTED +VERDICT");
        assertThat(table.get(2)).matches(".*entry_id=1_a +50% +60% +-10% +vs previous >= -5% +FAIL");
        assertThat(table.get(3)).matches(".*entry_id=1_b +75% +- +- +vs previous >= -5% +NO DATA");
        assertThat(table).anyMatch(l -> l.matches(".*user_email=a…@example.org +37.5% +25% +\\+12.5% +>= 10% +PASS"));

        String junit = Files.readString(out.resolve("TEST-kaltura-thresholds.xml"));
        assertThat(junit).contains("message=\"attendees:mean(engagement) by entry_id vs previous &gt;= -5% — actual"
                + " 50% (previous 60%, change -10%) for entry_id=1_a\"").contains("previous: 60%\nchange: -10%\n")
                .contains("previous: 25%\nchange: +12.5%");
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("| Verdict | Rule | Group | Actual | Previous | Change | Expected |")
                .contains("| entry_id=1_a | 50% | 60% | -10% | vs previous &gt;= -5% |")
                .contains("| entry_id=1_b | 75% |  |  | vs previous &gt;= -5% |");
        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        JsonNode first = json.get("results").get(0);
        assertThat(first.get("quantityKey").asText()).isEqualTo(BY_ENTRY);
        assertThat(first.get("previous").asDouble()).isEqualTo(0.6);
        assertThat(first.get("change").asDouble()).isCloseTo(-0.1, within(1e-12));
        assertThat(json.get("results").get(1).get("previous").isNull()).isTrue();
        assertThat(json.get("rules").get(0).get("compareTo").asText()).isEqualTo("previous");
        assertThat(json.get("rules").get(1).get("compareTo").isNull()).isTrue();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<th>Actual</th><th>Previous</th><th>Change</th><th>Expected</th>")
                .contains("<td class=\"num\">50%</td><td class=\"num\">60%</td><td class=\"num\">-10%</td>");
        for (String file : List.of("TEST-kaltura-thresholds.xml", "summary.md", "summary.json", "report.html")) {
            assertThat(Files.readString(out.resolve(file))).as(file).doesNotContain("ann@example.org")
                    .doesNotContain("Ann");
        }
        assertThat(String.join("\n", table)).doesNotContain("ann@example.org");
    }

    @Test
    void reportHtmlChartsEachRulesValueOverTheLastRuns() throws Exception {
        InMemoryHistory history = new InMemoryHistory();
        for (int week = 0; week < 14; week++) {
            history.earlier(WEEK1.minusSeconds(7L * 86400 * (13 - week)), WHOLE, Map.of("", 0.40 + week / 100.0));
        }
        history.earlier(WEEK2, BY_ENTRY, Map.of("entry_id=1_a", 0.6, "entry_id=1_b", 0.7));
        CheckSettings settings = settings("attendees:mean(engagement) >= 50%; attendees:mean(engagement) by"
                + " entry_id vs previous >= -5%; attendees:count(user_id) >= 1");
        CheckResult result = ThresholdChecker.check(settings, null, history);

        // The whole report: the last 12 earlier runs and this one; the groups: breaches first.
        assertThat(result.trends()).extracting(CheckResult.Trend::group).containsExactly(null, "entry_id=1_a",
                "entry_id=1_b");
        assertThat(result.trends().get(0).points()).hasSize(13);
        assertThat(result.trends().get(0).points().get(12).value()).isEqualTo(0.6);

        CheckOutputs.writeAll(settings, result);
        String html = Files.readString(settings.outputDirectory().resolve("report.html"));
        assertThat(html).contains("<h2>Trends</h2>");
        String data = html.substring(html.indexOf("id=\"chart-data\">") + 16);
        JsonNode charts = new ObjectMapper().readTree(data.substring(0, data.indexOf("</script>")));
        JsonNode whole = find(charts, "chart-trend-1");
        assertThat(whole.get("title").asText()).isEqualTo("Trend: attendees:mean(engagement) >= 50%");
        assertThat(whole.get("config").get("data").get("labels")).hasSize(13);
        JsonNode datasets = whole.get("config").get("data").get("datasets");
        assertThat(datasets.get(0).get("label").asText()).isEqualTo("Whole report");
        assertThat(datasets.get(0).get("data").get(0).asDouble()).isEqualTo(42.0);
        assertThat(datasets.get(0).get("data").get(12).asDouble()).isEqualTo(60.0);
        assertThat(datasets.get(1).get("label").asText()).isEqualTo("Bound 50%");
        JsonNode grouped = find(charts, "chart-trend-2");
        assertThat(grouped.get("config").get("data").get("datasets")).extracting(d -> d.get("label").asText())
                .containsExactly("entry_id=1_a", "entry_id=1_b"); // no bound: the rule judges the change
        assertThat(grouped.get("note").asText()).contains("2 of 2 groups: breaches first");
        assertThat(grouped.get("config").get("data").get("datasets").get(0).get("data"))
                .extracting(JsonNode::asDouble).containsExactly(60.0, 50.0);

        // Without any history, no trend section.
        CheckResult none = ThresholdChecker.check(settings, null);
        CheckOutputs.writeAll(settings, none);
        assertThat(Files.readString(settings.outputDirectory().resolve("report.html"))).doesNotContain("Trends")
                .doesNotContain("<th>Previous</th>");
    }

    private static JsonNode find(JsonNode charts, String id) {
        for (JsonNode c : charts) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + id);
    }
}
