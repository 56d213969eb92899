package io.github.kalturareport.core.check;

import io.github.kalturareport.core.report.ReportDefinition;
import java.util.Objects;

/**
 * A parsed, validated threshold rule. Both the structured form ({@link Threshold}) and the one-line form
 * ({@code REPORT:AGG(METRIC) [by COLUMN] [where COLUMN=VALUE] OP NUMBER[%]}) parse to this same object:
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
 * @param source      where it was written, for error messages (not part of equality)
 */
public record Rule(String name, ReportDefinition report, String metric, String column, Aggregate aggregate,
        String groupBy, String whereColumn, String whereValue, Bound lower, Bound upper, Severity severity,
        OnEmpty onEmpty, RuleSource source) {

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
    }

    /**
     * The rule in the one-line form, e.g. {@code attendees:mean(engagement) by entry_id >= 60%}; a rule with both
     * bounds reads {@code >= 40% and <= 90%}; non-default options follow as {@code onEmpty=fail severity=warning}.
     * Parsing this text gives an equal rule (the name aside).
     */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(report.name()).append(':').append(aggregate.text()).append('(').append(metric).append(')');
        if (groupBy != null) {
            b.append(" by ").append(groupBy);
        }
        if (whereColumn != null) {
            b.append(" where ").append(whereColumn).append('=').append(quoteIfNeeded(whereValue));
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
        return name != null ? name : text();
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
                && Objects.equals(upper, r.upper) && severity == r.severity && onEmpty == r.onEmpty;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, report, metric, column, aggregate, groupBy, whereColumn, whereValue, lower, upper,
                severity, onEmpty);
    }

    @Override
    public String toString() {
        return label();
    }
}
