package io.github.kalturareport.simulator;

import static io.github.kalturareport.simulator.ServiceHttp.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Reports microservice's session options: polls, statuses, failing and stalled reports, the TTL; and the CLI. */
class ReportSessionsTest {
    private static final long NOW = 1_750_000_000L;

    private static KalturaSimulator.Builder small(java.time.Clock clock) {
        return KalturaSimulator.builder().clock(clock).rooms(2).sessionsPerRoom(3);
    }

    private static String ks(KalturaSimulator sim) {
        // Valid on the fixed clocks and on the system clock the command-line simulator runs on.
        long expiry = Math.max(NOW, Instant.now().getEpochSecond()) + 86_400;
        return TestKs.v2(1000, sim.adminSecret(), expiry, 2, "", Map.of());
    }

    private static String generate(KalturaSimulator sim, String reportName) {
        return ServiceHttp.sessionId(ServiceHttp.generate(sim, ks(sim), reportName, null, null, List.of(), List.of()));
    }

    private static List<String> poll(KalturaSimulator sim, String id, int times) {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            HttpResponse<String> r = ServiceHttp.status(sim, ks(sim), id);
            assertThat(r.statusCode()).isEqualTo(200);
            statuses.add(field(r.body(), "status"));
        }
        return statuses;
    }

    @Test
    void aFailingReportEndsFailedAndOthersStillComplete() {
        try (KalturaSimulator sim = small(java.time.Clock.fixed(Instant.ofEpochSecond(NOW), java.time.ZoneOffset.UTC))
                .failingReport("chatModeration").start()) {
            String failing = generate(sim, "chatModeration");
            assertThat(poll(sim, failing, 5)).containsExactly("pending", "processing", "failed", "failed", "failed");
            HttpResponse<String> download = ServiceHttp.download(sim, ks(sim), failing);
            assertThat(download.statusCode()).isEqualTo(409);
            assertThat(download.body()).isEqualTo("{\"status\":\"failed\"}");
            String other = generate(sim, "groupChatTranscripts");
            assertThat(poll(sim, other, 3)).containsExactly("pending", "processing", "completed");
        }
    }

    @Test
    void aStalledReportNeverCompletesAndTheStatusesAndPollsAreConfigurable() {
        try (KalturaSimulator sim = small(java.time.Clock.fixed(Instant.ofEpochSecond(NOW), java.time.ZoneOffset.UTC))
                .stalledReport("pollsActivity").reportPollsBeforeCompletion(3)
                .reportProgressStatuses("queued", "pending").start()) {
            String stalled = generate(sim, "pollsActivity");
            assertThat(poll(sim, stalled, 12)).startsWith("queued", "pending").containsOnly("queued", "pending");
            assertThat(ServiceHttp.download(sim, ks(sim), stalled).statusCode()).isEqualTo(409);
            String other = generate(sim, "chatUserActivity");
            assertThat(poll(sim, other, 4)).containsExactly("queued", "pending", "pending", "completed");
        }
    }

    @Test
    void withNoPollsASessionIsCompletedAtOnce() {
        try (KalturaSimulator sim = small(java.time.Clock.fixed(Instant.ofEpochSecond(NOW), java.time.ZoneOffset.UTC))
                .reportPollsBeforeCompletion(0).start()) {
            String id = generate(sim, "chatUserActivity");
            HttpResponse<String> csv = ServiceHttp.download(sim, ks(sim), id);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).startsWith("entryId,userId,");
            assertThat(poll(sim, id, 1)).containsExactly("completed");
        }
    }

    @Test
    void aSessionIsForgottenAfterItsTtlOnTheSimulatorsClock() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
        try (KalturaSimulator sim = small(clock).reportSessionTtl(Duration.ofMinutes(5)).start()) {
            String id = generate(sim, "groupChatTranscripts");
            assertThat(poll(sim, id, 3)).containsExactly("pending", "processing", "completed");
            clock.advance(Duration.ofSeconds(299));
            assertThat(ServiceHttp.download(sim, ks(sim), id).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            for (HttpResponse<String> r : List.of(ServiceHttp.download(sim, ks(sim), id),
                    ServiceHttp.status(sim, ks(sim), id))) {
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(field(r.body(), "code")).isEqualTo("SESSION_NOT_FOUND");
            }
        }
        try (KalturaSimulator sim = KalturaSimulator.builder().rooms(1).sessionsPerRoom(1).start()) {
            // The default TTL is an hour.
            assertThat(KalturaSimulator.DEFAULT_REPORT_SESSION_TTL).isEqualTo(Duration.ofHours(1));
            assertThat(KalturaSimulator.DEFAULT_REPORT_POLLS).isEqualTo(2);
        }
    }

    @Test
    void theBuilderRefusesUnknownReportsAndBadValues() {
        assertThatThrownBy(() -> KalturaSimulator.builder().failingReport("chatTranscripts"))
                .hasMessageContaining("Unknown report name 'chatTranscripts'")
                .hasMessageContaining("groupChatTranscripts");
        assertThatThrownBy(() -> KalturaSimulator.builder().stalledReport("nope")).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> KalturaSimulator.builder().reportPollsBeforeCompletion(-1))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> KalturaSimulator.builder().reportSessionTtl(Duration.ZERO))
                .hasMessageContaining("TTL");
        assertThatThrownBy(() -> KalturaSimulator.builder().reportProgressStatuses())
                .hasMessageContaining("progress status");
    }

    @Test
    void theCommandLineSetsTheSameOptions() {
        SimulatorMain.Options options = SimulatorMain.parse("--rooms", "2", "--sessions-per-room", "3",
                "--report-polls", "1", "--report-statuses", "queued", "--fail-report", "chatModeration",
                "--stall-report=pollsActivity", "--report-session-ttl", "3600");
        try (KalturaSimulator sim = options.builder().start()) {
            assertThat(poll(sim, generate(sim, "chatModeration"), 2)).containsExactly("queued", "failed");
            assertThat(poll(sim, generate(sim, "pollsActivity"), 3)).containsOnly("queued");
            assertThat(poll(sim, generate(sim, "chatUserActivity"), 2)).containsExactly("queued", "completed");
        }
        assertThatThrownBy(() -> SimulatorMain.parse("--fail-report", "nope"))
                .hasMessageContaining("Unknown report name 'nope'");
        assertThatThrownBy(() -> SimulatorMain.parse("--report-session-ttl", "0")).hasMessageContaining("TTL");
        assertThatThrownBy(() -> SimulatorMain.parse("--report-polls", "two"))
                .hasMessageContaining("Option --report-polls needs a whole number, not 'two'.");
    }
}
