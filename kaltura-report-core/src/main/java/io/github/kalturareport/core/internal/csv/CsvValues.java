package io.github.kalturareport.core.internal.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV rows the way they are saved: values exactly as received, separated by commas, rows ended by LF. A value
 * is quoted only when it must be for the row to read back the same: when it holds a comma, a double quote, a CR or
 * an LF (a quote inside is doubled). Every other value is written bare, so a row the server sent unquoted is saved
 * byte for byte as it came.
 */
public final class CsvValues {

    private CsvValues() {
    }

    /**
     * Writes one row and its LF in UTF-8, built first in {@code scratch} (cleared here) so that the stream gets one
     * call per row; returns the number of LFs written (1 plus any inside quoted values).
     */
    public static int writeRow(OutputStream out, List<String> values, StringBuilder scratch) throws IOException {
        int lineFeeds = build(values, scratch);
        out.write(scratch.toString().getBytes(StandardCharsets.UTF_8));
        return lineFeeds;
    }

    /** One row and its LF, as {@link #writeRow} writes it. */
    public static String line(List<String> values) {
        StringBuilder row = new StringBuilder(256);
        build(values, row);
        return row.toString();
    }

    /** Builds one row and its LF in {@code scratch} (cleared first); returns its LFs. */
    private static int build(List<String> values, StringBuilder scratch) {
        scratch.setLength(0);
        int lineFeeds = 1;
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                scratch.append(',');
            }
            lineFeeds += append(scratch, values.get(i));
        }
        scratch.append('\n');
        return lineFeeds;
    }

    /** Appends one value, quoted if needed; returns the number of LFs inside it. */
    private static int append(StringBuilder out, String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return appendQuoted(out, value);
            }
        }
        out.append(value);
        return 0;
    }

    private static int appendQuoted(StringBuilder out, String value) {
        int lineFeeds = 0;
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            } else if (c == '\n') {
                lineFeeds++;
            }
            out.append(c);
        }
        out.append('"');
        return lineFeeds;
    }
}
