package io.github.kalturareport.core.internal.window;

import io.github.kalturareport.core.internal.csv.CsvFormatException;
import io.github.kalturareport.core.internal.csv.CsvReader;
import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.internal.csv.CsvValues;
import io.github.kalturareport.core.internal.privacy.ColumnPolicy;
import io.github.kalturareport.core.internal.privacy.Pseudonymizer;
import io.github.kalturareport.core.internal.validate.ColumnLayout;
import io.github.kalturareport.core.internal.validate.ProblemLog;
import io.github.kalturareport.core.internal.validate.RowValidator;
import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ColumnType;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One pass over one window's CSV body: reads it (optional quoting), validates every row and writes the saved header
 * and rows to a part file, computing its SHA-256 on the way. A row the server sent in the saved form is copied as
 * bytes, never decoded. Nothing of the body is held in memory beyond the current row.
 */
public final class WindowProcessor {

    /** How often, in rows, a download in progress reports its count. */
    public static final int PROGRESS_EVERY_ROWS = 10_000;

    private final ReportDefinition report;
    private final List<String> expectedCustomColumns;
    private final boolean descriptive;
    private final ZoneId zone;
    private final ColumnPolicy personal;

    /**
     * @param descriptive write timestamps of TIMESTAMP columns as ISO-8601 date-times in {@code zone}
     */
    public WindowProcessor(ReportDefinition report, List<String> expectedCustomColumns, boolean descriptive,
            ZoneId zone) {
        this(report, expectedCustomColumns, descriptive, zone, ColumnPolicy.KEEP);
    }

    /**
     * @param personal the columns that must not arrive and those to pseudonymise while streaming
     */
    public WindowProcessor(ReportDefinition report, List<String> expectedCustomColumns, boolean descriptive,
            ZoneId zone, ColumnPolicy personal) {
        this.report = report;
        this.expectedCustomColumns = expectedCustomColumns;
        this.descriptive = descriptive;
        this.zone = zone;
        this.personal = personal;
    }

    /**
     * What one window gave. The part file starts with the saved header line ({@code savedHeader}, {@code headerBytes}
     * long; none when the body was empty), then the saved rows ({@code lines} line feeds); {@code sha256} is the digest of the whole part,
     * so a report of one window is saved by renaming its part, without reading it again.
     */
    public record Outcome(ColumnLayout layout, long rows, long lines, ProblemLog problems, List<String> savedHeader,
            long headerBytes, byte[] sha256) {
        /** Whether the body had no header at all (only a byte order mark and perhaps a newline). */
        public boolean empty() {
            return layout == null;
        }
    }

