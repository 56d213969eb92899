package io.github.kalturareport.core.check;

import io.github.kalturareport.core.RuleException;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.internal.privacy.Shareable;
import io.github.kalturareport.core.report.ColumnDefinition.Personal;
import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ReportDefinition;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, validated threshold rule. Both the structured form ({@link Threshold}) and the one-line form
 * ({@code REPORT:AGG(METRIC) [by COLUMN] [where COLUMN=VALUE] [when count >= N] [vs previous] OP NUMBER[%]}) parse to this same object:
 * two rules that mean the same are {@link #equals equal} whatever form they were written in.
 *
 * @param name        the user's name for it, or null
 * @param report      the report whose CSV it reads
 * @param metric      the metric as written (a column or an alias such as {@code engagement})
 * @param column      the column the metric resolves to in this report
 * @param aggregate   how the values are reduced
 * @param groupBy     the column whose values split the rows into groups (one verdict each), or null
 * @param whereColumn the column of the {@code where} filter, or null
 * @param whereValue  the value a row's {@code whereColumn} must equal to count, or null
 * @param lower       the lower bound, or null
 * @param upper       the upper bound, or null (at least one of the two is set)
 * @param severity    what a breach means
 * @param onEmpty     what no data means
 * @param minRows     the fewest rows with a value a verdict needs ({@code when count >= N}); a group or report
 *                    with fewer (but some) gives {@link RuleResult.Verdict#NO_DATA}; 0 for no guard
 * @param vsPrevious  whether the bounds judge the change since the previous run ({@code vs previous},
 *                    {@code <compareTo>previous</compareTo>}): current − previous in the metric's units; without
 *                    a previous value the verdict is {@link RuleResult.Verdict#NO_DATA}
 * @param source      where it was written, for error messages (not part of equality)
 */
public record Rule(String name, ReportDefinition report, String metric, String column, Aggregate aggregate,
        String groupBy, String whereColumn, String whereValue, Bound lower, Bound upper, Severity severity,
        OnEmpty onEmpty, int minRows, boolean vsPrevious, Source source) {

    public Rule {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(onEmpty, "onEmpty");
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("a rule needs a lower or an upper bound");
        }
        if (minRows < 0) {
            throw new IllegalArgumentException("minRows must not be negative");
        }
    }

    /**
     * The rule in the one-line form, e.g. {@code attendees:mean(engagement) by entry_id >= 60%}; a rule with both
     * bounds reads {@code >= 40% and <= 90%}; non-default options follow as {@code onEmpty=fail severity=warning}.
     * Parsing this text gives an equal rule (the name aside), unless its where value is personal: it is shown as
     * {@link #shownWhereValue()} shows it, since this text travels in every output.
     */
    public String text() {
        StringBuilder b = measured(metric);
        if (vsPrevious) {
            b.append(" vs previous");
        }
        b.append(' ').append(expected());
        if (onEmpty != OnEmpty.NODATA) {
            b.append(" onEmpty=").append(onEmpty.text());
        }
        if (severity != Severity.ERROR) {
            b.append(" severity=").append(severity.text());
        }
        return b.toString();
    }

    /**
     * What the rule measures, without its bound or {@code vs previous}: report, aggregate, column (an alias resolved),
     * grouping, filter and guard, e.g. {@code attendees:mean(meeting_engaged_play_time_ratio) by entry_id when count
     * >= 5}. A plain rule and a {@code vs previous} rule on the same quantity share their history under it. The
     * where value is shown as {@link #shownWhereValue()}, since the key travels in summary.json.
     */
    public String quantityKey() {
        return measured(column).toString();
    }

    /** Report, aggregate of the given metric or column, grouping, filter and guard: the start of both texts. */
    private StringBuilder measured(String measure) {
        StringBuilder b = new StringBuilder();
        b.append(report.name()).append(':').append(aggregate.text()).append('(').append(measure).append(')');
        if (groupBy != null) {
            b.append(" by ").append(groupBy);
        }
        if (whereColumn != null) {
            b.append(" where ").append(whereColumn).append('=').append(quoteIfNeeded(shownWhereValue()));
        }
        if (minRows > 0) {
            b.append(" when count >= ").append(minRows);
        }
        return b;
    }

    /**
     * The where value as what travels may show it: masked when e-mail shaped, hidden for a name column
     * ({@code io.github.kalturareport.core.internal.privacy.Shareable}); null when there is no where.
     */
    public String shownWhereValue() {
        if (whereValue == null) {
            return null;
        }
        Personal kind = report.column(whereColumn).map(ColumnDefinition::personal).orElse(Personal.NONE);
        return Shareable.value(kind, whereValue);
    }

    /** The bounds as a comparison: {@code >= 60%}, {@code < 10}, {@code == 5}, {@code >= 40% and <= 90%}. */
    public String expected() {
        if (lower != null && upper != null && lower.inclusive() && upper.inclusive()
                && lower.number().compareTo(upper.number()) == 0 && lower.percent() == upper.percent()) {
            return "== " + lower.text();
        }
        StringBuilder b = new StringBuilder();
        if (lower != null) {
            b.append(lower.inclusive() ? ">= " : "> ").append(lower.text());
        }
        if (upper != null) {
            if (lower != null) {
                b.append(" and ");
            }
            b.append(upper.inclusive() ? "<= " : "< ").append(upper.text());
        }
        return b.toString();
    }

    /** The name when given, else {@link #text()}: how tables and test reports call the rule. */
    public String label() {
        return name != null ? Shareable.maskEmails(name) : text();
    }

    /** Whether a value satisfies the bounds (inclusive bounds allow the bound itself). */
    public boolean accepts(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (lower != null && (lower.inclusive() ? value < lower.value() : value <= lower.value())) {
            return false;
        }
        return upper == null || (upper.inclusive() ? value <= upper.value() : value < upper.value());
    }

    /** Whether actual values are shown as percentages (a bound was written with {@code %}). */
    public boolean percent() {
        return (lower != null && lower.percent()) || (upper != null && upper.percent());
    }

    private static String quoteIfNeeded(String value) {
        return value.isEmpty() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == ';')
                ? '"' + value.replace("\"", "\\\"") + '"' : value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rule r && Objects.equals(name, r.name) && report.equals(r.report)
                && metric.equals(r.metric) && column.equals(r.column) && aggregate.equals(r.aggregate)
                && Objects.equals(groupBy, r.groupBy) && Objects.equals(whereColumn, r.whereColumn)
                && Objects.equals(whereValue, r.whereValue) && Objects.equals(lower, r.lower)
                && Objects.equals(upper, r.upper) && severity == r.severity && onEmpty == r.onEmpty
                && minRows == r.minRows && vsPrevious == r.vsPrevious;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, report, metric, column, aggregate, groupBy, whereColumn, whereValue, lower, upper,
                severity, onEmpty, minRows, vsPrevious);
    }

    @Override
    public String toString() {
        return label();
    }

    /**
     * One side of a rule's range.
     *
     * @param number    the number as written ({@code 60} for {@code 60%})
     * @param percent   whether it was written with {@code %}: it then means {@code number / 100}
     * @param inclusive whether the bound itself is allowed ({@code >=}, {@code <=}, {@code <minimum>},
     *                  {@code <maximum>})
     */
    public record Bound(BigDecimal number, boolean percent, boolean inclusive) {

        public Bound {
            Objects.requireNonNull(number, "number");
        }

        /** The value compared with the actual one: a percentage compares as a fraction, {@code 60%} as 0.6. */
        public double value() {
            return percent ? number.movePointLeft(2).doubleValue() : number.doubleValue();
        }

        /** {@code 60%} or {@code 0.6}, as written. */
        public String text() {
            return number.toPlainString() + (percent ? "%" : "");
        }
    }

    /**
     * Where a rule was written, so a problem found later (a column missing from a custom report's header) can still
     * point a caret at the user's text.
     *
     * @param parameter {@code rules} or {@code thresholds}
     * @param intro     how messages about it begin, e.g. {@code Bad rule in 'rules'}
     * @param text      the rule's text (for the structured form, its elements on one line)
     * @param spans     part name ({@code report}, {@code metric}, {@code groupBy}, {@code where} …) to
     *                  {start, length}
     */
    public record Source(String parameter, String intro, String text, Map<String, int[]> spans) {

        /** A {@link RuleException} whose caret underlines the given part (or the whole text when unknown). */
        public RuleException error(String part, String problem) {
            int[] span = spans.get(part);
            String message = intro + ": " + problem;
            return span == null ? new RuleException(parameter, message, text, text.length(), 1)
                    : new RuleException(parameter, message, text, span[0], span[1]);
        }
    }

    /**
     * What a rule concludes when it has no value to judge: the report has no rows, no row matches its {@code where},
     * or a group's rows were all filtered out or had an empty cell. Written {@code onEmpty} in both rule forms.
     */
    public enum OnEmpty {
        /** The default: the rule is reported as {@link Verdict#NO_DATA} (a skipped test case), never a breach. */
        NODATA,
        /** No data is a breach of the rule's severity ({@link Verdict#FAIL}). */
        FAIL,
        /** No data is acceptable ({@link Verdict#PASS}). */
        PASS;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<OnEmpty> parse(String text) {
            for (OnEmpty value : values()) {
                if (value.text().equalsIgnoreCase(text.trim())) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * What a breached rule means: {@code error} fails the build (when the caller halts on failure), {@code warning}
     * never does.
     */
    public enum Severity {
        ERROR,
        WARNING;

        /** {@code error} or {@code warning}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
