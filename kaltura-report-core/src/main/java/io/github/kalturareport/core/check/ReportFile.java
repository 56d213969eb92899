package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.Vocabulary;
import io.github.kalturareport.core.internal.collect.LongHashSet;
import io.github.kalturareport.core.internal.csv.CsvFormatException;
import io.github.kalturareport.core.internal.csv.CsvReader;
import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.internal.privacy.Shareable;
import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ColumnType;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One saved report CSV, read as a stream: the header is read on opening and mapped to the catalogue's column
 * names (the server's names, or the dashboard's descriptive names when the file was saved with descriptive
 * headers); rows are then read one at a time with the line each starts on.
 *
 * <p>Rows come from {@link CsvReader}, which leaves values as bytes: a pass asks for the numbers it needs (read in
 * place) and builds text only where it needs text, so most rows cost no allocation. A row is reused by the next
 * call to {@link #next()}.
 */
final class ReportFile implements Closeable {

    /** The hash of an empty value, as {@link CsvRow#trimmedHash} gives it: for a cell a short row lacks. */
    private static final long EMPTY_HASH = LongHashSet.hash("");
    private static final byte[] NO_BYTES = new byte[0];

    private final Path file;
    private final ReportDefinition report;
    /** The front end's words, for the fix a message names ("run … again"). */
    private final Vocabulary vocabulary;
    private final CsvReader reader;
    private final List<String> columns;
    private final Map<String, Integer> indices = new HashMap<>();

    private ReportFile(Path file, ReportDefinition report, Vocabulary vocabulary)
            throws IOException, KalturaReportException {
        this.file = file;
        this.report = report;
        this.vocabulary = vocabulary;
        this.reader = new CsvReader(Files.newInputStream(file));
        try {
            CsvRow header = read();
            if (header == null) {
                throw new KalturaReportException(name() + " is empty: it has no header row. Run "
                        + vocabulary.fetchCommand() + " again to rewrite it.");
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = canonical(header.get(i).strip());
                names.add(name);
                indices.putIfAbsent(name, i);
            }
            this.columns = List.copyOf(names);
            this.numbers = new double[names.size()];
            this.numbersOfRow = new long[names.size()];
        } catch (IOException | KalturaReportException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * Opens the file and reads its header.
     *
     * @param vocabulary the front end's words for the fix a message names
     */
    static ReportFile open(Path file, ReportDefinition report, Vocabulary vocabulary) throws KalturaReportException {
        try {
            return new ReportFile(file, report, vocabulary);
        } catch (IOException e) {
            throw unreadable(file, e, vocabulary);
        }
    }

    private static KalturaReportException unreadable(Path file, IOException e, Vocabulary vocabulary) {
        return new KalturaReportException("Cannot read " + file + ": " + e.getMessage()
                + ". Check that the file is readable, or run " + vocabulary.fetchCommand() + " again.", e);
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
     * The next row, or null at the end; valid until the next call. {@link #lastLine()} then tells the line it
     * starts on (the header is line 1; a quoted value spanning lines is counted right).
     */
    CsvRow next() throws KalturaReportException {
        try {
            CsvRow row = read();
            if (row != null) {
                lastLine = row.line();
                rowNumber++;
            }
            return row;
        } catch (IOException e) {
            throw unreadable(file, e, vocabulary);
        }
    }

    /** The next record; a record that is not CSV in UTF-8 fails naming the file, the line and the fix. */
    private CsvRow read() throws IOException, KalturaReportException {
        try {
            return reader.next();
        } catch (CsvFormatException e) {
            throw new KalturaReportException(name() + " line " + e.line() + " cannot be read as CSV: "
                    + e.getMessage() + ". Run " + vocabulary.fetchCommand() + " again to rewrite the file.", e);
        }
    }

    private long lastLine;
    /** Rows read so far: tells which row the cached numbers belong to (rows themselves are reused). */
    private long rowNumber;

    long lastLine() {
        return lastLine;
    }

    /** A cell, stripped; empty when the row is shorter than the header. */
    static String cell(CsvRow row, int index) {
        return index < row.size() ? row.get(index).strip() : "";
    }

    /** A cell's bytes exactly as read (empty when the row is shorter than the header), to compare with later rows. */
    static byte[] rawBytes(CsvRow row, int index) {
        return index < row.size() ? row.get(index).getBytes(StandardCharsets.UTF_8) : NO_BYTES;
    }

    /** Whether a cell is exactly the bytes {@link #rawBytes} gave for an earlier row. */
    static boolean rawEquals(CsvRow row, int index, byte[] raw) {
        return index < row.size() ? row.valueEquals(index, raw) : raw.length == 0;
    }

    /** A 64-bit hash of a cell trimmed of spaces and control characters, for counting distinct values. */
    static long hash(CsvRow row, int index) {
        return index < row.size() ? row.trimmedHash(index) : EMPTY_HASH;
    }

    /**
     * A cell as a number; NaN when empty. A TIMESTAMP column may hold Unix seconds or, in a file saved with
     * descriptive headers, an ISO-8601 offset date-time; both give Unix seconds.
     */
    double number(CsvRow row, int index, String column, long line) throws KalturaReportException {
        // Several rules, the overview and the charts read the same cells of a row: each is parsed once per row.
        if (index < numbersOfRow.length && numbersOfRow[index] == rowNumber) {
            return numbers[index];
        }
        double value = parseNumber(row, index, column, line);
        if (index < numbersOfRow.length) {
            numbers[index] = value;
            numbersOfRow[index] = rowNumber;
        }
        return value;
    }

    private final double[] numbers;
    /** For each column, the {@link #rowNumber} its cached number was read from (0: none yet). */
    private final long[] numbersOfRow;

    private double parseNumber(CsvRow row, int index, String column, long line) throws KalturaReportException {
        if (index < row.size()) {
            // The common case, read in place: a plain decimal, the double Double.parseDouble gives.
            double plain = row.decimal(index);
            if (Double.isFinite(plain)) {
                return plain;
            }
        }
        return parseText(cell(row, index), column, line);
    }

    /** Any other cell, as text: empty, another form Double.parseDouble reads, an ISO-8601 time, or an error. */
    private double parseText(String text, String column, long line) throws KalturaReportException {
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
                            + Shareable.maskEmails(text) + "' is neither Unix seconds nor an ISO-8601 date-time such as"
                            + " 2025-04-21T10:00:00Z. Fix the file or run " + vocabulary.fetchCommand() + " again.");
                }
            }
        }
        throw new KalturaReportException(name() + " line " + line + ", column " + column + ": '"
                + Shareable.maskEmails(text) + "' is not a number. Fix the file or run " + vocabulary.fetchCommand()
                + " again, or use count or"
                + " distinct for a text column.");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
