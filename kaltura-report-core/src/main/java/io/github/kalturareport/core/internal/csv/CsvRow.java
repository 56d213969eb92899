package io.github.kalturareport.core.internal.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One CSV record as {@link CsvReader} read it: its values stay UTF-8 bytes in the reader's buffer (a quoted value
 * with doubled quotes is copied once, unescaped) until one is asked for, as text or as a number read in place.
 * Reused by the reader: valid until its next record.
 */
public final class CsvRow {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    };
    /** Below 2^53, so a value of at most this many digits is exact in a long and in a double. */
    private static final int EXACT_DIGITS = 15;

    private byte[] bytes;
    private byte[] unescaped = new byte[256];
    private int unescapedLength;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] inUnescaped = new boolean[16];
    private int size;
    private long line;
    private int rawStart;
    private int rawEnd;
    private int lineFeeds;
    private boolean canonical;

    CsvRow() {
    }

    void reset(byte[] buffer, long startLine, int start) {
        bytes = buffer;
        line = startLine;
        rawStart = start;
        size = 0;
        unescapedLength = 0;
    }

    /** A value held as is in the buffer. */
    void add(int start, int end) {
        ensureCapacity();
        starts[size] = start;
        ends[size] = end;
        inUnescaped[size] = false;
        size++;
    }

    /** A quoted value with doubled quotes: copied with each pair made one quote. */
    void addUnquoted(int start, int end) {
        ensureCapacity();
        if (unescaped.length - unescapedLength < end - start) {
            unescaped = Arrays.copyOf(unescaped, Math.max(unescaped.length * 2, unescapedLength + end - start));
        }
        int from = unescapedLength;
        for (int i = start; i < end; i++) {
            byte c = bytes[i];
            unescaped[unescapedLength++] = c;
            if (c == '"') {
                i++; // the second of the pair
            }
        }
        starts[size] = from;
        ends[size] = unescapedLength;
        inUnescaped[size] = true;
        size++;
    }

    void complete(int end, int lineFeedCount, boolean savedAsIs) {
        rawEnd = end;
        lineFeeds = lineFeedCount;
        canonical = savedAsIs;
    }

    int rawStart() {
        return rawStart;
    }

    private void ensureCapacity() {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            inUnescaped = Arrays.copyOf(inUnescaped, size * 2);
        }
    }

    /** The number of values. */
    public int size() {
        return size;
    }

    /** The line the record starts on (the first line of the input is 1). */
    public long line() {
        return line;
    }

    /** The line ends the record spans, its own included (more than 1 when a quoted value holds line breaks). */
    public int lineEnds() {
        return lineFeeds;
    }

    /** A value as text, exactly as received (unquoted). */
    public String get(int index) {
        byte[] source = source(index);
        return new String(source, starts[index], ends[index] - starts[index], StandardCharsets.UTF_8);
    }

    /** Every value as text. */
    public List<String> values() {
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(get(i));
        }
        return values;
    }

    /** Whether a value is empty or only characters up to U+0020 ({@code String.trim().isEmpty()}). */
    public boolean isBlank(int index) {
        byte[] b = source(index);
        for (int i = starts[index]; i < ends[index]; i++) {
            if ((b[i] & 0xFF) > ' ') {
                return false;
            }
        }
        return true;
    }

    /** Whether a value is exactly the given text. */
    public boolean valueEquals(int index, byte[] utf8) {
        int length = ends[index] - starts[index];
        return length == utf8.length
                && Arrays.equals(source(index), starts[index], ends[index], utf8, 0, length);
    }

    /**
     * A value, trimmed as {@link String#trim()} trims, as a whole number: an optional minus sign and ASCII digits,
     * at most 18 characters in all. {@code notANumber} when it is not one.
     */
    public long wholeNumber(int index, long notANumber) {
        byte[] b = source(index);
        int from = trimStart(b, index);
        int to = trimEnd(b, index, from);
        int length = to - from;
        if (length == 0 || length > 18) {
            return notANumber;
        }
        boolean negative = b[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to) {
            return notANumber;
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return notANumber;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * A value, trimmed as {@link String#trim()} trims, as a plain decimal number such as {@code 12}, {@code 0.5},
     * {@code -3.25} or {@code 1e-3} (at most 40 characters; no NaN, Infinity, hexadecimal or Java suffixes); NaN
     * when it is not one. The result is the double {@link Double#parseDouble} gives.
     */
    public double decimal(int index) {
        byte[] b = source(index);
        int from = trimStart(b, index);
        int to = trimEnd(b, index, from);
        if (to == from || to - from > 40) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int fraction = 0;
        while (i < to && isDigit(b[i])) {
            if (significant > 0 || b[i] != '0') {
                significant++;
            }
            mantissa = mantissa * 10 + (b[i] - '0');
            digits++;
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && isDigit(b[i])) {
                if (significant > 0 || b[i] != '0') {
                    significant++;
                }
                mantissa = mantissa * 10 + (b[i] - '0');
                digits++;
                fraction++;
                i++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        boolean exponent = false;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            exponent = true;
            i++;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < to && isDigit(b[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
        }
        if (i != to) {
            return Double.NaN;
        }
        if (!exponent && significant <= EXACT_DIGITS && digits <= 18 && fraction < POWERS_OF_TEN.length) {
            // Both operands are exact doubles and division rounds correctly: the same double parseDouble gives.
            double value = mantissa / POWERS_OF_TEN[fraction];
            return negative ? -value : value;
        }
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /**
     * A 64-bit hash of a value trimmed as {@link String#trim()} trims, for counting distinct values: FNV-1a over
     * its bytes, then the SplitMix64 finaliser to spread the bits.
     */
    public long trimmedHash(int index) {
        byte[] b = source(index);
        int from = trimStart(b, index);
        int to = trimEnd(b, index, from);
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= b[i] & 0xFF;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /**
     * Whether the record's bytes are exactly its saved form ({@link CsvValues#writeRow}): ended by one LF, no CR,
     * values quoted exactly when they must be. Then {@link #writeRawTo} saves it with no re-encoding.
     */
    public boolean savedAsReceived() {
        return canonical;
    }

    /** Writes the record's bytes as received, its line end included. */
    public void writeRawTo(OutputStream out) throws IOException {
        out.write(bytes, rawStart, rawEnd - rawStart);
    }

    /** Reads a value's bytes in place (unquoted), without copying them. */
    @FunctionalInterface
    public interface ValueReader<R> {
        R read(byte[] bytes, int offset, int length);
    }

    /** A value's bytes, exactly as received (unquoted), given to {@code reader} in place. */
    public <R> R readValue(int index, ValueReader<R> reader) {
        byte[] b = source(index);
        return reader.read(b, starts[index], ends[index] - starts[index]);
    }

    /**
     * Writes one value in its saved form ({@link CsvValues}): bare, or quoted with inner quotes doubled when it holds
     * a comma, a quote, a CR or an LF. Returns the LFs inside it.
     */
    public int writeValueTo(int index, OutputStream out) throws IOException {
        byte[] b = source(index);
        int start = starts[index];
        int end = ends[index];
        boolean quote = false;
        int lineFeeds = 0;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                quote = true;
                if (c == '\n') {
                    lineFeeds++;
                }
            }
        }
        if (!quote) {
            out.write(b, start, end - start);
            return 0;
        }
        out.write('"');
        int from = start;
        for (int i = start; i < end; i++) {
            if (b[i] == '"') {
                out.write(b, from, i + 1 - from);
                out.write('"');
                from = i + 1;
            }
        }
        out.write(b, from, end - from);
        out.write('"');
        return lineFeeds;
    }

    private byte[] source(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("value " + index + " of a row of " + size);
        }
        return inUnescaped[index] ? unescaped : bytes;
    }

    private int trimStart(byte[] b, int index) {
        int i = starts[index];
        int end = ends[index];
        while (i < end && (b[i] & 0xFF) <= ' ') {
            i++;
        }
        return i;
    }

    private int trimEnd(byte[] b, int index, int from) {
        int i = ends[index];
        while (i > from && (b[i - 1] & 0xFF) <= ' ') {
            i--;
        }
        return i;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return "CsvRow[line " + line + ": " + values() + "]";
    }
}
