package io.github.kalturareport.core.csv;

import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ColumnType;
import io.github.kalturareport.core.report.ReportDefinition;
import io.github.kalturareport.core.validate.ColumnLayout;
import io.github.kalturareport.core.validate.ProblemLog;
import io.github.kalturareport.core.validate.RowValidator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One pass over one window's CSV body: parses it (optional quoting), validates every row and writes the rows to a
 * part file (no header) in the saved form. Nothing of the body is held in memory beyond the current row.
 */
public final class WindowProcessor {

    /** How often, in rows, a download in progress reports its count. */
    public static final int PROGRESS_EVERY_ROWS = 10_000;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();

    private final ReportDefinition report;
    private final List<String> expectedCustomColumns;
    private final boolean descriptive;
    private final ZoneId zone;

    /**
     * @param descriptive write timestamps of TIMESTAMP columns as ISO-8601 date-times in {@code zone}
     */
    public WindowProcessor(ReportDefinition report, List<String> expectedCustomColumns, boolean descriptive,
            ZoneId zone) {
        this.report = report;
        this.expectedCustomColumns = expectedCustomColumns;
        this.descriptive = descriptive;
        this.zone = zone;
    }

    /** What one window gave. */
    public record Outcome(ColumnLayout layout, long rows, long lines, ProblemLog problems) {
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
        BodyReader reader = new BodyReader(body);
        ProblemLog problems = new ProblemLog();
        ColumnLayout layout = null;
        RowValidator validator = null;
        int[] timestampColumns = new int[0];
        long rows = 0;
        long lines = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(part),
                StandardCharsets.UTF_8), 1 << 16);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> values = new ArrayList<>();
            StringBuilder row = new StringBuilder(256);
            try {
                for (CSVRecord record : parser) {
                    values.clear();
                    for (int i = 0; i < record.size(); i++) {
                        values.add(record.get(i));
                    }
                    if (layout == null) {
                        layout = ColumnLayout.of(report, values, expectedCustomColumns);
                        validator = new RowValidator(layout);
                        timestampColumns = timestampColumns(layout);
                        continue;
                    }
                    rows++;
                    if (rows % PROGRESS_EVERY_ROWS == 0) {
                        progress.accept(rows);
                    }
                    validator.check(values, lines + 1, problems);
                    for (int index : timestampColumns) {
                        if (index < values.size()) {
                            values.set(index, isoTime(values.get(index)));
                        }
                    }
                    lines += CsvValues.writeRow(out, values, row);
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof IOException io && !isParseError(io)) {
                    throw io; // the network, not the data
                }
                if (!reader.endsWithLineFeed()) {
                    throw new TruncatedBodyException("the body ended inside a row");
                }
                throw new MalformedCsvException("the body is not well-formed CSV near row " + (rows + 1) + ": "
                        + cause.getMessage(), cause);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedCsvException("the body is not UTF-8 text", e);
        }
        // A header alone without its line feed is tolerated when it names every documented column (KALTURA-PROTOCOL
        // marks the shape of empty reports as inferred); any other body without a final line feed was cut short.
        boolean completeBareHeader = rows == 0 && layout != null && !report.isCustom() && layout.missing().isEmpty();
        if (reader.hadContent() && !reader.endsWithLineFeed() && !completeBareHeader) {
            throw new TruncatedBodyException("the last row has no line feed");
        }
        return new Outcome(layout, rows, lines, problems);
    }

    private static boolean isParseError(IOException e) {
        // Commons CSV reports bad quoting as a plain IOException (or CSVException in newer versions).
        return e.getClass() == IOException.class || e.getClass().getName().startsWith("org.apache.commons.csv");
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
