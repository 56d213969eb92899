package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Start on a free port, stop promptly (even mid-report) and free the port. */
class LifecycleTest {

    @Test
    void closeFreesThePortEvenWhileAReportStreams() throws Exception {
        KalturaSimulator sim = KalturaSimulator.builder().rooms(10).sessionsPerRoom(100).attendeesPerSession(1000)
                .breakoutsPerSession(0).rowCap(1_000_000).start();
        int port = sim.port();
        assertThat(port).isPositive();
        assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
        String ks = Http.adminKs(sim);
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                sim.baseUrl() + "/api_v3/service/report/action/getCsvFromStringParams?id=6001&params=&ks=" + ks))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            assertThat(in.read()).isNotNegative(); // streaming has begun; the client stops reading
            long t0 = System.nanoTime();
            sim.close();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aBusyPortIsAClearError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KalturaSimulator.builder().port(busy.getLocalPort()).start())
                    .hasMessageContaining("Cannot start the Kaltura simulator on 127.0.0.1:" + busy.getLocalPort());
        }
    }
}
