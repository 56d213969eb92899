package io.github.kalturareport.core.internal.validate;

/**
 * One validation problem in a window of a report, before the window's place in the saved file is known.
 *
 * @param line   the line within the window's rows, 1 = its first row (a row's first line if a value spans lines)
 * @param column the column's name, or null for a problem of the whole row
 * @param value  the offending value, or null
 * @param what   what is wrong, e.g. "is not a ratio from 0 to 1"
 */
public record Problem(long line, String column, String value, String what) {

    private static final int MAX_VALUE_LENGTH = 80;

    /** The user-facing text: file, line in the saved file, column, value and what is wrong. */
    public String describe(String file, long lineInFile) {
        StringBuilder s = new StringBuilder(file).append(" line ").append(lineInFile);
        if (column != null) {
            s.append(", column ").append(column);
        }
        s.append(": ");
        if (value != null) {
            String shown = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "…" : value;
            s.append("value '").append(shown).append("' ");
        }
        return s.append(what).toString();
    }
}
