package io.github.kalturareport.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A reused byte buffer a report is written into, handed to the output in large chunks. A million-row report went
 * through a Writer, a StringBuilder per row and a charset encoder per write; here values are already bytes
 * ({@link #field(String)} encodes a text once so it can be reused) and numbers are written digit by digit, so a row
 * costs a few array copies.
 */
final class CsvBuffer {
    /** Room for the longest number ({@code -9223372036854775808}) and the punctuation around it. */
    private static final int NUMBER_ROOM = 24;
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buf;
    private int len;

    CsvBuffer(OutputStream out, int capacity) {
        this.out = out;
        this.buf = new byte[Math.max(capacity, 2 * NUMBER_ROOM)];
    }

    /**
     * A text value as the server writes it in a CSV field, in UTF-8: commas become spaces, and a value holding a
     * double quote is quoted with its quotes doubled.
     */
    static byte[] field(String raw) {
        String value = raw.replace(',', ' ');
        if (value.indexOf('"') >= 0) {
            value = '"' + value.replace("\"", "\"\"") + '"';
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Appends bytes already in their final form (see {@link #field(String)}). */
    void bytes(byte[] b) throws IOException {
        if (b.length > buf.length - len) {
            flush();
            if (b.length > buf.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** Appends one ASCII character. */
    void ascii(char c) throws IOException {
        if (len == buf.length) {
            flush();
        }
        buf[len++] = (byte) c;
    }

    /** Appends {@code v} as {@link Long#toString(long)} spells it. */
    void number(long v) throws IOException {
        if (buf.length - len < NUMBER_ROOM) {
            flush();
        }
        if (v == Long.MIN_VALUE) {
            bytes(LONG_MIN); // the one value whose magnitude does not fit a long
            return;
        }
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int end = len + digitCount(v);
        for (int i = end - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len = end;
    }

    private static int digitCount(long v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    /** Ten-thousandths as a fraction: 0, 1, 0.7312, 0.5 (at or below 0 is 0, at or above 10,000 is 1). */
    void ratio(int tenThousandths) throws IOException {
        if (tenThousandths <= 0) {
            ascii('0');
            return;
        }
        if (tenThousandths >= 10_000) {
            ascii('1');
            return;
        }
        int digits = 4;
        int v = tenThousandths;
        while (v % 10 == 0) { // trailing zeros are not written: 5000 is 0.5
            v /= 10;
            digits--;
        }
        if (buf.length - len < NUMBER_ROOM) {
            flush();
        }
        buf[len++] = '0';
        buf[len++] = '.';
        int end = len + digits;
        for (int i = end - 1; i >= len; i--) { // leading zeros are: 72 is 0.0072
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len = end;
    }

    /** Tenths of a minute as minutes, {@code t / 10 + "." + t % 10} unless the tenths are 0: 42, 37.5. */
    void tenths(int tenths) throws IOException {
        number(tenths / 10);
        if (tenths % 10 != 0) {
            ascii('.');
            number(tenths % 10);
        }
    }

    /** Hands what is buffered to the output (without flushing the output itself). */
    void flush() throws IOException {
        if (len > 0) {
            int n = len;
            len = 0;
            out.write(buf, 0, n);
        }
    }
}
