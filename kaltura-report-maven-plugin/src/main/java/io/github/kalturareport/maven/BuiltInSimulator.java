package io.github.kalturareport.maven;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.simulator.KalturaSimulator;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The built-in Kaltura API simulator a dry run of {@code fetch} talks to: started in-process on 127.0.0.1 and a
 * free port with its default partner and secret, and stopped by {@link #close()}. Its data is made up.
 */
final class BuiltInSimulator implements AutoCloseable {

    private final KalturaSimulator simulator;

    private BuiltInSimulator(KalturaSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Starts the simulator.
     *
     * @param seed the data's seed as typed ({@code simulatorSeed}); blank = the simulator's default
     */
    static BuiltInSimulator start(String seed) throws ConfigurationException, MojoExecutionException {
        quietJetty();
        KalturaSimulator.Builder builder = KalturaSimulator.builder().host("127.0.0.1").port(0);
        if (seed != null && !seed.isBlank()) {
            try {
                builder.seed(Long.parseLong(seed.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("simulatorSeed", "Invalid simulatorSeed '" + seed.trim()
                        + "': use a whole number such as 42.", e);
            }
        }
        try {
            return new BuiltInSimulator(builder.start());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Cannot start the built-in Kaltura API simulator: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the embedded server's start and stop lines out of the build log: Maven's SLF4J logger reads a logger's
     * level from this system property when the logger is made, that is when Jetty's classes load, just after.
     * A level the user set (e.g. {@code -Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=info}) is kept.
     */
    private static void quietJetty() {
        String property = "org.slf4j.simpleLogger.log.org.eclipse.jetty";
        if (System.getProperty(property) == null) {
            System.setProperty(property, "warn");
        }
    }

    /** The simulator's base URL, {@code http://127.0.0.1:PORT}. */
    String baseUrl() {
        return simulator.baseUrl();
    }

    /** The simulator's own partner and admin secret, in place of any configured credentials. */
    ResolvedCredentials credentials() {
        return new ResolvedCredentials(Integer.toString(simulator.partnerId()),
                Credentials.adminSecret(simulator.adminSecret()), "the built-in simulator (partner "
                        + simulator.partnerId() + ")");
    }

    @Override
    public void close() {
        simulator.close();
    }
}
