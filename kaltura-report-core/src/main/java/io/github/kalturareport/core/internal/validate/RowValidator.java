package io.github.kalturareport.core.internal.validate;

import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.report.ColumnType;

/**
 * Checks one row against the column layout: ids present, Unix-second timestamps in a sane range with start before
 * or at end, counts non-negative whole numbers, ratios from 0 to 1, amounts non-negative, and the row as wide as the
 * header.
 */
public final class RowValidator {

    /** 2000-01-01T00:00:00Z: no Kaltura Room session is older. */
    public static final long EARLIEST_TIMESTAMP = 946_684_800L;
    /** 2100-01-01T00:00:00Z. */
    public static final long LATEST_TIMESTAMP = 4_102_444_800L;

    private final ColumnLayout layout;

    public RowValidator(ColumnLayout layout) {
        this.layout = layout;
    }

    /** Adds the row's problems to the log; returns whether it had none. Values are checked as bytes, in place. */
    public boolean check(CsvRow row, long line, ProblemLog log) {
        long before = log.total();
        if (row.size() != layout.size()) {
            log.add(new Problem(line, null, null, "has " + row.size() + " values but the header has "
                    + layout.size() + " columns (a ragged row)"));
            return false;
        }
        for (int i = 0; i < row.size(); i++) {
            ColumnType type = layout.type(i);
            if (type != null) {
                String what = problemOf(type, row, i);
                if (what != null) {
                    log.add(new Problem(line, layout.header().get(i), row.get(i), what));
                }
            }
        }
        int s = layout.startIndex();
        int e = layout.endIndex();
        if (s >= 0 && e >= 0) {
            long start = row.wholeNumber(s, NOT_A_NUMBER);
            long end = row.wholeNumber(e, NOT_A_NUMBER);
            if (start != NOT_A_NUMBER && end != NOT_A_NUMBER && inRange(start) && inRange(end) && start > end) {
                log.add(new Problem(line, layout.header().get(e), row.get(e),
                        "is before the session start time " + row.get(s)));
            }
        }
        return log.total() == before;
    }

    /** Marks a value that is not a whole number; no 18-character value is this small. */
    private static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private static boolean inRange(long seconds) {
        return seconds >= EARLIEST_TIMESTAMP && seconds <= LATEST_TIMESTAMP;
    }

    /** What is wrong with the value at {@code index} for its type, or null when it is fine. */
    static String problemOf(ColumnType type, CsvRow row, int index) {
        switch (type) {
            case ID:
                return row.isBlank(index) ? "is empty; every row needs this id" : null;
            case TEXT:
                return null;
            case TIMESTAMP: {
                long seconds = row.wholeNumber(index, NOT_A_NUMBER);
                if (seconds == NOT_A_NUMBER) {
                    return "is not a Unix time in whole seconds";
                }
                return inRange(seconds) ? null : "is a Unix time outside 2000-01-01..2100-01-01";
            }
            case COUNT: {
                long count = row.wholeNumber(index, NOT_A_NUMBER);
                return count == NOT_A_NUMBER || count < 0 ? "is not a non-negative whole number" : null;
            }
            case RATIO: {
                double d = row.decimal(index);
                return Double.isNaN(d) || d < 0 || d > 1 ? "is not a ratio from 0 to 1" : null;
            }
            case AMOUNT: {
                double d = row.decimal(index);
                return Double.isNaN(d) || d < 0 ? "is not a non-negative number" : null;
            }
            default:
                return null;
        }
    }
}
