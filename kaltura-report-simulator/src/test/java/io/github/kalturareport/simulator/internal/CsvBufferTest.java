package io.github.kalturareport.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvBuffer} against the String code it replaced (kept here as the reference): the same characters for every
 * value, whatever the buffer's size.
 */
class CsvBufferTest {
    /** The smallest buffer: every few values cross a chunk boundary. */
    private static final int TINY = 1;

    @Test
    void numbersAreSpelledAsLongToString() throws IOException {
        long[] edges = {0, 1, -1, 9, 10, -10, 99, 100, 999_999_999, 1_000_000_000, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 1_767_225_599L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -Long.MAX_VALUE};
        for (long v : edges) {
            assertThat(written(csv -> csv.number(v))).as("%d", v).isEqualTo(Long.toString(v));
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            assertThat(written(csv -> csv.number(v))).isEqualTo(Long.toString(v));
        }
    }

    @Test
    void ratiosAreSpelledAsBefore() throws IOException {
        for (int v = -3; v <= 10_003; v++) {
            int tenThousandths = v;
            assertThat(written(csv -> csv.ratio(tenThousandths))).as("%d", v).isEqualTo(referenceRatio(v));
        }
        for (int v : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(written(csv -> csv.ratio(v))).isEqualTo(referenceRatio(v));
        }
        assertThat(written(csv -> csv.ratio(7312))).isEqualTo("0.7312");
        assertThat(written(csv -> csv.ratio(5000))).isEqualTo("0.5");
        assertThat(written(csv -> csv.ratio(72))).isEqualTo("0.0072");
    }

    @Test
    void tenthsAreSpelledAsBeforeEvenWhenNegative() throws IOException {
        for (int v = -1_000; v <= 200_000; v++) {
            int tenths = v;
            assertThat(written(csv -> csv.tenths(tenths))).as("%d", v).isEqualTo(referenceTenths(v));
        }
        for (int v : new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE}) {
            assertThat(written(csv -> csv.tenths(v))).isEqualTo(referenceTenths(v));
        }
        assertThat(written(csv -> csv.tenths(375))).isEqualTo("37.5");
        assertThat(written(csv -> csv.tenths(-15))).isEqualTo("-1.-5");
    }

    @Test
    void fieldsAreEscapedAndEncodedAsBefore() {
        String[] values = {"", "plain", "Biology 101, Section A", "Ask \"Anything\" Hour", "Müller, Zoë",
            "Zoë \"Bo\" Müller", "日本語 Conversation", "\"", ",", "\"\",\"", "a,\"b\",c", "Łódź", "emoji 😀, ok"};
        for (String v : values) {
            assertThat(new String(CsvBuffer.field(v), StandardCharsets.UTF_8)).as(v).isEqualTo(referenceField(v));
        }
    }

    @Test
    void bytesLargerThanTheBufferKeepTheirOrder() throws IOException {
        byte[] big = "x".repeat(500).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvBuffer csv = new CsvBuffer(out, TINY);
        csv.ascii('a');
        csv.bytes(big);
        csv.number(-42);
        csv.bytes(big);
        csv.ascii('\n');
        csv.flush();
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("a" + "x".repeat(500) + "-42"
                + "x".repeat(500) + "\n");
    }

    @Test
    void aMixOfValuesIsTheSameThroughATinyAndALargeBuffer() throws IOException {
        assertThat(mixed(TINY)).isEqualTo(mixed(1 << 16));
    }

    private static String mixed(int capacity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvBuffer csv = new CsvBuffer(out, capacity);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            csv.bytes(CsvBuffer.field("Søren, \"Ace\" " + i));
            csv.ascii(',');
            csv.number(random.nextLong());
            csv.ascii(',');
            csv.ratio(random.nextInt(-5, 10_005));
            csv.ascii(',');
            csv.tenths(random.nextInt(-100, 100_000));
            csv.ascii('\n');
        }
        csv.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private interface Writes {
        void to(CsvBuffer csv) throws IOException;
    }

    private static String written(Writes writes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvBuffer csv = new CsvBuffer(out, TINY);
        csv.ascii('|'); // something already buffered, so values also start mid-buffer
        writes.to(csv);
        csv.flush();
        return out.toString(StandardCharsets.UTF_8).substring(1);
    }

    // The String code CsvBuffer replaced, verbatim in behaviour.

    private static String referenceRatio(int tenThousandths) {
        if (tenThousandths <= 0) {
            return "0";
        }
        if (tenThousandths >= 10_000) {
            return "1";
        }
        String digits = Names.pad4(tenThousandths);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "0." + digits.substring(0, end);
    }

    private static String referenceTenths(int tenths) {
        return tenths % 10 == 0 ? Integer.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }

    private static String referenceField(String raw) {
        StringBuilder sb = new StringBuilder();
        String value = raw.replace(',', ' ');
        if (value.indexOf('"') < 0) {
            sb.append(value);
        } else {
            sb.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return sb.toString();
    }
}
