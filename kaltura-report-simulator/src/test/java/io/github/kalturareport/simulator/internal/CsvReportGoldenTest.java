package io.github.kalturareport.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact bytes of reports: the digests were taken from the writer before it was rewritten for speed (commit
 * 13c0857, a Writer fed one String per row), so any change to what the simulator sends for a seed and a spec fails
 * here. A small user pool (every user cached) and one larger than {@link UserFields}' slots (cache misses and
 * collisions), excluded columns, filters and caps are all covered.
 */
class CsvReportGoldenTest {
    private static final Dataset SMALL = new Dataset(
            new DatasetSpec(42, 12, 20, 25, 2, 3, 500, 0, LocalDate.of(2025, 6, 30), 120));
    private static final Dataset WIDE = new Dataset(
            new DatasetSpec(7, 5, 30, 40, 4, 2, 10_000, 900, LocalDate.of(2025, 3, 1), 30));
    private static final String ALL = "from_date=0;to_date=9999999999";
    private static final String ALL_BREAKOUTS = "fromDate=0;toDate=9999999999";

    static Stream<Arguments> reports() {
        String room0 = SMALL.room(0).entryId();
        String room3 = SMALL.room(3).entryId();
        String users = SMALL.user(17).id() + "," + SMALL.user(250).id();
        String wideUsers = WIDE.attendee(WIDE.session(0), 1).user().id() + ","
                + WIDE.attendee(WIDE.session(75), 3).user().id() + "," + WIDE.user(4101).id() + ","
                + WIDE.user(9999).id();
        return Stream.of(
                Arguments.of("rooms", SMALL, 6000, ALL, Set.of(), 100_000, 240,
                        "2d7a63b129cddf4055207e3ff59c510ea151236d3057133359a8aee87f10966a"),
                Arguments.of("attendees", SMALL, 6001, ALL, Set.of(), 100_000, 6000,
                        "ac6c9abe17a06147fb102fd335bc6afeb8bbb14b27fbb6732fc2a3115de8c950"),
                Arguments.of("breakouts", SMALL, 6002, ALL_BREAKOUTS, Set.of(), 100_000, 480,
                        "1f072ab2796fb8665c491696994a6a4423ada3454ca60ee7b56b32b7d7afe59b"),
                Arguments.of("rooms-excluded", SMALL, 6000, ALL,
                        Set.of("entry_name", "parent_entry_id", "meeting_engaged_play_time_ratio"), 100_000, 240,
                        "948c68484954a5bb373db1d94f9b2b9d6af7f28ec511103c12b15349a3fe438a"),
                Arguments.of("attendees-excluded", SMALL, 6001, ALL, Set.of("entry_id", "user_name", "unknown"),
                        100_000, 6000, "af40e2d49822c47104e464f52b43dfff54c25ca0ad92f0e3563c801d8ae212dd"),
                Arguments.of("breakouts-excluded", SMALL, 6002, ALL_BREAKOUTS, Set.of("parent_entry_name", "duration"),
                        100_000, 480, "9a7283b10138b539e14b64494d94993faee21dc216d78f3fa6ffaa7f2dded12f"),
                Arguments.of("attendees-filtered", SMALL, 6001, "from_date=1740000000;to_date=1748000000;entry_ids="
                        + room0 + "," + room3 + ";user_ids=" + users, Set.of(), 100_000, 4,
                        "188e348c146fa5af6ace6a6707d8b25edfa0de01a88c3a46e764858195e3d1a1"),
                Arguments.of("rooms-filtered", SMALL, 6000, "from_date=1740000000;to_date=1748000000;entry_ids="
                        + room3, Set.of(), 100_000, 14,
                        "8a907826dbceae8d6522fa1138f712d644ecd8a0e56ec7446ad184adc45e1019"),
                Arguments.of("breakouts-filtered", SMALL, 6002, "fromDate=1740000000;toDate=1748000000;parentEntryIds="
                        + room0, Set.of(), 100_000, 28,
                        "089718e19096db2f2d9d33ed9624337469e4c2b303f90def29c0fe4c9354e7ec"),
                Arguments.of("rooms-wide-capped", WIDE, 6000, ALL, Set.of(), 77, 77,
                        "ea004d700f2ad63af4622d4bec7c97258c0e66e6230b56adcc35c06667e906a6"),
                Arguments.of("attendees-wide", WIDE, 6001, ALL, Set.of(), 100_000, 6860,
                        "49136f09b87a22b938cc78a577b3ba94659097ca2a135106a19cbdcbc1b2d22c"),
                Arguments.of("attendees-wide-capped", WIDE, 6001, ALL, Set.of(), 1234, 1234,
                        "f6882a1c48b21af573476633c9b0c0c943030f50efa41bc70f970bc0fe0aa25b"),
                Arguments.of("breakouts-wide-capped", WIDE, 6002, ALL_BREAKOUTS, Set.of(), 321, 321,
                        "40605628b5357e75c5ac9b81410da764e30cd728dad0c6cd30078b5d050b3619"),
                Arguments.of("attendees-wide-users", WIDE, 6001, ALL + ";user_ids=" + wideUsers, Set.of(), 100_000,
                        3, "48fae461c45a2351acfda59002ea03add3e333f37f67aea430c7c15c302ef82b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void sendsTheSameBytesAsBefore(String name, Dataset data, int reportId, String params, Set<String> excluded,
            int cap, long rows, String sha256) throws IOException, NoSuchAlgorithmException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long written = CsvReport.of(data, reportId, new ReportParams(params), excluded, cap).writeTo(body);

        assertThat(written).isEqualTo(rows);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.toByteArray())))
                .as(name).isEqualTo(sha256);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void chunksNeverExceedTheBufferAndAddUpToTheBody(String name, Dataset data, int reportId, String params,
            Set<String> excluded, int cap) throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        CsvReport.of(data, reportId, new ReportParams(params), excluded, cap).writeTo(whole);
        ChunkRecorder chunks = new ChunkRecorder();
        CsvReport.of(data, reportId, new ReportParams(params), excluded, cap).writeTo(chunks);

        assertThat(chunks.sizes).allSatisfy(size -> assertThat(size).isBetween(1, CsvReport.CHUNK));
        assertThat(chunks.bytes.toByteArray()).as(name).isEqualTo(whole.toByteArray());
    }

    /** Records the size of every write, as Jetty would receive them. */
    private static final class ChunkRecorder extends java.io.OutputStream {
        final List<Integer> sizes = new java.util.ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            sizes.add(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sizes.add(len);
            bytes.write(b, off, len);
        }
    }
}
