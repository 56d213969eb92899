package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.names;
import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.KalturaApiException;
import io.github.kalturareport.core.TransportException;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.simulator.Fault;
import io.github.kalturareport.simulator.KalturaSimulator;
import io.github.kalturareport.simulator.KalturaSimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fault mode of the simulator: transient ones retried to a complete file, permanent ones a clean failure. */
class FaultsOverHttpTest {

    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension();

    @TempDir
    static Path baselineDir;

    @TempDir
    Path out;

    static byte[] baseline;

    private static final String REPORT = "report";
    private static final String ACTION = "getCsvFromStringParams";

    @BeforeAll
    static void fetchWithoutFaults() throws Exception {
        FetchResult r = ReportFetcher.fetch(settings(SIM.simulator(), baselineDir).reports("attendees").build(), null);
        baseline = Files.readAllBytes(r.reports().get(0).file());
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of(Fault.serviceUnavailable(1).forFirst(2), "HTTP 503"),
                Arguments.of(Fault.tooManyRequests(1).forFirst(1), "HTTP 429"),
                Arguments.of(Fault.badGateway().forFirst(2), "HTTP 502"),
                Arguments.of(Fault.truncatedBody().forFirst(2), "cut short"),
                Arguments.of(Fault.connectionReset().forFirst(1), ""),
                Arguments.of(Fault.druidTimeout().forFirst(2), "DRUID_QUERY_TIMED_OUT"));
    }

    @ParameterizedTest
    @MethodSource("transientFaults")
    void transientFaultsAreRetriedToACompleteFile(Fault fault, String reason) throws Exception {
        KalturaSimulator sim = SIM.simulator();
        sim.addFault(fault.only(REPORT, ACTION));
        RecordingListener listener = new RecordingListener();
        FetchResult r = ReportFetcher.fetch(settings(sim, out).reports("attendees").build(), listener);
        assertThat(Files.readAllBytes(r.reports().get(0).file())).isEqualTo(baseline);
        int expectedRetries = fault.first();
        assertThat(r.reports().get(0).retries()).isEqualTo(expectedRetries);
        assertThat(listener.retries).hasSize(expectedRetries).allMatch(l -> l.contains(reason));
        assertThat(names(out)).containsExactlyInAnyOrder("attendees.csv", "manifest.json");
    }

    @Test
    void aPersistentFaultFailsCleanlyAndKeepsThePreviousFile() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        Path previous = Files.writeString(out.resolve("attendees.csv"), "the previous good file\n");
        sim.addFault(Fault.serviceUnavailable(0).only(REPORT, ACTION));
        RecordingListener listener = new RecordingListener();
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("attendees").maxRetries("2").build(),
                listener))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("after 2 retries").hasMessageContaining("HTTP 503");
        assertThat(listener.retries).hasSize(2);
        assertThat(names(out)).containsExactly("attendees.csv");
        assertThat(Files.readString(previous)).isEqualTo("the previous good file\n");
    }

    @Test
    void anInterruptedDownloadLeavesNoFile() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        sim.addFault(Fault.truncatedBody().only(REPORT, ACTION));
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).maxRetries("1").build(), null))
                .isInstanceOf(TransportException.class).hasMessageContaining("cut short");
        assertThat(names(out)).isEmpty();
    }

    @Test
    void permanentApiErrorsAreNotRetried() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        sim.addFault(Fault.apiError("INTERNAL_SERVERL_ERROR", "Internal server error occurred")
                .only(REPORT, ACTION));
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms").build(), null))
                .isInstanceOfSatisfying(KalturaApiException.class,
                        e -> assertThat(e.code()).isEqualTo("INTERNAL_SERVERL_ERROR"));
        assertThat(SimulatorFetch.settledRequests(sim)).filteredOn(r -> REPORT.equals(r.service())).hasSize(1);
        assertThat(names(out)).isEmpty();
    }

    @Test
    void aRetryAfterIsHonouredUpToTheCap() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        sim.addFault(Fault.tooManyRequests(3600).forFirst(1).only(REPORT, ACTION));
        RecordingListener listener = new RecordingListener();
        ReportFetcher.fetch(settings(sim, out).reports("rooms").build(), listener);
        // the cap (retryMaxDelay 40 ms) wins over an hour
        assertThat(listener.retries).singleElement().asString().contains("PT0.04S");
    }

    @Test
    void latencyBeyondTheResponseTimeoutIsRetried() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        sim.addFault(Fault.latency(java.time.Duration.ofMillis(1500)).forFirst(1).only(REPORT, ACTION));
        RecordingListener listener = new RecordingListener();
        FetchResult r = ReportFetcher.fetch(settings(sim, out).reports("attendees")
                .responseTimeout("PT0.5S").build(), listener);
        assertThat(Files.readAllBytes(r.reports().get(0).file())).isEqualTo(baseline);
        assertThat(listener.retries).singleElement().asString().contains("timeout");
    }

    @Test
    void nothingIsLeftBehindWhenOneReportOfManyFails() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms,attendees,6050").build(),
                null)).isInstanceOf(KalturaApiException.class);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s).isEmpty();
        }
    }
}
