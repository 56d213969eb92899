package io.github.kalturareport.core.check;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of one rule for one group (or for the whole report when the rule has no {@code groupBy}).
 *
 * @param rule          the rule's name, or its one-line text when it has none
 * @param group         {@code column=value} of the group, or null when not grouped
 * @param actual        the actual value as shown to people, e.g. {@code 48.2%}; {@code no data} when there is none
 * @param expected      the bounds, e.g. {@code >= 60%}
 * @param verdict       pass, fail or no data
 * @param severity      the rule's severity
 * @param message       one line, e.g. {@code attendees:mean(engagement) >= 60% — actual 48.2% for entry_id=1_abc}
 * @param definition    the rule
 * @param actualValue   the actual number (fractions for ratios; for {@code each}, the number of offending
 *                      rows); null when there is no data
 * @param rows          the rows that counted (after {@code where}) with a value in the metric column
 * @param offendingRows for {@code each}: the first offending rows with their line numbers; else empty
 * @param seconds       the time this result's share of the pass over its report took
 */
public record RuleResult(String rule, String group, String actual, String expected, Verdict verdict,
        Severity severity, String message, Rule definition, Double actualValue, long rows,
        List<OffendingRow> offendingRows, double seconds) {

    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(severity, "severity");
        offendingRows = List.copyOf(offendingRows);
    }

    /** Whether this is a breach of an {@code error} rule. */
    public boolean isError() {
        return verdict == Verdict.FAIL && severity == Severity.ERROR;
    }

    /** Whether this is a breach of a {@code warning} rule. */
    public boolean isWarning() {
        return verdict == Verdict.FAIL && severity == Severity.WARNING;
    }
}
