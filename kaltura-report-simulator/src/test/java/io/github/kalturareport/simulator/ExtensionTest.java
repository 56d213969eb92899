package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension: one simulator per class, a clean log and restored faults before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTest {
    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension(() -> KalturaSimulator.builder()
            .fault(Fault.badGateway().forFirst(1).only("session", "start")));
    static int firstPort;

    @Test
    @Order(1)
    void firstTestSeesTheConfiguredFaultAndLeavesARuntimeOne(KalturaSimulator injected) {
        assertThat(injected).isSameAs(SIM.simulator());
        assertThat(injected.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        firstPort = injected.port();
        assertThat(Http.post(injected, "session", "start", Http.params()).statusCode()).isEqualTo(502);
        injected.addFault(Fault.serviceUnavailable(1));
    }

    @Test
    @Order(2)
    void nextTestStartsCleanOnTheSameServer() {
        KalturaSimulator sim = SIM.simulator();
        assertThat(sim.port()).isEqualTo(firstPort);
        assertThat(sim.requests()).isEmpty();
        assertThat(sim.faults()).hasSize(1);
        // The builder's fault is back with a fresh counter; the runtime 503 is gone.
        assertThat(Http.post(sim, "session", "start", Http.params()).statusCode()).isEqualTo(502);
        assertThat(Http.post(sim, "session", "start", Http.params()).statusCode()).isEqualTo(200);
    }

    @Nested
    class Inner {
        @Test
        void nestedClassesShareTheOuterSimulator(KalturaSimulator sim) {
            assertThat(sim.port()).isEqualTo(SIM.simulator().port());
        }
    }
}
