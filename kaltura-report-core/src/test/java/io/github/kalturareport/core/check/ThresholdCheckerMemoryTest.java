package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.check.RuleResult.OffendingRow;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.check.output.CheckOutputs;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million attendee rows and five rules, evaluated in one pass and written out, in a JVM with a 64 MiB heap
 * (surefire runs this class alone in its own execution with {@code -Xmx64m}; see the core's POM). Not a timing
 * test.
 */
class ThresholdCheckerMemoryTest {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionRowsAndFiveRulesFitInSixtyFourMebibytes() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test must run with -Xmx64m")
                .isLessThanOrEqualTo(64L * 1024 * 1024);
        // 100 rooms of 10,000 rows, 1,000 sessions of 1,000 rows, 50,000 users, one host per session;
        // engagement (i % 100) / 100, view time i % 120 minutes.
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("attendees.csv"), StandardCharsets.UTF_8)) {
            out.write("entry_id,cue_point_id,user_id,user_name,user_email,user_type,meeting_view_time,"
                    + "meeting_engaged_play_time_ratio\n");
            for (int i = 0; i < ROWS; i++) {
                int user = i % 50_000;
                out.write("1_r" + i / 10_000 + ",c" + i / 1_000 + ",u" + user + ",User " + user + ",u" + user
                        + "@example.org," + (i % 1_000 == 0 ? "Host" : "Attendee") + "," + i % 120 + ","
                        + (i % 100) / 100.0 + "\n");
            }
        }
        CheckSettings settings = CheckSettings.builder().inputDirectory(dir).rules(
                "attendees:mean(engagement) by entry_id >= 49%;"
                        + "attendees:p95(viewTime) == 113;"
                        + "attendees:distinct(user_id) == 50000;"
                        + "attendees:each(engagement) >= 1%;"
                        + "attendees:count(user_id) where user_type=Host == 1000").build();
        CheckResult result = ThresholdChecker.check(settings, null);
        // Every output too, as a front end writes them: the overview and the reports fit in the same heap.
        CheckOutputs.writeAll(settings, result);

        List<RuleResult> results = result.results();
        assertThat(results).hasSize(100 + 4);
        List<RuleResult> byRoom = results.subList(0, 100);
        assertThat(byRoom).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.actualText()).isEqualTo("49.5%");
            assertThat(r.rows()).isEqualTo(10_000);
        });
        // Nearest rank ⌈0.95 × 1,000,000⌉ = 950,000: values 0–39 occur 8,334 times, 40–119 8,333 times, so the
        // 950,000th smallest is 113 (8,334 × 40 + 8,333 × 74 = 950,002).
        assertThat(results.get(100).actualText()).isEqualTo("113");
        assertThat(results.get(101).actualText()).isEqualTo("50000");
        RuleResult each = results.get(102);
        assertThat(each.actualText()).isEqualTo("10000 of 1000000 rows outside");
        assertThat(each.offendingRows()).extracting(OffendingRow::line).startsWith(2L, 102L, 202L);
        assertThat(results.get(103).actualText()).isEqualTo("1000");
        assertThat(results).filteredOn(r -> r.verdict() != Verdict.PASS).containsExactly(each);
        assertThat(Files.size(dir.resolve("check/summary.md"))).isLessThan(256 * 1024); // the Markdown's cap
        assertThat(Files.readString(dir.resolve("check/summary.json"))).contains("\"uniqueAttendees\" : 1000");
    }
}
