package io.github.kalturareport.core.validate;

import io.github.kalturareport.core.report.ColumnType;
import java.util.List;

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

    /** Adds the row's problems to the log; returns whether it had none. */
    public boolean check(List<String> row, long line, ProblemLog log) {
        long before = log.total();
        if (row.size() != layout.size()) {
            log.add(new Problem(line, null, null, "has " + row.size() + " values but the header has "
                    + layout.size() + " columns (a ragged row)"));
            return false;
        }
        for (int i = 0; i < row.size(); i++) {
            ColumnType type = layout.type(i);
            if (type != null) {
                String what = problemOf(type, row.get(i));
                if (what != null) {
                    log.add(new Problem(line, layout.header().get(i), row.get(i), what));
                }
            }
        }
        int s = layout.startIndex();
        int e = layout.endIndex();
        if (s >= 0 && e >= 0 && problemOf(ColumnType.TIMESTAMP, row.get(s)) == null
                && problemOf(ColumnType.TIMESTAMP, row.get(e)) == null) {
            long start = Long.parseLong(row.get(s).trim());
            long end = Long.parseLong(row.get(e).trim());
            if (start > end) {
                log.add(new Problem(line, layout.header().get(e), row.get(e),
                        "is before the session start time " + row.get(s)));
            }
        }
        return log.total() == before;
    }

    /** What is wrong with a value of a type, or null when it is fine. */
    static String problemOf(ColumnType type, String raw) {
        String v = raw.trim();
        switch (type) {
            case ID:
                return v.isEmpty() ? "is empty; every row needs this id" : null;
            case TEXT:
                return null;
            case TIMESTAMP: {
                Long seconds = parseWhole(v);
                if (seconds == null) {
                    return "is not a Unix time in whole seconds";
                }
                if (seconds < EARLIEST_TIMESTAMP || seconds > LATEST_TIMESTAMP) {
                    return "is a Unix time outside 2000-01-01..2100-01-01";
                }
                return null;
            }
            case COUNT: {
                Long count = parseWhole(v);
                return count == null || count < 0 ? "is not a non-negative whole number" : null;
            }
            case RATIO: {
                Double d = parseDecimal(v);
                return d == null || d < 0 || d > 1 ? "is not a ratio from 0 to 1" : null;
            }
            case AMOUNT: {
                Double d = parseDecimal(v);
                return d == null || d < 0 ? "is not a non-negative number" : null;
            }
            default:
                return null;
        }
    }

    static Long parseWhole(String v) {
        if (v.isEmpty() || v.length() > 18) {
            return null;
        }
        int i = v.charAt(0) == '-' ? 1 : 0;
        if (i == v.length()) {
            return null;
        }
        for (int k = i; k < v.length(); k++) {
            if (v.charAt(k) < '0' || v.charAt(k) > '9') {
                return null;
            }
        }
        return Long.parseLong(v);
    }

    /** A plain decimal such as 12, 0.5, -3.25 or 1e-3 — not NaN, Infinity, hex or Java suffixes. */
    static Double parseDecimal(String v) {
        if (v.isEmpty() || v.length() > 40) {
            return null;
        }
        int i = 0;
        if (v.charAt(i) == '-' || v.charAt(i) == '+') {
            i++;
        }
        int digits = 0;
        while (i < v.length() && isAsciiDigit(v.charAt(i))) {
            i++;
            digits++;
        }
        if (i < v.length() && v.charAt(i) == '.') {
            i++;
            while (i < v.length() && isAsciiDigit(v.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < v.length() && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < v.length() && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < v.length() && isAsciiDigit(v.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return null;
            }
        }
        return i == v.length() ? Double.parseDouble(v) : null;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
