package io.github.kalturareport.core.check;

import java.time.Instant;
import java.util.List;

/**
 * Everything the output files show, gathered once.
 *
 * @param settings    what was asked
 * @param results     every verdict
 * @param sessions    the session overview, or null when neither rooms.csv nor attendees.csv was there
 * @param charts      the chart data
 * @param generatedAt when the check ran
 */
record CheckReport(CheckSettings settings, List<RuleResult> results, List<SessionOverview.Row> sessions,
        ChartData charts, Instant generatedAt) {

    long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    long errors() {
        return results.stream().filter(RuleResult::isError).count();
    }

    long warnings() {
        return results.stream().filter(RuleResult::isWarning).count();
    }

    /** {@code fail} when an error rule is breached, else {@code warn} when a warning rule is, else {@code pass}. */
    String status() {
        return errors() > 0 ? "fail" : warnings() > 0 ? "warn" : "pass";
    }

    /** One line: {@code 2 errors, 1 warning, 10 passed, 1 without data (14 results of 5 rules)}. */
    String headline() {
        return plural(errors(), "error") + ", " + plural(warnings(), "warning") + ", " + count(Verdict.PASS)
                + " passed, " + count(Verdict.NO_DATA) + " without data (" + plural(results.size(), "result")
                + " of " + plural(settings.rules().size(), "rule") + ")";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
