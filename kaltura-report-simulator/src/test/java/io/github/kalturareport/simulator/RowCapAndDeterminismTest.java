package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The silent 100,000-row cap, and byte-identical output for the same seed. */
class RowCapAndDeterminismTest {

    private static long rows(String body) {
        assertThat(body).startsWith("\uFEFF").endsWith("\n");
        return body.chars().filter(c -> c == '\n').count() - 1;
    }

    @Test
    void aSessionWithMoreAttendeesThanTheCapIsCutSilentlyAt100000() {
        try (KalturaSimulator sim = KalturaSimulator.builder().rooms(4).sessionsPerRoom(5).attendeesPerSession(10)
                .crowdedSessionAttendees(150_000).start()) {
            String ks = Http.adminKs(sim);
            String all = Http.report(sim, ks, 6000, "").body();
            String crowded = all.lines().skip(1).filter(l -> l.contains(",150000,")).findFirst().orElseThrow();
            String start = crowded.split(",")[4];
            String body = Http.report(sim, ks, 6001, "from_date=" + start + ";to_date=" + start).body();
            assertThat(rows(body)).isEqualTo(100_000);
            assertThat(sim.requests().get(sim.requests().size() - 1).rows()).isEqualTo(100_000);
            // The rooms report still tells the true attendee count.
            assertThat(crowded).contains(",150000,");
        }
    }

    @Test
    void theCapAppliesAcrossSessionsAndCanBeChanged() {
        try (KalturaSimulator sim = KalturaSimulator.builder().rowCap(30).start()) {
            String ks = Http.adminKs(sim);
            assertThat(rows(Http.report(sim, ks, 6001, "").body())).isEqualTo(30);
            assertThat(rows(Http.report(sim, ks, 6000, "").body())).isEqualTo(30);
            assertThat(rows(Http.report(sim, ks, 6002, "").body())).isEqualTo(30);
        }
    }

    @Test
    void theSameSeedGivesByteIdenticalReportsAndAnotherSeedOthers() {
        LocalDate end = LocalDate.of(2025, 3, 31);
        String[] first = new String[3];
        try (KalturaSimulator a = KalturaSimulator.builder().seed(7).endDate(end).start()) {
            String ks = Http.adminKs(a);
            for (int i = 0; i < 3; i++) {
                first[i] = Http.report(a, ks, 6000 + i, "").body();
            }
        }
        try (KalturaSimulator b = KalturaSimulator.builder().seed(7).endDate(end).start()) {
            String ks = Http.adminKs(b);
            for (int i = 0; i < 3; i++) {
                assertThat(Http.report(b, ks, 6000 + i, "").body()).isEqualTo(first[i]);
            }
        }
        try (KalturaSimulator c = KalturaSimulator.builder().seed(8).endDate(end).start()) {
            String ks = Http.adminKs(c);
            assertThat(Http.report(c, ks, 6001, "").body()).isNotEqualTo(first[1]);
        }
    }

    @Test
    void defaultDataCoversTheLast30DaysFromNow() {
        try (KalturaSimulator sim = KalturaSimulator.builder().start()) {
            long now = System.currentTimeMillis() / 1000;
            String body = Http.report(sim, Http.adminKs(sim), 6001, "from_date=" + (now - 30 * 86_400L)
                    + ";to_date=" + now).body();
            assertThat(rows(body)).isGreaterThan(100);
        }
    }

    @Test
    void aShapeWithTooManySessionsForTheSpanIsRefusedClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KalturaSimulator.builder().days(1).rooms(1000)
                .sessionsPerRoom(100).start()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Too many sessions (100000) for 1 days");
    }
}
