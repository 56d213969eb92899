package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ColumnType;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One saved report CSV, read as a stream: the header is read on opening and mapped to the catalogue's column
 * names (the server's names, or the dashboard's descriptive names when the file was saved with descriptive
 * headers); rows are then read one at a time with the line each starts on.
 */
final class ReportFile implements Closeable {

    private final Path file;
    private final ReportDefinition report;
    private final BufferedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private final Map<String, Integer> indices = new HashMap<>();

    private ReportFile(Path file, ReportDefinition report) throws IOException, KalturaReportException {
        this.file = file;
        this.report = report;
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            skipByteOrderMark(reader);
            this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
            this.records = parser.iterator();
            CSVRecord header = records.hasNext() ? records.next() : null;
            if (header == null) {
                throw new KalturaReportException(name() + " is empty: it has no header row. Run"
                        + " kaltura-report:fetch again to rewrite it.");
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = canonical(header.get(i).strip());
                names.add(name);
                indices.putIfAbsent(name, i);
            }
            this.columns = List.copyOf(names);
            this.numbers = new double[names.size()];
            this.numberKnown = new boolean[names.size()];
        } catch (IOException | KalturaReportException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Opens the file and reads its header. */
    static ReportFile open(Path file, ReportDefinition report) throws KalturaReportException {
        try {
            return new ReportFile(file, report);
        } catch (IOException e) {
            throw new KalturaReportException("Cannot read " + file + ": " + e.getMessage()
                    + ". Check that the file is readable, or run kaltura-report:fetch again.", e);
        } catch (UncheckedIOException e) {
            throw new KalturaReportException("Cannot read the header of " + file + ": " + e.getMessage()
                    + ". Run kaltura-report:fetch again to rewrite it.", e);
        }
    }

    /** A header cell as the catalogue names it: descriptive names map back to the server's names. */
    private String canonical(String cell) {
        for (ColumnDefinition c : report.columns()) {
            if (c.name().equals(cell)) {
                return cell;
            }
        }
        for (ColumnDefinition c : report.columns()) {
            if (c.descriptiveName().equalsIgnoreCase(cell)) {
                return c.name();
            }
        }
        return cell;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The file name, e.g. {@code attendees.csv}. */
    String name() {
        return file.getFileName().toString();
    }

    Path path() {
        return file;
    }

    ReportDefinition report() {
        return report;
    }

    /** The header's column names (catalogue names where known). */
    List<String> columns() {
        return columns;
    }

    /** The index of a column, or -1 when the header lacks it. */
    int index(String column) {
        return indices.getOrDefault(column, -1);
    }

    /**
     * The next row, or null at the end. {@link #lastLine()} then tells the line it starts on (the header is
     * line 1; a quoted value spanning lines is counted right).
     */
    CSVRecord next() throws KalturaReportException {
        try {
            // next() without hasNext() reads the record only now, so the line count before it is its start.
            long before = parser.getCurrentLineNumber();
            CSVRecord record = records.next();
            lastLine = before + 1;
            return record;
        } catch (NoSuchElementException end) {
            return null;
        } catch (UncheckedIOException e) {
            throw new KalturaReportException(name() + " line " + (parser.getCurrentLineNumber() + 1)
                    + " cannot be read as CSV: " + e.getMessage() + ". Run kaltura-report:fetch again to"
                    + " rewrite the file.", e);
        }
    }

    private long lastLine;

    long lastLine() {
        return lastLine;
    }

    /** A cell, stripped; empty when the row is shorter than the header. */
    static String cell(CSVRecord record, int index) {
        return index < record.size() ? record.get(index).strip() : "";
    }

    /**
     * A cell as a number; NaN when empty. A TIMESTAMP column may hold Unix seconds or, in a file saved with
     * descriptive headers, an ISO-8601 offset date-time; both give Unix seconds.
     */
    double number(CSVRecord record, int index, String column, long line) throws KalturaReportException {
        // Several rules, the overview and the charts read the same cells of a row: each is parsed once per row.
        if (record != numbersOf) {
            numbersOf = record;
            Arrays.fill(numberKnown, false);
        }
        if (index < numberKnown.length && numberKnown[index]) {
            return numbers[index];
        }
        double value = parseNumber(record, index, column, line);
        if (index < numberKnown.length) {
            numbers[index] = value;
            numberKnown[index] = true;
        }
        return value;
    }

    private CSVRecord numbersOf;
    private final double[] numbers;
    private final boolean[] numberKnown;

    private double parseNumber(CSVRecord record, int index, String column, long line) throws KalturaReportException {
        String text = cell(record, index);
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException notPlain) {
            if (report.column(column).map(c -> c.type() == ColumnType.TIMESTAMP).orElse(false)) {
                try {
                    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
                } catch (DateTimeParseException notIso) {
                    throw new KalturaReportException(name() + " line " + line + ", column " + column + ": '"
                            + text + "' is neither Unix seconds nor an ISO-8601 date-time such as"
                            + " 2025-04-21T10:00:00Z. Fix the file or run kaltura-report:fetch again.");
                }
            }
        }
        throw new KalturaReportException(name() + " line " + line + ", column " + column + ": '" + text
                + "' is not a number. Fix the file or run kaltura-report:fetch again, or use count or distinct"
                + " for a text column.");
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            reader.close();
        }
    }
}
