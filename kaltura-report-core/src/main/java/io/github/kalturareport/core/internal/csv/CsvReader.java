package io.github.kalturareport.core.internal.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads CSV records from UTF-8 bytes, one at a time, in the dialect Commons CSV's {@code CSVFormat.DEFAULT} reads
 * with empty lines ignored: comma-separated, values optionally in double quotes (a doubled quote inside stands for
 * one; spaces after a closing quote are skipped), records ended by LF, CR or CRLF, a leading byte order mark
 * dropped. Bytes that are not UTF-8 are refused, never replaced.
 *
 * <p>Why not Commons CSV itself: it decodes every character and copies every value into a {@code String}, which
 * made parsing two-thirds of the time of every pass over a report (measured in {@code docs/benchmarks.md}). This
 * reader leaves values as bytes in its buffer until someone asks for one, so a pass can check digits in place and
 * copy a row to the saved file as it came. Commons CSV remains the reference: the tests compare this reader with it
 * on random input.
 *
 * <p>Memory is one buffer that holds at least the current record (records longer than {@value #MAX_RECORD_BYTES}
 * bytes are refused). The {@link CsvRow} returned is reused: it is valid until the next call to {@link #next()}.
 */
public final class CsvReader implements Closeable {

    /** The longest record accepted; a Kaltura report row is a few hundred bytes. */
    public static final int MAX_RECORD_BYTES = 8 << 20;

    private static final int INITIAL_BUFFER = 1 << 17;
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte LF = '\n';
    private static final byte CR = '\r';
    /** Bytes that end an unquoted value or start a quoted one. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        SPECIAL[COMMA] = true;
        SPECIAL[LF] = true;
        SPECIAL[CR] = true;
        SPECIAL[QUOTE] = true;
    }

    private final InputStream in;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private long bytesRead;
    private int bomLength;
    private int lastByte = -1;
    /** Line ends consumed so far, counted as Commons CSV counts them (CRLF is one). */
    private long lineEnds;
    private final CsvRow row = new CsvRow();

    public CsvReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next record, or null at the end of the input. The row is reused by the next call.
     *
     * @throws CsvFormatException when the input is not well-formed CSV in UTF-8
     * @throws IOException        when reading fails
     */
    public CsvRow next() throws IOException {
        if (!started) {
            start();
        }
        for (;;) {
            if (skipEmptyLines()) {
                int end = lex();
                if (end >= 0) {
                    pos = end;
                    return row;
                }
                if (end == END_OF_INPUT) {
                    return null;
                }
            }
            // NEED_MORE: the record runs past the buffered bytes; read more and lex it again from its start.
            if (eof) {
                throw new IllegalStateException("lexer asked for more input after the end");
            }
            fill();
        }
    }

    /** Whether anything but a byte order mark was read. */
    public boolean hadContent() {
        return bytesRead > bomLength;
    }

    /** Whether the input read so far ends with a line feed, as every complete report does. */
    public boolean endsWithLineFeed() {
        return lastByte == LF;
    }

    /** Line ends consumed so far (after {@link #next()} returned null: the lines of the whole input). */
    public long lineNumber() {
        return lineEnds;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void start() throws IOException {
        started = true;
        while (limit < 3 && !eof) {
            fill();
        }
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
            bomLength = 3;
        }
    }

    /** Reads more bytes after the ones held, keeping the current record (from {@code pos}) in the buffer. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_RECORD_BYTES) {
                throw new CsvFormatException("a record longer than " + (MAX_RECORD_BYTES >> 20) + " MiB starts on"
                        + " line " + (lineEnds + 1) + "; no report row is that long", lineEnds + 1, false);
            }
            buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_RECORD_BYTES));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else if (n > 0) {
            limit += n;
            bytesRead += n;
            lastByte = buf[limit - 1] & 0xFF;
        }
    }

    private static final int NEED_MORE = -1;
    private static final int END_OF_INPUT = -2;

    /**
     * Skips line ends at the start of a record (empty lines). Returns false when more input is needed to decide.
     */
    private boolean skipEmptyLines() {
        while (pos < limit) {
            byte c = buf[pos];
            if (c == LF) {
                pos++;
                lineEnds++;
            } else if (c == CR) {
                if (pos + 1 == limit && !eof) {
                    return false;
                }
                pos += pos + 1 < limit && buf[pos + 1] == LF ? 2 : 1;
                lineEnds++;
            } else {
                return true;
            }
        }
        return eof;
    }

    /**
     * Lexes the record starting at {@code pos} into {@link #row}: returns the index just after it (its line end
     * consumed), {@link #NEED_MORE} when the buffer ends inside it before the end of the input, or
     * {@link #END_OF_INPUT} when there is no record left.
     */
    private int lex() throws CsvFormatException {
        final byte[] b = buf;
        final int lim = limit;
        int i = pos;
        if (i == lim) {
            return END_OF_INPUT; // skipEmptyLines only lets this through at the end of the input
        }
        row.reset(b, lineEnds + 1, pos);
        int high = 0;
        int insideLineEnds = 0;
        boolean canonical = true;
        for (;;) {
            // One value, starting at i.
            if (i < lim && b[i] == QUOTE) {
                int contentStart = i + 1;
                int j = contentStart;
                boolean doubled = false;
                boolean needsQuotes = false;
                int contentEnd;
                for (;;) {
                    if (j == lim) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        throw new CsvFormatException("the input ended inside a quoted value that starts on line "
                                + row.line(), row.line(), true);
                    }
                    byte c = b[j];
                    if (c == QUOTE) {
                        if (j + 1 == lim && !eof) {
                            return NEED_MORE;
                        }
                        if (j + 1 < lim && b[j + 1] == QUOTE) {
                            doubled = true;
                            needsQuotes = true;
                            j += 2;
                            continue;
                        }
                        contentEnd = j;
                        j++;
                        break;
                    }
                    high |= c;
                    if (c == COMMA) {
                        needsQuotes = true;
                    } else if (c == LF) {
                        needsQuotes = true;
                        insideLineEnds++;
                    } else if (c == CR) {
                        needsQuotes = true;
                        canonical = false; // saved rows end lines with LF only, as CsvValues writes them
                        if (j + 1 == lim && !eof) {
                            return NEED_MORE;
                        }
                        if (j + 1 >= lim || b[j + 1] != LF) {
                            insideLineEnds++;
                        }
                    }
                    j++;
                }
                if (!needsQuotes) {
                    canonical = false; // quoted without need: saved bare
                }
                if (doubled) {
                    row.addUnquoted(contentStart, contentEnd);
                } else {
                    row.add(contentStart, contentEnd);
                }
                // After the closing quote: spaces are skipped up to the delimiter or line end, as Commons CSV does.
                for (;;) {
                    if (j == lim) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        return finish(j, high, insideLineEnds, false, canonical);
                    }
                    byte c = b[j];
                    if (c == COMMA) {
                        i = j + 1;
                        break;
                    }
                    if (c == LF) {
                        return finish(j + 1, high, insideLineEnds, true, canonical);
                    }
                    if (c == CR) {
                        if (j + 1 == lim && !eof) {
                            return NEED_MORE;
                        }
                        int end = j + 1 < lim && b[j + 1] == LF ? j + 2 : j + 1;
                        return finish(end, high, insideLineEnds, true, false);
                    }
                    if (isSpace(c)) {
                        canonical = false;
                        j++;
                        continue;
                    }
                    throw new CsvFormatException("line " + (row.line() + insideLineEnds) + ": '" + printable(c)
                            + "' follows the closing quote of value " + row.size() + "; a quoted value must be"
                            + " followed by a comma or the end of the line", row.line() + insideLineEnds, false);
                }
                continue;
            }
            // An unquoted value: up to the next comma or line end. A quote inside it is an ordinary character.
            int start = i;
            while (i < lim) {
                byte c = b[i];
                if (SPECIAL[c & 0xFF]) {
                    if (c != QUOTE) {
                        break;
                    }
                    canonical = false; // CsvValues would quote a value holding a quote
                }
                high |= c;
                i++;
            }
            if (i == lim) {
                if (!eof) {
                    return NEED_MORE;
                }
                row.add(start, i);
                return finish(i, high, insideLineEnds, false, canonical);
            }
            row.add(start, i);
            byte c = b[i];
            if (c == COMMA) {
                i++; // the next value starts after it, even at the end of the input (then it is empty)
                continue;
            }
            if (c == LF) {
                return finish(i + 1, high, insideLineEnds, true, canonical);
            }
            // CR
            if (i + 1 == lim && !eof) {
                return NEED_MORE;
            }
            int end = i + 1 < lim && b[i + 1] == LF ? i + 2 : i + 1;
            return finish(end, high, insideLineEnds, true, false);
        }
    }

    /** Completes the row ending (line end included) just before {@code end}. */
    private int finish(int end, int high, int insideLineEnds, boolean lineEnded, boolean canonical)
            throws CsvFormatException {
        if (high < 0) {
            int bad = Utf8.firstMalformed(buf, row.rawStart(), end);
            if (bad >= 0) {
                long line = row.line() + Utf8.lineEndsBefore(buf, row.rawStart(), bad);
                throw new CsvFormatException("line " + line + " is not UTF-8 text (byte 0x"
                        + Integer.toHexString(buf[bad] & 0xFF).toUpperCase(java.util.Locale.ROOT) + " at byte "
                        + (bad - row.rawStart() + 1) + " of the row)", line, !lineEnded && end == limit && eof);
            }
        }
        lineEnds += insideLineEnds + (lineEnded ? 1 : 0);
        row.complete(end, insideLineEnds + (lineEnded ? 1 : 0), lineEnded && canonical);
        return end;
    }

    /** The spaces Commons CSV skips after a closing quote ({@code Character.isWhitespace}, ASCII part). */
    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1F);
    }

    private static String printable(byte c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c & 0xFF);
    }
}
