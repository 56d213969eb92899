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
    /** Room to the users who sent a chat message or reply in it, and to those who answered a poll. */
    private final Map<String, Set<String>> chatters = new LinkedHashMap<>();
    private final Map<String, Set<String>> pollers = new LinkedHashMap<>();
    /** Per 4021 user: reactions, group messages, polls answered, Q&A threads. */
    private final List<int[]> reactions = new ArrayList<>();

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
            assertOverview(browser);
            assertThat(browser.getPageSource()).doesNotContain("@example.org", "User 1", "Hello");

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

    /** The Overview's figures, in total and per session, equal those worked out here from the rows written. */
    private void assertOverview(ChromeDriver browser) {
        Set<String> viewers = new HashSet<>();
        Set<String> viewersWhoChatted = new HashSet<>();
        Set<String> viewersWhoPolled = new HashSet<>();
        Set<String> allChatters = new HashSet<>();
        Set<String> allPollers = new HashSet<>();
        chatters.values().forEach(allChatters::addAll);
        pollers.values().forEach(allPollers::addAll);
        for (Attendee a : attendees) {
            viewers.add(a.user());
            if (allChatters.contains(a.user())) {
                viewersWhoChatted.add(a.user());
            }
            if (allPollers.contains(a.user())) {
                viewersWhoPolled.add(a.user());
            }
        }
        Map<String, Double> total = figures(browser, "tr[data-scope='total']");
        assertThat(total.get("uniqueViewers")).isEqualTo(viewers.size());
        assertThat(total.get("averageMinutesViewed")).isCloseTo(
                attendees.stream().mapToInt(Attendee::minutes).average().orElseThrow(), within(0.05));
        assertThat(total.get("averageEngagement")).isCloseTo(
                attendees.stream().mapToDouble(Attendee::engagement).average().orElseThrow(), within(0.0005));
        assertThat(total.get("chatted")).isCloseTo((double) viewersWhoChatted.size() / viewers.size(), within(0.0005));
        assertThat(total.get("answeredPolls")).isCloseTo((double) viewersWhoPolled.size() / viewers.size(),
                within(0.0005));
        // Reactions and Q&A: of 4021's users, those with a count above 0.
        assertThat(total.get("reacted")).isCloseTo(share(0), within(0.0005));
        assertThat(total.get("openedQna")).isCloseTo(share(3), within(0.0005));

        Map<String, List<Attendee>> bySession = new LinkedHashMap<>();
        Map<String, Set<String>> sessionsOfRoom = new LinkedHashMap<>();
        for (Attendee a : attendees) {
            bySession.computeIfAbsent(a.entry() + " " + a.session(), k -> new ArrayList<>()).add(a);
            sessionsOfRoom.computeIfAbsent(a.entry(), k -> new HashSet<>()).add(a.session());
        }
        assertThat(browser.findElements(By.cssSelector("tr[data-scope='session']"))).hasSize(bySession.size());
        for (List<Attendee> session : bySession.values()) {
            String room = session.get(0).entry();
            Map<String, Double> shown = figures(browser, "tr[data-entry='" + room + "'][data-session='"
                    + session.get(0).session() + "']");
            Set<String> users = new HashSet<>();
            session.forEach(a -> users.add(a.user()));
            assertThat(shown.get("uniqueViewers")).isEqualTo(users.size());
            assertThat(shown.get("averageMinutesViewed"))
                    .isCloseTo(session.stream().mapToInt(Attendee::minutes).average().orElseThrow(), within(0.05));
            assertThat(shown.get("averageEngagement"))
                    .isCloseTo(session.stream().mapToDouble(Attendee::engagement).average().orElseThrow(),
                            within(0.0005));
            assertThat(shown.get("reacted")).isNaN();
            if (sessionsOfRoom.get(room).size() > 1) {
                // Chat data names the room only: a room with several sessions shows no share per session.
                assertThat(shown.get("chatted")).isNaN();
                assertThat(shown.get("answeredPolls")).isNaN();
            } else {
                assertThat(shown.get("chatted")).isCloseTo(among(users, chatters.get(room)), within(0.0005));
                assertThat(shown.get("answeredPolls")).isCloseTo(among(users, pollers.get(room)), within(0.0005));
            }
        }
    }

    private static double among(Set<String> users, Set<String> who) {
        return who == null ? 0 : (double) users.stream().filter(who::contains).count() / users.size();
    }

    private double share(int column) {
        return (double) reactions.stream().filter(r -> r[column] > 0).count() / reactions.size();
    }

    /** A row's figures by name; a figure shown as — is NaN. */
    private static Map<String, Double> figures(ChromeDriver browser, String row) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (WebElement cell : browser.findElement(By.cssSelector(row)).findElements(By.cssSelector("[data-figure]"))) {
            String text = cell.getText();
            figures.put(cell.getDomAttribute("data-figure"), text.equals("—") ? Double.NaN
                    : text.endsWith("%") ? percent(text) : Double.parseDouble(text));
        }
        assertThat(figures).containsKeys("uniqueViewers", "averageMinutesViewed", "averageEngagement", "reacted",
                "chatted", "answeredPolls", "openedQna");
        return figures;
    }

    private static double percent(String text) {
        return Double.parseDouble(text.substring(0, text.length() - 1)) / 100;
    }

    /**
     * Chat activity and polls per room (users 1–35: some chat without having viewed), and 4021 for users 1–30,
     * with names, e-mail addresses and message-like text that must not reach the page.
     */
    private void writeInteractions(Path input, Random random) throws Exception {
        StringBuilder chat = new StringBuilder("entryId,userId,userFirstName,userLastName,userEmail,userRole,"
                + "messages,replies,likes\n");
        StringBuilder polls = new StringBuilder("entryId,pollId,question,userId,userEmail,answer,answeredAt\n");
        for (String room : List.of("1_a", "1_b", "1_c", "1_d")) {
            for (int u = 1; u <= 35; u++) {
                if (random.nextInt(3) == 0) {
                    int messages = random.nextInt(3);
                    int replies = random.nextInt(2);
                    chat.append(room).append(",u").append(u).append(",User ").append(u).append(",Last,u").append(u)
                            .append("@example.org,attendee,").append(messages).append(',').append(replies)
                            .append(",0\n");
                    if (messages + replies > 0) {
                        chatters.computeIfAbsent(room, k -> new HashSet<>()).add("u" + u);
                    }
                }
                if (random.nextInt(4) == 0) {
                    polls.append(room).append(",p1,Ready?,u").append(u).append(",u").append(u)
                            .append("@example.org,\"Hello, \"\"yes\"\"\",2025-12-01T10:20:00Z\n");
                    pollers.computeIfAbsent(room, k -> new HashSet<>()).add("u" + u);
                }
            }
        }
        StringBuilder reacted = new StringBuilder("email,combined_live_engaged_users_play_time_ratio,"
                + "total_reactions_activity,answered_polls,messages_sent_group,qna_threads\n");
        for (int u = 1; u <= 30; u++) {
            int[] counts = {random.nextInt(3), random.nextInt(2), random.nextInt(2), random.nextInt(3) / 2};
            reactions.add(counts);
            // Columns: reactions, polls answered, group messages, Q&A threads.
            reacted.append('u').append(u).append("@example.org,0.5,").append(counts[0]).append(',')
                    .append(counts[2]).append(',').append(counts[1]).append(',').append(counts[3]).append('\n');
        }
        Files.writeString(input.resolve("chatActivity.csv"), chat, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("pollsActivity.csv"), polls, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("reactions.csv"), reacted, StandardCharsets.UTF_8);
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
        writeInteractions(input, random);
        return input;
    }
}
