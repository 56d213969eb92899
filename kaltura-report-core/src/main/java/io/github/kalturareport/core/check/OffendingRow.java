package io.github.kalturareport.core.check;

/**
 * A row that an {@code each} rule rejected.
 *
 * @param line  the line it starts on in the CSV file (the header is line 1)
 * @param value the cell as written in the file
 */
public record OffendingRow(long line, String value) {
}
