package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch goal's dry run ({@code simulator=true}) against the built-in simulator, started and stopped by the goal. */
@MojoTest
class FetchMojoSimulatorTest {

    private static final Pattern SIMULATOR_URL = Pattern.compile("simulator at http://127\\.0\\.0\\.1:(\\d+)");

    private final RecordingLog log = new RecordingLog();

    @TempDir
    Path output;

    private FetchMojo prepare(FetchMojo mojo) {
        mojo.setLog(log);
        mojo.simulator = true;
        mojo.reports = "rooms,attendees";
        mojo.outputDirectory = output.toFile();
        // Neither a configured server nor credentials are used: the simulator brings its own.
        mojo.serviceUrl = "http://127.0.0.1:9";
        mojo.partnerId = "4242";
        mojo.environment = Map.of();
        mojo.project.setArtifact(new DefaultArtifact("test", "fetch-default", "1", "compile", "pom", null,
                new DefaultArtifactHandler("pom")));
        return mojo;
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void fetchesSimulatedDataWithoutCredentialsSaysSoAndStopsTheSimulator(FetchMojo mojo) throws Exception {
        prepare(mojo).execute();

        assertThat(output.resolve("rooms.csv")).exists();
        assertThat(Files.readAllLines(output.resolve("attendees.csv"))).hasSizeGreaterThan(1);
        assertThat(Files.readString(output.resolve("manifest.json"))).containsPattern("\"partnerId\"\\s*:\\s*1000")
                .contains("http://127.0.0.1:");
        String text = String.join("\n", log.lines);
        assertThat(text).contains("WARN SIMULATED DATA").contains("made up")
                .contains("Kaltura credentials from the built-in simulator (partner 1000)")
                .doesNotContain("simulator-secret");
        Matcher port = SIMULATOR_URL.matcher(text);
        assertThat(port.find()).isTrue();
        assertThat(listening(Integer.parseInt(port.group(1)))).as("the simulator is stopped after the fetch").isFalse();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void theDryRunServesTheMicroservicesReportsFromTheSimulatorWhateverReportsServiceUrlSays(FetchMojo mojo)
            throws Exception {
        prepare(mojo).reports = "chatTranscripts,chatActivity";
        mojo.reportsServiceUrl = "http://127.0.0.1:9";
        mojo.execute();

        assertThat(Files.readAllLines(output.resolve("chatTranscripts.csv")).get(0)).startsWith("entryId,");
        assertThat(Files.readAllLines(output.resolve("chatActivity.csv"))).hasSizeGreaterThan(1);
        assertThat(Files.readString(output.resolve("manifest.json"))).contains("\"groupChatTranscripts\"");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void commandLineSimulatorAndSeedWinAndTheSameSeedGivesTheSameData(FetchMojo mojo) throws Exception {
        prepare(mojo).simulator = false;
        mojo.from = "2020-01-01";
        when(mojo.session.getUserProperties()).thenReturn(FetchMojoBindingTest.properties(
                "kaltura.simulator", "true", "kaltura.simulatorSeed", "7"));
        mojo.execute();
        String first = Files.readString(output.resolve("rooms.csv"));
        mojo.execute();

        assertThat(Files.readString(output.resolve("rooms.csv"))).isEqualTo(first);
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void aSecretOnTheCommandLineIsStillRefused(FetchMojo mojo) {
        prepare(mojo);
        when(mojo.session.getUserProperties()).thenReturn(FetchMojoBindingTest.properties(
                "kaltura.adminSecret", "cli-secret-value"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("-Dkaltura.adminSecret").hasMessageNotContaining("cli-secret-value");
        assertThat(String.join("\n", log.lines)).doesNotContain("SIMULATED");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void aBadSeedNamesTheParameter(FetchMojo mojo) {
        prepare(mojo).simulatorSeed = "forty-two";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Invalid simulatorSeed 'forty-two'")
                .hasMessageContaining("-Dkaltura.simulatorSeed");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void badConfigurationFailsAndStillStopsTheSimulator(FetchMojo mojo) {
        prepare(mojo).userIds = "alice";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("userIds");
        Matcher port = SIMULATOR_URL.matcher(String.join("\n", log.lines));
        assertThat(port.find()).isTrue();
        assertThat(listening(Integer.parseInt(port.group(1)))).isFalse();
        assertThat(output.resolve("rooms.csv")).doesNotExist();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
