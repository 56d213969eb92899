package io.github.kalturareport.core.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The reader against its reference, Commons CSV, on hand-picked and on random input. */
class CsvReaderTest {

    private static final CSVFormat COMMONS = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    /** What Commons CSV reads: the records, or the failure. */
    private static Object commons(String text) {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), COMMONS)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (IOException | RuntimeException e) {
            return "failure";
        }
        return records;
    }

    /** What CsvReader reads, given the bytes a few at a time so that records cross buffer refills. */
    private static Object ours(byte[] bytes, Random chunks) {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(trickle(bytes, chunks))) {
            CsvRow row;
            while ((row = reader.next()) != null) {
                records.add(row.values());
            }
        } catch (CsvFormatException e) {
            return "failure";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return records;
    }

    private static List<List<String>> read(String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            CsvRow row;
            while ((row = reader.next()) != null) {
                records.add(row.values());
            }
        }
        return records;
    }

    /** An input stream that hands out at most a few bytes per read. */
    private static InputStream trickle(byte[] bytes, Random random) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
    }

    @Test
    void readsWhatCommonsCsvReadsOnRandomInput() {
        String alphabet = "ab1,,,\"\"\"\r\n\n  \té€";
        Random random = new Random(20261122);
        for (int n = 0; n < 40_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            assertThat(ours(input.getBytes(StandardCharsets.UTF_8), random))
                    .as("records of %s", input.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(commons(input));
        }
    }

    @Test
    void readsValuesAsCommonsCsvDoes() throws IOException {
        assertThat(read("a,b\n\"x, \"\"y\"\"\",\n\n\r\n\"\"\r\nlast")).containsExactly(
                List.of("a", "b"), List.of("x, \"y\"", ""), List.of(""), List.of("last"));
        assertThat(read("\"multi\nline\"  ,b\rc,d\r\n")).containsExactly(List.of("multi\nline", "b"),
                List.of("c", "d"));
        assertThat(read("a,\"b\",")).containsExactly(List.of("a", "b", ""));
        assertThat(read("x,ab\"c\n")).containsExactly(List.of("x", "ab\"c"));
        assertThat(read("")).isEmpty();
        assertThat(read("\n\r\n\r")).isEmpty();
    }

    @Test
    void dropsALeadingByteOrderMarkOnly() throws IOException {
        assertThat(read("\uFEFFa,b\n")).containsExactly(List.of("a", "b"));
        assertThat(read("a,\uFEFFb\n")).containsExactly(List.of("a", "\uFEFFb"));
        CsvReader bomOnly = new CsvReader(new ByteArrayInputStream(new byte[] {(byte) 0xEF, (byte) 0xBB,
            (byte) 0xBF}));
        assertThat(bomOnly.next()).isNull();
        assertThat(bomOnly.hadContent()).isFalse();
    }

    @Test
    void numbersLinesAsTheyStartCountingQuotedLineBreaksAndSkippedEmptyLines() throws IOException {
        CsvReader reader = new CsvReader(new ByteArrayInputStream(
                "h\n\"a\nb\"\r\n\nc\rd\n".getBytes(StandardCharsets.UTF_8)));
        List<Long> lines = new ArrayList<>();
        CsvRow row;
        while ((row = reader.next()) != null) {
            lines.add(row.line());
        }
        assertThat(lines).containsExactly(1L, 2L, 5L, 6L);
        assertThat(reader.lineNumber()).isEqualTo(6);
        assertThat(reader.endsWithLineFeed()).isTrue();
    }

    @Test
    void namesTheLineAndTheFaultOfMalformedInput() {
        assertThatThrownBy(() -> read("a,b\n\"x\"y,z\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 2: 'y' follows the closing quote of value 1; a quoted value must be followed by"
                        + " a comma or the end of the line")
                .satisfies(e -> assertThat(((CsvFormatException) e).atEndOfInput()).isFalse());
        assertThatThrownBy(() -> read("a,b\nc,\"open\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("the input ended inside a quoted value that starts on line 2")
                .satisfies(e -> assertThat(((CsvFormatException) e).atEndOfInput()).isTrue());
    }

    @Test
    void refusesBytesThatAreNotUtf8NamingTheLine() {
        byte[] latin1 = "a,b\nc,Sch\u00e4fer\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readAll(latin1))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 2 is not UTF-8 text (byte 0xE4 at byte 6 of the row)")
                .satisfies(e -> assertThat(((CsvFormatException) e).atEndOfInput()).isFalse());
        byte[] cut = {'a', ',', (byte) 0xC3};
        assertThatThrownBy(() -> readAll(cut))
                .isInstanceOf(CsvFormatException.class)
                .satisfies(e -> assertThat(((CsvFormatException) e).atEndOfInput()).isTrue());
    }

    @Test
    void refusesARecordLongerThanTheLimit() {
        byte[] huge = new byte[CsvReader.MAX_RECORD_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        assertThatThrownBy(() -> readAll(huge))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("a record longer than 8 MiB starts on line 1");
    }

    @Test
    void aLongRecordGrowsTheBufferAndReadsWhole() throws IOException {
        String big = "y".repeat(300_000);
        assertThat(read("a\n" + big + ",\"" + big + "\"\nz\n")).containsExactly(List.of("a"), List.of(big, big),
                List.of("z"));
    }

    private static void readAll(byte[] bytes) throws IOException {
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes))) {
            while (reader.next() != null) {
                // read to the end
            }
        }
    }

    @Test
    void aRowSavedAsReceivedIsExactlyWhatCsvValuesWrites() throws IOException {
        String alphabet = "ab,\"\r\n ";
        Random random = new Random(7);
        int savedAsIs = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            try (CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes))) {
                CsvRow row;
                while ((row = reader.next()) != null) {
                    ByteArrayOutputStream written = new ByteArrayOutputStream();
                    int lineFeeds = CsvValues.writeRow(written, row.values(), new StringBuilder());
                    if (row.savedAsReceived()) {
                        savedAsIs++;
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        row.writeRawTo(raw);
                        assertThat(raw.toString(StandardCharsets.UTF_8)).as("row of %s", text)
                                .isEqualTo(written.toString(StandardCharsets.UTF_8));
                        assertThat(row.lineEnds()).isEqualTo(lineFeeds);
                    }
                }
            } catch (CsvFormatException malformed) {
                // not every random text is CSV; the other test compares those with Commons CSV
            }
        }
        assertThat(savedAsIs).isGreaterThan(5_000);
    }

    @Test
    void readsNumbersInPlaceAsParseDoubleAndParseLongDo() throws IOException {
        Random random = new Random(11);
        List<String> samples = new ArrayList<>(List.of("0", "-0", "+0.5", "0.9331", "1", "1.0", " 0.25 ", "12",
                "3.", ".5", "1e-3", "2E+2", "0000000000000000000000.1", "123456789012345678",
                "0.12345678901234567", "9007199254740993", "-", "+", ".", "e5", "1e", "NaN", "Infinity", "0x10",
                "1d", "1f", "1,5", "", "  ", "٣"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            if (random.nextInt(4) == 0) {
                s.append('-');
            }
            int whole = random.nextInt(12);
            for (int k = 0; k < whole; k++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                s.append('.');
                int fraction = random.nextInt(18);
                for (int k = 0; k < fraction; k++) {
                    s.append((char) ('0' + random.nextInt(10)));
                }
            }
            samples.add(s.toString());
        }
        StringBuilder csv = new StringBuilder();
        for (String sample : samples) {
            csv.append('"').append(sample).append("\"\n");
        }
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.toString().getBytes(
                StandardCharsets.UTF_8)))) {
            for (String sample : samples) {
                CsvRow row = reader.next();
                assertThat(row.get(0)).isEqualTo(sample);
                String trimmed = sample.trim();
                Double expected = plainDecimal(trimmed) ? Double.valueOf(Double.parseDouble(trimmed)) : null;
                double actual = row.decimal(0);
                if (expected == null) {
                    assertThat(actual).as("decimal of '%s'", sample).isNaN();
                } else {
                    assertThat(Double.doubleToRawLongBits(actual)).as("decimal of '%s'", sample)
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
                long whole = row.wholeNumber(0, Long.MIN_VALUE);
                if (trimmed.matches("-?[0-9]+") && trimmed.length() <= 18) {
                    assertThat(whole).as("whole number of '%s'", sample).isEqualTo(Long.parseLong(trimmed));
                } else {
                    assertThat(whole).as("whole number of '%s'", sample).isEqualTo(Long.MIN_VALUE);
                }
                assertThat(row.isBlank(0)).isEqualTo(trimmed.isEmpty());
            }
        }
    }

    private static boolean plainDecimal(String s) {
        return s.length() <= 40 && s.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    }
}
