package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settledRequests;
import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.simulator.KalturaSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Date edges through the whole fetch: a DST day, presets ending now, the breakouts report's own date keys. */
class DatesOverHttpTest {

    /** "Now" for both sides: 2025-10-31T15:00:00Z, within data that spans October 2025. */
    static final Clock NOW = Clock.fixed(Instant.parse("2025-10-31T15:00:00Z"), ZoneOffset.UTC);

    static KalturaSimulator sim;

    @TempDir
    Path out;

    @BeforeAll
    static void start() {
        sim = KalturaSimulator.builder().clock(NOW).endDate(LocalDate.of(2025, 10, 31)).days(31)
                .sessionsPerRoom(60).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static long sessionStart(String row) {
        return Long.parseLong(row.split(",")[4]);
    }

    @Test
    void aDaylightSavingDayIsTwentyFiveHoursLong() throws Exception {
        // Paris falls back on 2025-10-26
        ZoneId paris = ZoneId.of("Europe/Paris");
        FetchResult r = ReportFetcher.fetch(settings(sim, out).clock(NOW).reports("rooms,breakouts")
                .from("2025-10-26").to("2025-10-26").timeZone(paris.getId()).build(), null);
        long from = Instant.parse("2025-10-25T22:00:00Z").getEpochSecond();
        long to = Instant.parse("2025-10-26T22:59:59Z").getEpochSecond();
        assertThat(to - from + 1).isEqualTo(25 * 3600);
        assertThat(settledRequests(sim).stream().map(q -> q.parameter("params").orElse("")))
                .contains("from_date=" + from + ";to_date=" + to, "fromDate=" + from + ";toDate=" + to);
        List<String> rooms = Files.readAllLines(r.reports().get(0).file());
        assertThat(rooms).hasSizeGreaterThan(1);
        assertThat(rooms.subList(1, rooms.size())).allSatisfy(row -> assertThat(sessionStart(row))
                .isBetween(from, to));
    }

    @Test
    void presetsEndNow() throws Exception {
        sim.clearRequests();
        FetchResult r = ReportFetcher.fetch(settings(sim, out).clock(NOW).from(null).to(null).period("LAST_7_DAYS")
                .reports("rooms").build(), null);
        long now = NOW.instant().getEpochSecond();
        assertThat(settledRequests(sim).get(0).parameter("params"))
                .contains("from_date=" + (now - 7 * 86400) + ";to_date=" + now);
        List<String> rooms = Files.readAllLines(r.reports().get(0).file());
        assertThat(rooms.subList(1, rooms.size())).isNotEmpty()
                .allSatisfy(row -> assertThat(sessionStart(row)).isBetween(now - 7 * 86400, now));
    }
}
