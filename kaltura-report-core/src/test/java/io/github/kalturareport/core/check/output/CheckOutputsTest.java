package io.github.kalturareport.core.check.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.CheckFixtures;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.check.ThresholdChecker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CheckOutputsTest {

    private static final String RULES = "attendees:mean(engagement) by entry_id >= 60%;"
            + " attendees:each(engagement) >= 50%;"
            + " rooms:mean(engagement) >= 40% and <= 90%;"
            + " rooms:min(uniqueUsers) >= 2 severity=warning;"
            + " attendees:mean(engagement) where user_type=Guest >= 10%";

    @TempDir
    Path dir;
    private Path stepSummary;
    private CheckResult result;
    private List<Path> files;

    @BeforeEach
    void runCheck() throws Exception {
        CheckFixtures.allReports(dir);
        stepSummary = dir.resolve("step-summary.md");
        Files.writeString(stepSummary, "# Earlier step\n");
        files = checkAndWrite(CheckSettings.builder().inputDirectory(dir).rules(RULES)
                .githubStepSummary(stepSummary).timeZone(ZoneId.of("Europe/Berlin")).build());
    }

    /** The check, then its outputs, as a front end runs them. */
    private List<Path> checkAndWrite(CheckSettings settings) throws KalturaReportException {
        result = ThresholdChecker.check(settings, null);
        return CheckOutputs.writeAll(settings, result);
    }

    @Test
    void writesEveryFileUnderCheckAndNoTemporaryFile() throws Exception {
        Path out = dir.resolve("check");
        assertThat(files).containsExactly(out.resolve("TEST-kaltura-thresholds.xml"),
                out.resolve("summary.md"), out.resolve("summary.json"), out.resolve("report.html"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "TEST-kaltura-thresholds.xml", "summary.md", "summary.json", "report.html");
        }
        assertThat(result.results()).extracting(ConsoleTable::verdict).containsExactly(
                "FAIL", "PASS", "FAIL", "PASS", "WARN", "NO DATA");
    }

    @Test
    void theConsoleTableListsEveryResult() throws Exception {
        CheckSettings settings = CheckSettings.builder().inputDirectory(dir)
                .rules("attendees:mean(engagement) >= 70%; attendees:mean(engagement) >= 70% severity=warning;"
                        + " attendees:mean(engagement) >= 50%").build();
        assertThat(CheckOutputs.consoleTable(ThresholdChecker.check(settings, null))).containsExactly(
                "RULE                                                GROUP  ACTUAL  EXPECTED  VERDICT",
                "--------------------------------------------------  -----  ------  --------  -------",
                "attendees:mean(engagement) >= 70%                   -      60%     >= 70%    FAIL",
                "attendees:mean(engagement) >= 70% severity=warning  -      60%     >= 70%    WARN",
                "attendees:mean(engagement) >= 50%                   -      60%     >= 50%    PASS");
    }

    @Test
    void filesAreReadableByAllAndReplacedWhole() throws Exception {
        Path html = dir.resolve("check/report.html");
        if (html.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(html)))
                    .isEqualTo("rw-r--r--");
        }
        Files.writeString(html, "old and much longer than nothing at all");
        CheckOutputs.writeAll(CheckSettings.builder().inputDirectory(dir).build(), result);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void aFolderThatCannotBeMadeFailsNamingIt() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the folder should go");
        CheckSettings settings = CheckSettings.builder().inputDirectory(dir).outputDirectory(blocked.resolve("check"))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckOutputs.writeAll(settings, result))
                .isInstanceOf(KalturaReportException.class)
                .hasMessageStartingWith("Cannot create the output folder " + blocked.resolve("check"));
    }

    @Test
    void junitXmlHasOneTestCasePerRuleAndGroupWithFailuresAndSkips() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("check/TEST-kaltura-thresholds.xml").toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("kaltura-thresholds");
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(Double.parseDouble(suite.getAttribute("time"))).isGreaterThanOrEqualTo(0);

        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(6);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("name"));
            assertThat(c.getAttribute("classname")).startsWith("kaltura.thresholds.");
            assertThat(Double.parseDouble(c.getAttribute("time"))).isGreaterThanOrEqualTo(0);
        }
        assertThat(names).containsExactly(
                "attendees:mean(engagement) by entry_id >= 60% [entry_id=1_a]",
                "attendees:mean(engagement) by entry_id >= 60% [entry_id=1_b]",
                "attendees:each(engagement) >= 50%",
                "rooms:mean(engagement) >= 40% and <= 90%",
                "rooms:min(uniqueUsers) >= 2 severity=warning",
                "attendees:mean(engagement) where user_type=Guest >= 10%");
        assertThat(((Element) cases.item(0)).getAttribute("classname")).isEqualTo("kaltura.thresholds.attendees");
        assertThat(((Element) cases.item(3)).getAttribute("classname")).isEqualTo("kaltura.thresholds.rooms");

        NodeList failures = suite.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(2);
        Element first = (Element) failures.item(0);
        assertThat(first.getParentNode()).isSameAs(cases.item(0));
        assertThat(first.getAttribute("message")).isEqualTo(
                "attendees:mean(engagement) by entry_id >= 60% — actual 50% for entry_id=1_a");
        Element each = (Element) failures.item(1);
        assertThat(each.getParentNode()).isSameAs(cases.item(2));
        assertThat(each.getTextContent()).contains("entry_id=1_a, cue_point_id=c2, user_id=u1: 0.25 (line 4)");
        NodeList skipped = suite.getElementsByTagName("skipped");
        assertThat(skipped.getLength()).isEqualTo(1);
        assertThat(skipped.item(0).getParentNode()).isSameAs(cases.item(5));
        // Passing and warning cases are present, without failure.
        Element warning = (Element) cases.item(4);
        assertThat(warning.getElementsByTagName("failure").getLength()).isZero();
        assertThat(warning.getTextContent()).contains("WARNING");
    }

    @Test
    void junitXmlStaysParseableWhenACellHoldsAControlCharacter() throws Exception {
        CheckFixtures.write(dir, "report-7001.csv", "room,latency\n\"A\u0001<&>\",100\n");
        checkAndWrite(CheckSettings.builder().inputDirectory(dir).rules("7001:max(latency) by room < 50").build());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("check/TEST-kaltura-thresholds.xml").toFile());
        Element testCase = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(testCase.getAttribute("name")).isEqualTo("report-7001:max(latency) by room < 50 [room=A<&>]");
    }

    @Test
    void jsonSummaryFollowsTheDocumentedSchema() throws Exception {
        JsonNode json = new ObjectMapper().readTree(dir.resolve("check/summary.json").toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        JsonNode totals = json.get("totals");
        assertThat(totals.get("rules").asInt()).isEqualTo(5);
        assertThat(totals.get("results").asInt()).isEqualTo(6);
        assertThat(totals.get("passed").asInt()).isEqualTo(2);
        assertThat(totals.get("failed").asInt()).isEqualTo(3);
        assertThat(totals.get("errors").asInt()).isEqualTo(2);
        assertThat(totals.get("warnings").asInt()).isEqualTo(1);
        assertThat(totals.get("noData").asInt()).isEqualTo(1);
        JsonNode rule = json.get("rules").get(2);
        assertThat(rule.get("text").asText()).isEqualTo("rooms:mean(engagement) >= 40% and <= 90%");
        assertThat(rule.get("column").asText()).isEqualTo("meeting_engaged_play_time_ratio");
        assertThat(rule.get("minimum").get("value").asDouble()).isEqualTo(0.4);
        assertThat(rule.get("minimum").get("inclusive").asBoolean()).isTrue();
        assertThat(rule.get("maximum").get("text").asText()).isEqualTo("90%");
        JsonNode first = json.get("results").get(0);
        assertThat(first.get("ruleIndex").asInt()).isZero();
        assertThat(first.get("group").asText()).isEqualTo("entry_id=1_a");
        assertThat(first.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(first.get("actual").asDouble()).isEqualTo(0.5);
        assertThat(first.get("actualText").asText()).isEqualTo("50%");
        JsonNode each = json.get("results").get(2);
        assertThat(each.get("offendingRows").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(json.get("results").get(5).get("actual").isNull()).isTrue();
        JsonNode session = json.get("sessions").get(0);
        assertThat(session.get("roomName").asText()).isEqualTo("Algebra");
        assertThat(session.get("start").asText()).isEqualTo("2025-04-21T10:00:00Z");
        assertThat(session.get("uniqueAttendees").asInt()).isEqualTo(2);
        assertThat(session.get("averageMinutesViewed").asDouble()).isEqualTo(15);
        assertThat(session.get("averageEngagement").asDouble()).isEqualTo(0.625);
    }

    @Test
    void markdownHasTheVerdictsAndTheSessionOverviewAndIsAppendedToTheStepSummary() throws Exception {
        String md = Files.readString(dir.resolve("check/summary.md"));
        assertThat(md).startsWith("## ❌ Kaltura thresholds\n\n2 errors, 1 warning, 2 passed, 1 without data"
                + " (6 results of 5 rules).");
        assertThat(md).contains("| ❌ FAIL | attendees:mean(engagement) by entry_id &gt;= 60% | entry_id=1_a | 50%"
                + " | &gt;= 60% |");
        assertThat(md.indexOf("❌ FAIL")).isLessThan(md.indexOf("✅ PASS"));
        assertThat(md).contains("### Overview");
        // In total: u1..u4 over all sessions; minutes 10, 20, 30, 40 (one empty); engagement 0.5 … 1.0.
        assertThat(md).contains("| **All sessions** |  |  | 4 | 25 | 60% |");
        // Times in the chosen zone: 10:00 UTC is 12:00 in Berlin.
        assertThat(md).contains("| Algebra | c1 | 2025-04-21 12:00 | 2 | 15 | 62.5% |");
        assertThat(md).contains("| Biology | c3 | 2025-04-23 12:00 | 2 | 40 | 75% |");
        assertThat(md).contains("attendees.csv: `entry_id=1_a, cue_point_id=c2, user_id=u1: 0.25 (line 4)`");
        assertThat(Files.readString(stepSummary)).isEqualTo("# Earlier step\n" + md + "\n");
    }

    @Test
    void markdownIsCappedWellBelowOneMebibyte() {
        String line = "| row | " + "x".repeat(90) + " |\n";
        String big = line.repeat(20_000);
        String capped = MarkdownSummary.cap(big);
        assertThat(capped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MarkdownSummary.MAX_BYTES);
        assertThat(capped).endsWith("… cut to stay below GitHub's size limit: see summary.json or report.html.\n");
        assertThat(MarkdownSummary.cap("small\n")).isEqualTo("small\n");
    }

    @Test
    void htmlIsSelfContainedWithItsCharts() throws Exception {
        String html = Files.readString(dir.resolve("check/report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>");
        for (String chart : List.of("chart-rooms-over-time", "chart-rooms-top-bottom", "chart-attendees-spread",
                "chart-breakouts-spread")) {
            assertThat(html).contains("<canvas id=\"" + chart + "\"");
        }
        // Chart.js itself is inlined, and the page hands it the charts' data.
        assertThat(html).contains("Chart.js v4").contains("new Chart(canvas, c.config)");
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"chart-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        JsonNode charts = new ObjectMapper().readTree(data.group(1));
        JsonNode overTime = charts.get(0).get("config").get("data");
        assertThat(overTime.get("datasets").get(0).get("data")).extracting(JsonNode::asDouble)
                .containsExactly(62.5, 25.0, 75.0);
        // The threshold lines of the rooms engagement rule.
        assertThat(overTime.get("datasets").get(1).get("label").asText()).startsWith("Threshold 40%");
        assertThat(overTime.get("datasets").get(2).get("data").get(0).asDouble()).isEqualTo(90.0);
        JsonNode spread = charts.get(2).get("config").get("data").get("datasets").get(0).get("data");
        // Attendee engagement 0.5, 0.75, 0.25, 0.5, 1.0 in ten bins (1.0 falls in the last).
        assertThat(spread).extracting(JsonNode::asInt).containsExactly(0, 0, 1, 0, 0, 2, 0, 1, 0, 1);
        assertThat(html).contains("<td>Algebra</td><td>c1</td><td>2025-04-21 12:00</td>");

        // No external reference of any kind.
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)@import");
        assertThat(html).doesNotContainPattern("(?i)url\\(\\s*[\"']?\\s*(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=");
        assertThat(html).doesNotContainPattern("(?i)<link[^>]+href=");
        assertThat(html).doesNotContain("sourceMappingURL");
    }

    @Test
    void aGuardedRuleShowsItsGuardAndItsSmallGroupAsSkipped() throws Exception {
        JsonNode unguarded = new ObjectMapper().readTree(dir.resolve("check/summary.json").toFile());
        assertThat(unguarded.get("rules").get(0).get("minRows").isNull()).isTrue();
        Path out = dir.resolve("guarded");
        checkAndWrite(CheckSettings.builder().inputDirectory(dir).outputDirectory(out)
                .rules("attendees:mean(engagement) by entry_id when count >= 3 >= 60%").build());
        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(json.get("rules").get(0).get("minRows").asInt()).isEqualTo(3);
        assertThat(json.get("rules").get(0).get("text").asText())
                .isEqualTo("attendees:mean(engagement) by entry_id when count >= 3 >= 60%");
        JsonNode small = json.get("results").get(1);
        assertThat(small.get("verdict").asText()).isEqualTo("NO_DATA");
        assertThat(small.get("rows").asInt()).isEqualTo(2);
        assertThat(small.get("actual").isNull()).isTrue();
        assertThat(small.get("actualText").asText()).isEqualTo("no data (2 rows, fewer than 3)");
        assertThat(Files.readString(out.resolve("TEST-kaltura-thresholds.xml")))
                .contains("tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"1\"");
    }
}
