package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.TransportException;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ProxySettings;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.simulator.KalturaSimulator;
import io.github.kalturareport.simulator.KalturaSimulatorExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Fetching through an HTTP proxy that wants credentials, and around it for non-proxy hosts. */
class ProxyOverHttpTest {

    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension();

    @TempDir
    Path out;

    @Test
    void goesThroughAnAuthenticatingProxy() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        try (TestProxy proxy = new TestProxy("proxy-user", "proxy-pass")) {
            FetchResult r = ReportFetcher.fetch(settings(sim, out).reports("rooms")
                    .proxy(new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", "proxy-pass", null))
                    .build(), null);
            assertThat(r.reports().get(0).rows()).isPositive();
            assertThat(proxy.forwarded).singleElement().asString()
                    .startsWith("POST " + sim.baseUrl() + "/api_v3/service/report/action/getCsvFromStringParams")
                    .doesNotContain("ks=");
        }
    }

    @Test
    void wrongProxyCredentialsAreAClearError() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        try (TestProxy proxy = new TestProxy("proxy-user", "proxy-pass")) {
            assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms")
                    .proxy(new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", "nope", null)).build(), null))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("407")
                    .hasMessageNotContaining("nope");
            assertThat(proxy.forwarded).isEmpty();
        }
    }

    @Test
    void nonProxyHostsAreReachedDirectly() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        try (TestProxy proxy = new TestProxy("proxy-user", "proxy-pass")) {
            FetchResult r = ReportFetcher.fetch(settings(sim, out).reports("rooms")
                    .proxy(new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", "proxy-pass",
                            List.of("localhost|127.*")))
                    .build(), null);
            assertThat(r.reports().get(0).rows()).isPositive();
            assertThat(proxy.forwarded).isEmpty();
            assertThat(proxy.refused).isEmpty();
        }
    }
}
