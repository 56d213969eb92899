package io.github.kalturareport.core.check.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.check.ThresholdChecker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * report.html opened in a real browser: Debian's headless Chromium through the system chromedriver (see
 * {@link HeadlessChromium}). The page comes from the real check over CSV files written here; the test works out
 * the overview's figures from those rows itself, and reads the page's figures, every chart's pixels and the
 * browser console.
 */
class ReportInBrowserTest {

    @TempDir
    Path dir;

    /** One attendee row, as written to attendees.csv. */
    private record Attendee(String entry, String session, String user, int minutes, double engagement) {
    }

    private final List<Attendee> attendees = new ArrayList<>();

    @Test
    void theReportDrawsEveryChartShowsTheFiguresOfItsFilesAndLogsNoError() throws Exception {
        Path input = writeReports();
        CheckSettings settings = CheckSettings.builder().inputDirectory(input)
                .rules("rooms:mean(engagement) >= 20%; attendees:mean(engagement) by entry_id >= 30%")
                .outputDirectory(dir.resolve("out")).timeZone(ZoneOffset.UTC).build();
        CheckResult result = ThresholdChecker.check(settings, null);
        CheckOutputs.writeAll(settings, result);
        Path html = dir.resolve("out/report.html");

        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("profile"))) {
            ChromeDriver browser = chromium.driver();
            browser.get(html.toUri().toString());

            assertEveryChartIsDrawn(browser);
            assertSessionFigures(browser);

            List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
            assertThat(console).as("the browser console").noneMatch(e -> e.getLevel().intValue()
                    >= java.util.logging.Level.SEVERE.intValue());
            // The console is really read: an error the page logs now is seen.
            browser.executeScript("console.error('probe-14')");
            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                    .anyMatch(e -> e.getMessage().contains("probe-14"));
            assertThat(chromium.seleniumManagerRecords()).as("Selenium Manager must never run").isEmpty();
        }
    }

    private static void assertEveryChartIsDrawn(ChromeDriver browser) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> canvases = (List<Map<String, Object>>) browser.executeScript("""
                return Array.from(document.querySelectorAll('canvas')).map(function (c) {
                  var pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  var painted = 0;
                  for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { painted++; } }
                  return { id: c.id, width: c.width, height: c.height, painted: painted,
                           chart: typeof Chart !== 'undefined' && !!Chart.getChart(c) };
                });
                """);
        // Every chart the page's data asks for has its canvas; each one has a Chart.js chart and drawn pixels.
        Number expected = (Number) browser.executeScript(
                "return JSON.parse(document.getElementById('chart-data').textContent).length;");
        assertThat(canvases).hasSize(expected.intValue()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(canvases).allSatisfy(c -> {
            assertThat(c.get("chart")).as("chart on %s", c.get("id")).isEqualTo(true);
            assertThat(((Number) c.get("width")).longValue()).as("width of %s", c.get("id")).isPositive();
            // A drawn chart paints axes, labels and data: far more than a few stray pixels.
            assertThat(((Number) c.get("painted")).longValue()).as("painted pixels of %s", c.get("id"))
                    .isGreaterThan(1000);
        });
    }

    /** The session overview's figures equal those worked out here from the rows written. */
    private void assertSessionFigures(ChromeDriver browser) {
        Map<String, List<Attendee>> bySession = new LinkedHashMap<>();
        attendees.forEach(a -> bySession.computeIfAbsent(a.session(), k -> new ArrayList<>()).add(a));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.sessions tbody tr"));
        assertThat(rows).hasSize(bySession.size());
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            List<Attendee> session = bySession.get(cells.get(1).getText());
            assertThat(session).as("session %s", cells.get(1).getText()).isNotNull();
            Set<String> users = new HashSet<>();
            session.forEach(a -> users.add(a.user()));
            assertThat(Long.parseLong(cells.get(3).getText())).isEqualTo(users.size());
            assertThat(Double.parseDouble(cells.get(4).getText()))
                    .isCloseTo(session.stream().mapToInt(Attendee::minutes).average().orElseThrow(), within(0.05));
            assertThat(percent(cells.get(5).getText()))
                    .isCloseTo(session.stream().mapToDouble(Attendee::engagement).average().orElseThrow(),
                            within(0.0005));
        }
    }

    private static double percent(String text) {
        assertThat(text).endsWith("%");
        return Double.parseDouble(text.substring(0, text.length() - 1)) / 100;
    }

    /**
     * Four rooms, five sessions, thirty users: each session a random set of its users, one of whom joins twice,
     * with whole minutes and engagement in hundredths; rooms.csv and breakouts.csv to match.
     */
    private Path writeReports() throws Exception {
        Path input = dir.resolve("in");
        Files.createDirectories(input);
        Random random = new Random(14);
        String[][] sessions = {{"1_a", "Algebra", "c1"}, {"1_a", "Algebra", "c2"}, {"1_b", "Biology", "c3"},
            {"1_c", "Chemistry", "c4"}, {"1_d", "Drama", "c5"}};
        StringBuilder rooms = new StringBuilder("entry_id,entry_name,parent_entry_id,cue_point_id,session_start_time,"
                + "session_end_time,session_host_user_id,meeting_view_period_unique_users,"
                + "meeting_engaged_play_time_ratio\n");
        StringBuilder rows = new StringBuilder("entry_id,cue_point_id,user_id,user_name,user_email,user_type,"
                + "meeting_view_time,meeting_engaged_play_time_ratio\n");
        long start = 1_764_583_200L; // 2025-12-01 10:00 UTC
        for (int s = 0; s < sessions.length; s++) {
            String entry = sessions[s][0];
            String cue = sessions[s][2];
            List<Integer> users = new ArrayList<>();
            for (int u = 1; u <= 30; u++) {
                if (random.nextInt(3) > 0) {
                    users.add(u);
                }
            }
            users.add(users.get(0)); // a user who left and joined again: one viewer, two rows
            double engagementSum = 0;
            for (int u : users) {
                Attendee a = new Attendee(entry, cue, "u" + u, 1 + random.nextInt(90), random.nextInt(101) / 100.0);
                attendees.add(a);
                engagementSum += a.engagement();
                rows.append(entry).append(',').append(cue).append(",u").append(u).append(",User ").append(u)
                        .append(",u").append(u).append("@example.org,Attendee,").append(a.minutes()).append(',')
                        .append(a.engagement()).append('\n');
            }
            long t = start + s * 86_400L;
            rooms.append(entry).append(',').append(sessions[s][1]).append(",,").append(cue).append(',').append(t)
                    .append(',').append(t + 3600).append(",u1,").append(new HashSet<>(users).size()).append(',')
                    .append(Math.round(engagementSum / users.size() * 1000) / 1000.0).append('\n');
        }
        Files.writeString(input.resolve("rooms.csv"), rooms, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("attendees.csv"), rows, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("breakouts.csv"), """
                parent_entry_id,parent_entry_name,breakout_entry_id,breakout_entry_name,cue_point_id,session_initiator,session_start_time,session_end_time,duration,participant_count,engagement_rate
                1_a,Algebra,1_x,Group X,c1,u1,1764583800,1764584400,600,3,0.5
                1_a,Algebra,1_y,Group Y,c1,u1,1764583800,1764584700,900,2,0.25
                """, StandardCharsets.UTF_8);
        return input;
    }
}
