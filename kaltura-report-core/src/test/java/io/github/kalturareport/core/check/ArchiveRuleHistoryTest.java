package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.archive.TestArchives;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The archive's side of {@link RuleHistory}, on a SQLite file and on a real PostgreSQL server. */
class ArchiveRuleHistoryTest {

    private static final String ENGAGEMENT = "attendees|mean|meeting_engaged_play_time_ratio||";
    private static final String USERS = "rooms|min|meeting_view_period_unique_users|entry_id|";
    private static final Instant T1 = Instant.parse("2026-01-05T06:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-12T06:00:00Z");
    private static final Instant T3 = Instant.parse("2026-01-19T06:00:00Z");

    @TempDir
    Path dir;

    static List<String> backends() {
        return TestArchives.backends().toList();
    }

    private static RuleHistory.Entry entry(String quantity, String group, Double actual, String verdict,
            Double previous) {
        return new RuleHistory.Entry(quantity, quantity + " rule", group, actual, 0.5, null, verdict, previous);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anEmptyArchiveHasNoPreviousValueAndNoSeries(String backend) throws Exception {
        RuleHistory history = new ArchiveRuleHistory(TestArchives.create(backend, dir));
        assertThat(history.previous(ENGAGEMENT)).isEmpty();
        assertThat(history.series(ENGAGEMENT, "", 10)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void previousIsPerGroupTheLatestEarlierRunThatHasItAndSeriesIsOldestFirst(String backend) throws Exception {
        ArchiveLocation archive = TestArchives.create(backend, dir);
        RuleHistory history = new ArchiveRuleHistory(archive);
        history.record(new RuleHistory.Run(T1, "2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z"), List.of(
                entry(ENGAGEMENT, "", 0.61, "PASS", null),
                entry(USERS, "1_a", 5.0, "PASS", null),
                entry(USERS, "1_b", 7.0, "PASS", null)));
        history.record(new RuleHistory.Run(T2, null, null), List.of(
                entry(ENGAGEMENT, "", 0.64, "PASS", 0.61),
                entry(USERS, "1_a", 3.0, "FAIL", 5.0)));
        history.record(new RuleHistory.Run(T3, null, null), List.of(
                entry(ENGAGEMENT, "", null, "NO DATA", 0.64)));

        assertThat(history.previous(ENGAGEMENT)).isEqualTo(Map.of("", 0.64));
        assertThat(history.previous(USERS)).isEqualTo(Map.of("1_a", 3.0, "1_b", 7.0));
        assertThat(history.previous("rooms|max|x||")).isEmpty();
        assertThat(history.series(ENGAGEMENT, "", 10)).containsExactly(
                new RuleHistory.Point(T1, 0.61), new RuleHistory.Point(T2, 0.64));
        assertThat(history.series(USERS, "1_a", 1)).containsExactly(new RuleHistory.Point(T2, 3.0));
        assertThat(TestArchives.rows(archive, "SELECT r.run_at, r.range_from, x.rule, x.group_value, x.actual,"
                + " x.minimum, x.maximum, x.verdict, x.previous FROM kaltura_check_results x"
                + " JOIN kaltura_check_runs r ON r.run_id = x.run_id WHERE x.quantity = '" + USERS + "'"
                + " ORDER BY r.run_id, x.seq")).containsExactly(
                        T1 + "|2025-12-29T00:00:00Z|" + USERS + " rule|1_a|5.0|0.5|null|PASS|null",
                        T1 + "|2025-12-29T00:00:00Z|" + USERS + " rule|1_b|7.0|0.5|null|PASS|null",
                        T2 + "|null|" + USERS + " rule|1_a|3.0|0.5|null|FAIL|5.0");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aRunIsRecordedAllOrNothing(String backend) throws Exception {
        ArchiveLocation archive = TestArchives.create(backend, dir);
        RuleHistory history = new ArchiveRuleHistory(archive);
        history.record(new RuleHistory.Run(T1, null, null), List.of(entry(ENGAGEMENT, "", 0.6, "PASS", null)));
        List<RuleHistory.Entry> broken = Arrays.asList(entry(ENGAGEMENT, "", 0.9, "PASS", 0.6),
                entry(ENGAGEMENT, "x", 0.1, null, null)); // a verdict is required: the second row fails
        assertThatThrownBy(() -> history.record(new RuleHistory.Run(T2, null, null), broken))
                .isInstanceOf(KalturaReportException.class).hasMessageContaining("Nothing of this run was recorded");
        assertThat(history.previous(ENGAGEMENT)).isEqualTo(Map.of("", 0.6));
        assertThat(TestArchives.number(archive, "SELECT COUNT(*) FROM kaltura_check_runs")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void twoRulesOnOneQuantityGiveOnePointPerRun(String backend) throws Exception {
        RuleHistory history = new ArchiveRuleHistory(TestArchives.create(backend, dir));
        for (Instant at : List.of(T1, T2, T3)) { // "vs previous >= -5%" and ">= 50%": a row each, one value
            history.record(new RuleHistory.Run(at, null, null), List.of(entry(ENGAGEMENT, "", 0.6, "PASS", null),
                    entry(ENGAGEMENT, "", 0.6, "PASS", null)));
        }
        assertThat(history.series(ENGAGEMENT, "", 10)).extracting(RuleHistory.Point::runAt)
                .containsExactly(T1, T2, T3);
        assertThat(history.series(ENGAGEMENT, "", 2)).extracting(RuleHistory.Point::runAt).containsExactly(T2, T3);
        assertThat(history.series(ENGAGEMENT, "", 0)).isEmpty();
    }
}
