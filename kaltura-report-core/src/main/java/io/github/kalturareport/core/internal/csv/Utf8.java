package io.github.kalturareport.core.internal.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks bytes for well-formed UTF-8 as the JDK's strict decoder does (Unicode table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF, no cut sequences), without decoding them.
 */
final class Utf8 {

    /** Reads eight bytes at once, to skip ASCII runs a word at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** The index of the first byte that starts a malformed sequence in {@code [from, to)}, or -1. */
    static int firstMalformed(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                continue;
            }
            int length;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                length = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                length = 3;
                if (c == 0xE0) {
                    min2 = 0xA0; // no overlong forms
                } else if (c == 0xED) {
                    max2 = 0x9F; // no surrogates
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                length = 4;
                if (c == 0xF0) {
                    min2 = 0x90;
                } else if (c == 0xF4) {
                    max2 = 0x8F; // nothing above U+10FFFF
                }
            } else {
                return i;
            }
            if (i + length > to) {
                return i;
            }
            int second = b[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = b[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /** The line ends (LF, CR, CRLF as one) in {@code [from, to)}. */
    static int lineEndsBefore(byte[] b, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\r' || (b[i] == '\n' && (i == from || b[i - 1] != '\r'))) {
                count++;
            }
        }
        return count;
    }
}
