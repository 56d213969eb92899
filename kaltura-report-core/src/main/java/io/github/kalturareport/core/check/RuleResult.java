package io.github.kalturareport.core.check;

import io.github.kalturareport.core.check.Rule.OnEmpty;
import io.github.kalturareport.core.check.Rule.Severity;
import io.github.kalturareport.core.internal.format.Formats;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verdict of one rule for one group (or for the whole report when the rule has no {@code groupBy}). The
 * components are data; the text people read ({@link #actualText()}, {@link #expected()}, {@link #message()}) is
 * derived from them, the same in the log and in every output.
 *
 * @param rule          the rule
 * @param group         {@code column=value} of the group, the value as it may be shown (an e-mail address masked,
 *                      a name hidden), or null when not grouped
 * @param actual        the actual number (fractions for ratios; for {@code each}, the number of offending rows);
 *                      null when there was no data
 * @param verdict       pass, fail or no data
 * @param rows          the rows that counted (after {@code where}) with a value in the metric column
 * @param offendingRows for {@code each}: the first offending rows with their line numbers; else empty
 * @param seconds       the time this result's share of the pass over its report took
 * @param previous      the same quantity and group's value in the previous run (an archive's or a baseline's),
 *                      or null when there is none; a {@code vs previous} rule judges {@link #change()}
 */
public record RuleResult(Rule rule, String group, Double actual, Verdict verdict, long rows,
        List<OffendingRow> offendingRows, double seconds, Double previous) {

    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        offendingRows = List.copyOf(offendingRows);
    }

    /** A result without a previous value. */
    public RuleResult(Rule rule, String group, Double actual, Verdict verdict, long rows,
            List<OffendingRow> offendingRows, double seconds) {
        this(rule, group, actual, verdict, rows, offendingRows, seconds, null);
    }

    /** The change since the previous run, current − previous in the metric's units; null without both. */
    public Double change() {
        return actual == null || previous == null || rule.aggregate().kind() == Aggregate.Kind.EACH ? null
                : actual - previous;
    }

    /** The previous value shown as {@link #actualText()} shows a value, or {@code ""} when there is none. */
    public String previousText() {
        return previous == null ? "" : format(previous);
    }

    /** The change with its sign, {@code -7%} or {@code +3}, as the bound is written; {@code ""} when none. */
    public String changeText() {
        Double change = change();
        if (change == null) {
            return "";
        }
        String text = format(change);
        return change > 0 ? "+" + text : text;
    }

    /** The group as history keeps it: {@code column=value} as shown, or {@code ""} for the whole report. */
    public String historyGroup() {
        return group == null ? "" : group;
    }

    /** The rule's name, or its one-line text when it has none: how tables and test reports call it. */
    public String label() {
        return rule.label();
    }

    /** The rule's severity. */
    public Severity severity() {
        return rule.severity();
    }

    /** Whether this is a breach of an {@code error} rule. */
    public boolean isError() {
        return verdict == Verdict.FAIL && severity() == Severity.ERROR;
    }

    /** Whether this is a breach of a {@code warning} rule. */
    public boolean isWarning() {
        return verdict == Verdict.FAIL && severity() == Severity.WARNING;
    }

    /**
     * The actual value as shown to people: {@code 48.2%} next to a bound written with {@code %}, {@code 0.482}
     * next to one without, {@code 3 of 250 rows outside} for {@code each}, {@code no data} when there was none.
     */
    public String actualText() {
        if (actual == null) {
            return rows == 0 ? "no data" : "no data (" + rows + " rows, fewer than " + rule.minRows() + ")";
        }
        Aggregate.Kind kind = rule.aggregate().kind();
        if (kind == Aggregate.Kind.EACH) {
            return actual.longValue() + " of " + rows + " rows outside";
        }
        return format(actual);
    }

    private String format(double value) {
        Aggregate.Kind kind = rule.aggregate().kind();
        if (kind == Aggregate.Kind.COUNT || kind == Aggregate.Kind.DISTINCT) {
            return Formats.number(value);
        }
        // Shown the way the bound was written, so 48.2% sits next to >= 60% and 0.482 next to >= 0.6.
        return rule.percent() ? Formats.percent(value) : Formats.number(value);
    }

    /**
     * The bounds, e.g. {@code >= 60%}; {@code each >= 60%} for an {@code each} rule that had rows;
     * {@code vs previous >= -5%} for a rule on the change.
     */
    public String expected() {
        if (rule.vsPrevious()) {
            return "vs previous " + rule.expected();
        }
        return actual != null && rule.aggregate().kind() == Aggregate.Kind.EACH ? "each " + rule.expected()
                : rule.expected();
    }

    /** One line, e.g. {@code attendees:mean(engagement) >= 60% — actual 48.2% for entry_id=1_abc}. */
    public String message() {
        String label = rule.label();
        String where = group == null ? "" : " for " + group;
        String prefix = rule.name() == null ? label : label + " (" + rule.text() + ")";
        if (actual == null && rows > 0) {
            return prefix + " — no data" + where + " (only " + rows + " rows with a value; the rule needs at least "
                    + rule.minRows() + ")";
        }
        if (actual == null) {
            return prefix + " — no data" + where + " (no row with a value"
                    + (rule.whereColumn() != null ? " where " + rule.whereColumn() + "=" + rule.shownWhereValue() : "")
                    + "; onEmpty=" + rule.onEmpty().text() + ")";
        }
        if (rule.vsPrevious() && previous == null) {
            return prefix + " — no data" + where + " (actual " + actualText() + ", but no previous value to compare"
                    + " with)";
        }
        if (rule.aggregate().kind() != Aggregate.Kind.EACH) {
            return prefix + " — actual " + actualText() + (previous == null ? ""
                    : " (previous " + previousText() + ", change " + changeText() + ")") + where;
        }
        StringBuilder message = new StringBuilder(prefix).append(" — ").append(actualText()).append(where);
        if (!offendingRows.isEmpty()) {
            message.append(": ");
            for (int i = 0; i < offendingRows.size(); i++) {
                OffendingRow row = offendingRows.get(i);
                message.append(i == 0 ? "" : "; ").append(row.text());
            }
            if (actual > offendingRows.size()) {
                message.append("; …");
            }
        }
        return message.toString();
    }

    /**
     * A row that an {@code each} rule rejected, named by what identifies it.
     *
     * @param line     the line it starts on in the CSV file (the header is line 1)
     * @param value    the metric's cell as written in the file
     * @param identity the report's identifying columns ({@link ReportDefinition#identityColumns()}) to their values
     *                 as they may be shown (an e-mail address masked, a name never; a start time in ISO-8601), in
     *                 the catalogue's order; a column the file lacks is left out
     */
    public record OffendingRow(long line, String value, Map<String, String> identity) {

        public OffendingRow {
            identity = Collections.unmodifiableMap(new LinkedHashMap<>(identity));
        }

        public OffendingRow(long line, String value) {
            this(line, value, Map.of());
        }

        /** {@code entry_name=Biology 101, cue_point_id=1_abc, session_start_time=2025-04-21T10:00:00Z: 0.12 (line 27)}. */
        public String text() {
            StringBuilder b = new StringBuilder();
            identity.forEach((column, shown) -> b.append(b.length() == 0 ? "" : ", ").append(column).append('=')
                    .append(shown));
            return b.append(b.length() == 0 ? "" : ": ").append(value).append(" (line ").append(line).append(')')
                    .toString();
        }
    }

    /** The outcome of one rule for one group. */
    public enum Verdict {
        /** The actual value is within the bounds. */
        PASS,
        /** The actual value is outside the bounds (a breach of the rule's severity). */
        FAIL,
        /** There was no value to judge (no rows, or a group whose rows were all filtered out), and the rule's
         * {@link OnEmpty} says so. Reported, never a breach. */
        NO_DATA
    }
}
