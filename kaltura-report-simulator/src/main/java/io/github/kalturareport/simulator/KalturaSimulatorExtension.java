package io.github.kalturareport.simulator;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: starts a simulator on a free port of 127.0.0.1 before the test class and stops it after.
 * Before each test it clears the request log and restores the configured faults (with fresh counters), so tests
 * of one class do not see each other's requests or runtime faults.
 *
 * <pre>{@code
 * @ExtendWith(KalturaSimulatorExtension.class)
 * class MyTest {
 *     @Test void fetches(KalturaSimulator sim) { ... sim.baseUrl() ... }
 * }
 *
 * class MyOtherTest {
 *     @RegisterExtension
 *     static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension(
 *             () -> KalturaSimulator.builder().seed(7).rooms(3));
 *     @Test void fetches() { ... SIM.simulator().baseUrl() ... }
 * }
 * }</pre>
 *
 * Register it on a static field (or with {@code @ExtendWith}); a nested test class shares its outer class's
 * simulator.
 */
public final class KalturaSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private final Supplier<KalturaSimulator.Builder> configuration;
    private KalturaSimulator simulator;
    private String owner;

    /** A simulator with the defaults (port 0, partner 1000, secret simulator-secret, seed 42). */
    public KalturaSimulatorExtension() {
        this(KalturaSimulator::builder);
    }

    /** A simulator from this builder; the supplier is called once per test class. Its port should stay 0. */
    public KalturaSimulatorExtension(Supplier<KalturaSimulator.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /** The running simulator (between the class's start and end). */
    public KalturaSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The Kaltura simulator runs only while the test class runs; register "
                    + "the extension on a static field or with @ExtendWith.");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (simulator == null) {
            simulator = configuration.get().start();
            owner = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null && context.getUniqueId().equals(owner)) {
            try {
                simulator.close();
            } finally {
                simulator = null;
                owner = null;
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        KalturaSimulator sim = simulator();
        sim.clearRequests();
        sim.resetFaults();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KalturaSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }
}
