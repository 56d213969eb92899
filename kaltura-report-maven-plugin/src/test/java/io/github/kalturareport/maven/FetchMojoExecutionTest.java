package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import io.github.kalturareport.simulator.KalturaSimulator;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch goal run through the real core against the embedded simulator on a free local port. */
@MojoTest
class FetchMojoExecutionTest {

    private final KalturaSimulator simulator = KalturaSimulator.builder().rooms(3).sessionsPerRoom(4)
            .attendeesPerSession(5).start();
    private final RecordingLog log = new RecordingLog();

    @TempDir
    Path output;

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private FetchMojo prepare(FetchMojo mojo, String reports, String secret) {
        mojo.setLog(log);
        mojo.serviceUrl = simulator.baseUrl();
        mojo.reports = reports;
        mojo.period = "LAST_120_DAYS";
        mojo.outputDirectory = output.toFile();
        mojo.environment = Map.of("KALTURA_PARTNER_ID", "1000", "KALTURA_ADMIN_SECRET", secret);
        // The harness's project has no main artifact; attached artifacts hang off it.
        mojo.project.setArtifact(new DefaultArtifact("test", "fetch-default", "1", "compile", "pom", null,
                new DefaultArtifactHandler("pom")));
        return mojo;
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void fetchesLogsOneLinePerReportAndAttachesEachCsv(FetchMojo mojo) throws Exception {
        prepare(mojo, "rooms,attendees", "simulator-secret").execute();

        assertThat(output.resolve("rooms.csv")).exists();
        assertThat(output.resolve("attendees.csv")).exists();
        assertThat(output.resolve("manifest.json")).exists();
        assertThat(log.lines).anyMatch(line -> line.matches("INFO rooms: \\d+ rows, 1 window, 1 request, \\d+ rows served, 0 retries, .* s -> .*rooms.csv"));
        assertThat(mojo.project.getAttachedArtifacts()).extracting(Artifact::getClassifier, Artifact::getType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("kaltura-rooms", "csv"),
                        org.assertj.core.groups.Tuple.tuple("kaltura-attendees", "csv"));
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void commandLineReportsAndAttachWinOverThePom(FetchMojo mojo) throws Exception {
        prepare(mojo, "rooms,attendees,breakouts", "simulator-secret");
        when(mojo.session.getUserProperties()).thenReturn(FetchMojoBindingTest.properties(
                "kaltura.reports", "breakouts", "kaltura.attach", "false"));

        mojo.execute();

        assertThat(output.resolve("breakouts.csv")).exists();
        assertThat(output.resolve("rooms.csv")).doesNotExist();
        assertThat(mojo.project.getAttachedArtifacts()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void wrongSecretIsAnExecutionErrorWithoutTheSecretOrAFile(FetchMojo mojo) {
        prepare(mojo, "rooms", "not-the-secret-1234");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("INVALID_KS")
                .hasMessageNotContaining("not-the-secret-1234");
        assertThat(output.resolve("rooms.csv")).doesNotExist();
        assertThat(String.join("\n", log.lines)).doesNotContain("not-the-secret-1234");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void badConfigurationFailsBeforeAnyRequest(FetchMojo mojo) {
        prepare(mojo, "rooms", "simulator-secret");
        mojo.userIds = "alice";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("userIds");
        assertThat(simulator.requests()).isEmpty();
    }

    static final String KEY = "plugin-pseudonym-key-never-shown";

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void pseudonymizeTakesTheKeyFromTheEnvironmentAndLogsWhereNeverWhat(FetchMojo mojo) throws Exception {
        prepare(mojo, "attendees", "simulator-secret");
        mojo.environment = Map.of("KALTURA_PARTNER_ID", "1000", "KALTURA_ADMIN_SECRET", "simulator-secret",
                "KALTURA_PSEUDONYM_KEY", KEY);
        when(mojo.session.getUserProperties()).thenReturn(FetchMojoBindingTest.properties(
                "kaltura.personalData", "pseudonymize", "kaltura.personalColumns", "user_email=drop"));

        mojo.execute();

        String csv = java.nio.file.Files.readString(output.resolve("attendees.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).contains("user_id", "user_name")
                .doesNotContain("user_email");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).containsPattern(",p_[0-9a-f]{16},p_[0-9a-f]{16},");
        assertThat(csv).doesNotContain("@");
        assertThat(log.lines).contains("INFO Pseudonym key from environment variable KALTURA_PSEUDONYM_KEY");
        assertThat(String.join("\n", log.lines)).doesNotContain(KEY);
        for (java.io.File f : output.toFile().listFiles()) {
            assertThat(java.nio.file.Files.readString(f.toPath())).doesNotContain(KEY);
        }
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void pseudonymizeWithoutAKeyFailsBeforeAnyRequestNamingWhereTheKeyGoes(FetchMojo mojo) {
        prepare(mojo, "rooms", "simulator-secret");
        mojo.personalData = "pseudonymize";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("personalData=pseudonymize needs a pseudonym key")
                .hasMessageContaining("settings.xml server 'kaltura-pseudonym'")
                .hasMessageContaining("KALTURA_PSEUDONYM_KEY")
                .hasMessageContaining("-Dkaltura.personalData");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void aRuleOfTheCheckOnADroppedColumnFailsTheFetchBeforeAnyRequest(FetchMojo mojo) {
        prepare(mojo, "attendees", "simulator-secret");
        mojo.personalData = "drop";
        mojo.rules = "attendees:mean(engagement) >= 0%; attendees:distinct(user_email) >= 1";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("user_email is personal data that the fetch drops (personalData=drop)")
                .hasMessageContaining("-Dkaltura.rules");
        assertThat(simulator.requests()).isEmpty();
        assertThat(output.resolve("attendees.csv")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void aBadRuleOfTheCheckFailsTheFetchBeforeAnyRequestWithTheChecksMessage(FetchMojo mojo) {
        prepare(mojo, "rooms", "simulator-secret");
        mojo.rules = "rooms:mean(engagement) >= 40%; rooms:meen(engagement) >= 60%";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Bad rule in 'rules': unknown aggregate 'meen'; did you mean 'mean'? Or use"
                        + " min, max, mean, wmean, sum, count, distinct, each or a percentile such as p95.\n"
                        + "  rooms:meen(engagement) >= 60%\n"
                        + "        ^^^^")
                .hasMessageContaining("-Dkaltura.rules");
        assertThat(simulator.requests()).isEmpty();
        assertThat(output.resolve("rooms.csv")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void aBadThresholdOfTheCheckFailsTheFetchBeforeAnyRequest(FetchMojo mojo) {
        prepare(mojo, "rooms", "simulator-secret");
        ThresholdSpec spec = new ThresholdSpec();
        spec.setReport("rooms");
        spec.setMetric("engagement");
        spec.setAggregate("wmean");
        spec.setMinimum("50%");
        mojo.thresholds = java.util.List.of(spec);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Bad threshold #1 in 'thresholds': wmean weighs each row by its view time, but"
                        + " report rooms has no view-time column;");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void goodRulesOfTheCheckLetTheFetchRun(FetchMojo mojo) throws Exception {
        prepare(mojo, "attendees", "simulator-secret");
        mojo.rules = "attendees:wmean(engagement) by entry_id when count >= 3 >= 0%; attendees:avg(viewTime) >= 0;"
                + " attendees:mean(engagement) by entry_id vs previous >= -5%";
        ThresholdSpec change = new ThresholdSpec();
        change.setReport("attendees");
        change.setMetric("viewTime");
        change.setAggregate("sum");
        change.setMinimum("-100");
        change.setCompareTo("previous");
        mojo.thresholds = java.util.List.of(change);

        mojo.execute();

        assertThat(output.resolve("attendees.csv")).exists();
        assertThat(simulator.requests()).isNotEmpty();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void aBadVsPreviousRuleOrCompareToFailsTheFetchBeforeAnyRequest(FetchMojo mojo) {
        prepare(mojo, "attendees", "simulator-secret");
        mojo.rules = "attendees:each(engagement) vs previous >= -5%";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Bad rule in 'rules': each judges every row on its own, so it has no one value"
                        + " to compare with the previous run's; use min, max, mean or a percentile with vs previous.\n"
                        + "  attendees:each(engagement) vs previous >= -5%\n"
                        + "                             ^^^^^^^^^^^")
                .hasMessageContaining("-Dkaltura.rules");
        mojo.rules = null;
        ThresholdSpec spec = new ThresholdSpec();
        spec.setReport("attendees");
        spec.setMetric("engagement");
        spec.setAggregate("mean");
        spec.setMinimum("-5%");
        spec.setCompareTo("last");
        mojo.thresholds = java.util.List.of(spec);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Bad threshold #1 in 'thresholds': unknown compareTo 'last'");
        assertThat(simulator.requests()).isEmpty();
        assertThat(output.resolve("attendees.csv")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void anArchiveIsLoadedWithTheFiles(FetchMojo mojo) throws Exception {
        prepare(mojo, "rooms,attendees", "simulator-secret");
        mojo.archive = output.resolve("archive.db").toString();
        mojo.execute();

        long csvRows = java.nio.file.Files.readAllLines(output.resolve("attendees.csv")).size() - 1;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + mojo.archive);
                java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM attendees")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(csvRows).isPositive();
        }
        assertThat(java.nio.file.Files.readString(output.resolve("manifest.json"))).contains("\"archive\"");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void aMisspeltArchiveFailsBeforeAnyRequestWithWhereToFixIt(FetchMojo mojo) {
        prepare(mojo, "rooms", "simulator-secret");
        mojo.archive = "jdbc:postgres://127.0.0.1/kaltura";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("did you mean jdbc:postgresql:")
                .hasMessageContaining("-Dkaltura.archive");
        assertThat(simulator.requests()).isEmpty();
    }
}
