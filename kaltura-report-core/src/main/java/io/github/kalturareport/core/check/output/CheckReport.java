package io.github.kalturareport.core.check.output;

import io.github.kalturareport.core.check.CheckResult.SessionRow;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.check.RuleResult;
import java.time.Instant;
import java.util.List;

/**
 * What every output file shows: the check's result with the settings it ran with, and the totals they share.
 *
 * @param settings what was asked
 * @param result   what was found
 */
record CheckReport(CheckSettings settings, CheckResult result) {

    List<RuleResult> results() {
        return result.results();
    }

    /** The session overview, or null when neither rooms.csv nor attendees.csv was read. */
    List<SessionRow> sessions() {
        return result.sessions().orElse(null);
    }

    Instant generatedAt() {
        return result.checkedAt();
    }

    long count(Verdict verdict) {
        return result.count(verdict);
    }

    long errors() {
        return result.errors().size();
    }

    long warnings() {
        return result.warnings().size();
    }

    /** {@code fail} when an error rule is breached, else {@code warn} when a warning rule is, else {@code pass}. */
    String status() {
        return errors() > 0 ? "fail" : warnings() > 0 ? "warn" : "pass";
    }

    /** One line: {@code 2 errors, 1 warning, 10 passed, 1 without data (14 results of 5 rules)}. */
    String headline() {
        return plural(errors(), "error") + ", " + plural(warnings(), "warning") + ", " + count(Verdict.PASS)
                + " passed, " + count(Verdict.NO_DATA) + " without data (" + plural(results().size(), "result")
                + " of " + plural(result.rules().size(), "rule") + ")";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
