package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.KalturaApiException;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.FetchListener;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.report.ReportDefinition;
import io.github.kalturareport.simulator.KalturaSimulator;
import io.github.kalturareport.simulator.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run renews its KS before it expires. The fetch and the simulator share a clock that the test moves 4
 * minutes forward at every window, with a 5-minute session lifetime: without renewal the server would see an
 * expired KS from the third window on.
 */
class SessionRenewalOverHttpTest {

    @TempDir
    Path out;

    private static final Instant START = Instant.parse("2025-06-30T12:00:00Z");

    private static KalturaSimulator simulator(MutableClock clock) {
        return KalturaSimulator.builder().clock(clock).endDate(LocalDate.of(2025, 6, 30)).days(30)
                .appToken("0_renew", "renew-token", "SHA1").start();
    }

    private static FetchListener advancing(MutableClock clock) {
        return new RecordingListener() {
            @Override
            public void windowStarted(ReportDefinition report, Instant from, Instant to) {
                clock.advance(Duration.ofMinutes(4));
            }
        };
    }

    @Test
    void anAdminSecretSessionIsRenewedBeforeItExpires() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (KalturaSimulator sim = simulator(clock)) {
            // rowCap 100 makes the fetch split the month into many windows, one after another
            FetchResult r = ReportFetcher.fetch(settings(sim, out).reports("rooms").clock(clock).concurrency("1")
                    .rowCap("100").sessionLifetime(Duration.ofMinutes(5)).build(), advancing(clock));
            assertThat(r.reports().get(0).windows()).isGreaterThan(3);
            assertThat(Duration.between(START, clock.instant())).isGreaterThan(Duration.ofMinutes(20));
            assertThat(SimulatorFetch.settledRequests(sim)).noneMatch(q -> q.errorCode().isPresent());
            assertThat(r.reports().get(0).retries()).isZero();
        }
    }

    @Test
    void anAppTokenSessionIsRenewedBeforeItExpires() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (KalturaSimulator sim = simulator(clock)) {
            ReportFetcher.fetch(settings(sim, out).reports("rooms").clock(clock).concurrency("1").rowCap("100")
                    .credentials(Credentials.appToken("0_renew", "renew-token", "SHA1"))
                    .sessionLifetime(Duration.ofMinutes(5)).build(), advancing(clock));
            assertThat(SimulatorFetch.settledRequests(sim)).noneMatch(q -> q.errorCode().isPresent());
            assertThat(SimulatorFetch.settledRequests(sim).stream().filter(q -> "startSession".equals(q.action())).count())
                    .isGreaterThan(3);
        }
    }

    @Test
    void aReadyKsCannotBeRenewedAndSaysSo() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (KalturaSimulator sim = simulator(clock)) {
            String ks = SimulatorFetch.sessionStart(sim, 2, 300);
            assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms").clock(clock)
                    .concurrency("1").rowCap("100").partnerId(null).credentials(Credentials.ks(ks)).build(),
                    advancing(clock)))
                    .isInstanceOfSatisfying(KalturaApiException.class,
                            e -> assertThat(e.getMessage()).contains("has expired", "KALTURA_KS"));
            assertThat(SimulatorFetch.settledRequests(sim)).extracting(RecordedRequest::errorCode)
                    .anyMatch(c -> c.isPresent() && c.get().equals("INVALID_KS"));
        }
    }

    @Test
    void aKsTheServerCallsExpiredIsRenewedOnce() throws Exception {
        // The server's clock is 5 minutes ahead of ours: our first 5-minute KS is expired on arrival. Our clock
        // moves a minute while the library renews, so the second KS is valid on the server.
        MutableClock ours = new MutableClock(START);
        MutableClock servers = new MutableClock(START.plus(Duration.ofMinutes(5)));
        try (KalturaSimulator sim = simulator(servers)) {
            RecordingListener listener = new RecordingListener() {
                @Override
                public void retrying(ReportDefinition report, String reason, int attempt, Duration delay) {
                    super.retrying(report, reason, attempt, delay);
                    ours.advance(Duration.ofMinutes(1));
                }
            };
            FetchResult r = ReportFetcher.fetch(settings(sim, out).reports("rooms").clock(ours)
                    .sessionLifetime(Duration.ofMinutes(5)).build(), listener);
            assertThat(r.reports().get(0).rows()).isPositive();
            assertThat(r.reports().get(0).retries()).isEqualTo(1);
            assertThat(listener.retries).singleElement().asString().contains("KS expired");
        }
    }
}
