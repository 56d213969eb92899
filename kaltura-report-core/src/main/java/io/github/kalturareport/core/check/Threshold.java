package io.github.kalturareport.core.check;

/**
 * A rule in its structured form, as the user wrote it: every part is the text given, or null when absent.
 * {@link CheckSettings.Builder#build()} parses and validates it into a {@link Rule} (see
 * {@link RuleParser#fromThreshold}); nothing is checked here.
 *
 * @param report    {@code rooms}, {@code attendees}, {@code breakouts} or a custom report id such as {@code 7001}
 * @param metric    a column or an alias such as {@code engagement}
 * @param aggregate {@code min}, {@code max}, {@code mean}, {@code sum}, {@code count}, {@code distinct},
 *                  {@code pNN} or {@code each}
 * @param groupBy   a column whose values split the rows into groups, or null
 * @param where     {@code COLUMN=VALUE}, or null
 * @param minimum   the inclusive lower bound, e.g. {@code 60%} or {@code 0.6}, or null
 * @param maximum   the inclusive upper bound, or null
 * @param severity  {@code error} (the default) or {@code warning}, or null
 * @param onEmpty   {@code nodata} (the default), {@code pass} or {@code fail}, or null
 * @param name      the user's name for the rule, or null
 * @param minRows   the fewest rows with a value a verdict needs (fewer give no data), e.g. {@code 5}, or null
 * @param compareTo {@code previous}: the bounds judge the change since the previous run; or null
 */
public record Threshold(String report, String metric, String aggregate, String groupBy, String where,
        String minimum, String maximum, String severity, String onEmpty, String name, String minRows,
        String compareTo) {

    /** A threshold compared with its bounds only. */
    public Threshold(String report, String metric, String aggregate, String groupBy, String where, String minimum,
            String maximum, String severity, String onEmpty, String name, String minRows) {
        this(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name, minRows, null);
    }

    /** A threshold without a minimum-sample guard. */
    public Threshold(String report, String metric, String aggregate, String groupBy, String where, String minimum,
            String maximum, String severity, String onEmpty, String name) {
        this(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name, null);
    }

    /** A threshold of the five parts most rules need (either bound may be null). */
    public static Threshold of(String report, String metric, String aggregate, String minimum, String maximum) {
        return new Threshold(report, metric, aggregate, null, null, minimum, maximum, null, null, null);
    }

    public Threshold withGroupBy(String groupBy) {
        return new Threshold(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name,
                minRows, compareTo);
    }

    public Threshold withWhere(String where) {
        return new Threshold(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name,
                minRows, compareTo);
    }

    public Threshold withSeverity(String severity) {
        return new Threshold(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name,
                minRows, compareTo);
    }

    public Threshold withOnEmpty(String onEmpty) {
        return new Threshold(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name,
                minRows, compareTo);
    }

    public Threshold withName(String name) {
        return new Threshold(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name,
                minRows, compareTo);
    }

    public Threshold withMinRows(String minRows) {
        return new Threshold(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name,
                minRows, compareTo);
    }

    public Threshold withCompareTo(String compareTo) {
        return new Threshold(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name,
                minRows, compareTo);
    }
}
