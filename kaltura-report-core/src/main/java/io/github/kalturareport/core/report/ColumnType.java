package io.github.kalturareport.core.report;

/** What a documented column holds, which decides how rows are validated and which rules make sense on it. */
public enum ColumnType {
    /** An identifier that every row must carry (entry, cue point, user). */
    ID(false),
    /** Free text; may be empty. */
    TEXT(false),
    /** Unix seconds. */
    TIMESTAMP(true),
    /** A non-negative whole number. */
    COUNT(true),
    /** A fraction from 0 to 1; thresholds may write it as a percentage. */
    RATIO(true),
    /** A non-negative amount such as a duration or a view time; decimals allowed. */
    AMOUNT(true);

    private final boolean numeric;

    ColumnType(boolean numeric) {
        this.numeric = numeric;
    }

    /** Whether numeric aggregates (min, mean, percentiles …) apply to this column. */
    public boolean isNumeric() {
        return numeric;
    }
}