    /** The body ended before its last line feed: the download was cut short. */
    public static final class TruncatedBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        public TruncatedBodyException(String message) {
            super(message);
        }
    }

    /** The header holds a column asked to be left out ({@code excludedFields}); no row of it was saved. */
    public static final class UnwantedColumnsException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnwantedColumnsException(String message) {
            super(message);
        }
    }

    /** The body is not well-formed CSV (or not UTF-8) although it arrived whole. */
    public static final class MalformedCsvException extends IOException {
        private static final long serialVersionUID = 1L;

        public MalformedCsvException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads the body into {@code part}, replacing what it held.
     *
     * @throws TruncatedBodyException when the body ends without its final line feed
     * @throws MalformedCsvException  when the body is whole but is not CSV in UTF-8
     * @throws IOException            when reading the body or writing the part fails (network errors among them)
     */
    public Outcome process(InputStream body, Path part) throws IOException {
        return process(body, part, rowsSoFar -> {
        });
    }

    /**
     * As {@link #process(InputStream, Path)}, telling {@code progress} the window's row count every
     * {@value #PROGRESS_EVERY_ROWS} rows, so a long download is not silent until it ends.
     */
    public Outcome process(InputStream body, Path part, LongConsumer progress) throws IOException {
        return process(body, part, progress, null);
    }

    /** As {@link #process(InputStream, Path, LongConsumer)}, also noting each row's session in {@code sample}. */
    public Outcome process(InputStream body, Path part, LongConsumer progress, SessionSample sample)
            throws IOException {
        CsvReader reader = new CsvReader(body);
        MessageDigest sha256 = sha256();
        ProblemLog problems = new ProblemLog();
        ColumnLayout layout = null;
        RowValidator validator = null;
        int[] timestampColumns = new int[0];
        boolean[] pseudonymized = null;
        Pseudonymizer.Hasher hasher = null;
        CsvRow.ValueReader<byte[]> pseudonym = null;
        RowBytes rowBytes = new RowBytes();
        List<String> savedHeader = List.of();
        long headerBytes = 0;
        long rows = 0;
        long lines = 0;
        try (OutputStream out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(part), sha256),
                1 << 16)) {
            StringBuilder scratch = new StringBuilder(256);
            CsvRow row;
            while ((row = reader.next()) != null) {
                if (layout == null) {
                    layout = ColumnLayout.of(report, row.values(), expectedCustomColumns, personal.dropped());
                    if (!layout.unwanted().isEmpty()) {
                        throw new UnwantedColumnsException("the answer has the column(s) "
                                + String.join(", ", layout.unwanted()) + " that were asked to be left out");
                    }
                    pseudonymized = pseudonymized(layout);
                    if (pseudonymized != null) {
                        hasher = personal.pseudonymizer().hasher();
                        pseudonym = hasher::pseudonym;
                    }
                    validator = new RowValidator(layout);
                    timestampColumns = timestampColumns(layout);
                    savedHeader = savedHeader(report, layout.header(), descriptive);
                    byte[] headerLine = CsvValues.line(savedHeader).getBytes(StandardCharsets.UTF_8);
                    out.write(headerLine);
                    headerBytes = headerLine.length;
                    if (sample != null) {
                        sample.header(layout);
                    }
                    continue;
                }
                rows++;
                if (rows % PROGRESS_EVERY_ROWS == 0) {
                    progress.accept(rows);
                }
                validator.check(row, lines + 1, problems);
                if (sample != null) {
                    sample.row(row);
                }
                if (pseudonymized == null && timestampColumns.length == 0 && row.savedAsReceived()) {
                    row.writeRawTo(out); // the common case: the row is saved byte for byte as it came
                    lines += row.lineEnds();
                } else if (timestampColumns.length == 0) {
                    lines += writePseudonymized(row, pseudonymized, pseudonym, rowBytes);
                    rowBytes.writeTo(out);
                } else {
                    List<String> values = row.values();
                    for (int index : timestampColumns) {
                        if (index < values.size()) {
                            values.set(index, isoTime(values.get(index)));
                        }
                    }
                    if (pseudonymized != null) {
                        for (int i = 0; i < values.size() && i < pseudonymized.length; i++) {
                            if (pseudonymized[i] && !values.get(i).isBlank()) {
                                values.set(i, hasher.pseudonym(values.get(i)));
                            }
                        }
                    }
                    lines += CsvValues.writeRow(out, values, scratch);
                }
            }
        } catch (CsvFormatException e) {
            if (e.atEndOfInput() && !reader.endsWithLineFeed()) {
                throw new TruncatedBodyException("the body ended inside a row: " + e.getMessage());
            }
            throw new MalformedCsvException("the body is not well-formed CSV in UTF-8: " + e.getMessage()
                    + " (row " + (rows + 1) + " of the window)", e);
        }
        // A header alone without its line feed is tolerated when it names every documented column (the shape of
        // empty reports is inferred: docs/kaltura-protocol.md, Empty reports); any other body without a final line
        // feed was cut short.
        boolean completeBareHeader = rows == 0 && layout != null && !report.isCustom() && layout.missing().isEmpty();
        if (reader.hadContent() && !reader.endsWithLineFeed() && !completeBareHeader) {
            throw new TruncatedBodyException("the last row has no line feed");
        }
        return new Outcome(layout, rows, lines, problems, savedHeader, headerBytes, sha256.digest());
    }

    /**
     * Builds a row value by value from its bytes in {@code out}, each personal one as its pseudonym (an empty or
     * blank value stays as it is): nothing is decoded and, the hasher and the buffer reused, nothing is allocated.
     * Returns the LFs.
     */
    private static int writePseudonymized(CsvRow row, boolean[] pseudonymized, CsvRow.ValueReader<byte[]> pseudonym,
            RowBytes out) throws IOException {
        int lineFeeds = 1;
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            if (pseudonymized != null && i < pseudonymized.length && pseudonymized[i] && !row.isBlank(i)) {
                out.write(row.readValue(i, pseudonym), 0, Pseudonymizer.LENGTH);
            } else {
                lineFeeds += row.writeValueTo(i, out);
            }
        }
        out.write('\n');
        return lineFeeds;
    }

    /**
     * One row's bytes, built before one write to the file's stream: that stream's writes are synchronized, and a
     * call per value would cost a lock each.
     */
    private static final class RowBytes extends OutputStream {
        private byte[] bytes = new byte[1024];
        private int count;

        @Override
        public void write(int b) {
            if (count == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + len));
            }
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, count);
            count = 0;
        }
    }

    /** Which columns of the layout become pseudonyms; null when none does (the common, free case). */
    private boolean[] pseudonymized(ColumnLayout layout) {
        if (personal.pseudonymized().isEmpty()) {
            return null;
        }
        boolean[] columns = new boolean[layout.size()];
        boolean any = false;
        for (int i = 0; i < layout.size(); i++) {
            columns[i] = personal.pseudonymized().contains(layout.header().get(i).trim());
            any |= columns[i];
        }
        return any ? columns : null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime lacks SHA-256", e);
        }
    }

    private int[] timestampColumns(ColumnLayout layout) {
        if (!descriptive) {
            return new int[0];
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            if (layout.type(i) == ColumnType.TIMESTAMP) {
                indices.add(i);
            }
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The ISO-8601 form of a Unix time; a value that is not one (kept in lenient mode) stays as it came. */
    private String isoTime(String unixSeconds) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    Instant.ofEpochSecond(Long.parseLong(unixSeconds.trim())).atZone(zone));
        } catch (RuntimeException notATime) {
            return unixSeconds;
        }
    }

    /** The header as saved: the server's names, or the dashboard's words for documented columns. */
    public static List<String> savedHeader(ReportDefinition report, List<String> header, boolean descriptive) {
        if (!descriptive) {
            return header;
        }
        List<String> names = new ArrayList<>();
        for (String h : header) {
            names.add(report.column(h.trim()).map(ColumnDefinition::descriptiveName).orElse(h));
        }
        return names;
    }
}
