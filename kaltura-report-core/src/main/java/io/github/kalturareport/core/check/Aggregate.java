package io.github.kalturareport.core.check;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a rule reduces a column's values to the one number it compares: {@code min}, {@code max}, {@code mean}
 * (arithmetic mean over rows; {@code avg} is another name for it), {@code wmean} (mean weighted by view time), {@code sum}, {@code count} (rows with a value), {@code distinct} (different
 * values), {@code pNN} (nearest-rank percentile) or {@code each} (every row on its own).
 *
 * @param kind       which aggregate
 * @param percentile for {@link Kind#PERCENTILE}, the percentage 0..100 as written (e.g. 95 or 99.9); else null
 */
public record Aggregate(Kind kind, BigDecimal percentile) {

    /** The aggregates. */
    public enum Kind {
        MIN, MAX, MEAN, WMEAN, SUM, COUNT, DISTINCT, PERCENTILE, EACH;

        /** Whether the aggregate reads the values as numbers (count and distinct work on any column). */
        public boolean numeric() {
            return this != COUNT && this != DISTINCT;
        }
    }

    /** The names a user may write, for error messages. */
    static final String CHOICES = "min, max, mean, wmean, sum, count, distinct, each or a percentile such as p95";

    /** The names an aggregate may be written as (besides pNN), for "did you mean" hints. */
    static final java.util.List<String> NAMES = java.util.List.of("min", "max", "mean", "avg", "wmean", "sum", "count",
            "distinct", "each");

    public Aggregate {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.PERCENTILE) != (percentile != null)) {
            throw new IllegalArgumentException("a percentile, and only a percentile, has a percentage");
        }
    }

    /** Parses {@code min}, {@code MEAN}, {@code p95}, {@code p99.9} …; empty when the text is none of them. */
    static Optional<Aggregate> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("p\\d{1,3}(\\.\\d+)?")) {
            BigDecimal p = new BigDecimal(t.substring(1));
            if (p.compareTo(BigDecimal.ZERO) < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                return Optional.empty();
            }
            return Optional.of(new Aggregate(Kind.PERCENTILE, p));
        }
        if (t.equals("avg")) {
            return Optional.of(new Aggregate(Kind.MEAN, null)); // an alias: the rule reads back as mean
        }
        for (Kind kind : Kind.values()) {
            if (kind != Kind.PERCENTILE && kind.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(new Aggregate(kind, null));
            }
        }
        return Optional.empty();
    }

    /**
     * The column that weighs each row of a {@code wmean}: the report's view time ({@code viewTime}, attendees'
     * {@code meeting_view_time}); empty for a report without one (rooms and breakouts have no per-row view time,
     * and a custom report's columns are unknown).
     */
    static Optional<String> weightColumn(io.github.kalturareport.core.report.ReportDefinition report) {
        return report.isCustom() ? Optional.empty()
                : Optional.ofNullable(report.aliases().get(io.github.kalturareport.core.report.ReportDefinition
                        .ALIAS_VIEW_TIME));
    }

    /** {@code mean}, {@code p95} … as a rule writes it. */
    public String text() {
        return kind == Kind.PERCENTILE ? "p" + percentile.toPlainString() : kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text();
    }
}
