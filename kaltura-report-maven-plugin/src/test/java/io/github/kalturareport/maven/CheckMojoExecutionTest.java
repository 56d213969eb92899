package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal run on real CSV files through the core: how verdicts and errors become Maven outcomes. */
@MojoTest
class CheckMojoExecutionTest {

    @TempDir
    Path reports;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void writeRooms() throws Exception {
        Files.writeString(reports.resolve("rooms.csv"), "entry_id,entry_name,parent_entry_id,cue_point_id,"
                + "session_start_time,session_end_time,session_host_user_id,meeting_view_period_unique_users,"
                + "meeting_engaged_play_time_ratio\n"
                + "1_a,Room A,,1_c1,1745222400,1745226000,host,12,0.75\n"
                + "1_b,Room B,,1_c2,1745222400,1745226000,host,3,0.40\n", StandardCharsets.UTF_8);
    }

    private CheckMojo prepare(CheckMojo mojo, String rules, boolean halt) {
        mojo.setLog(log);
        mojo.inputDirectory = reports.toFile();
        mojo.rules = rules;
        mojo.haltOnFailure = halt;
        mojo.environment = Map.of("GITHUB_STEP_SUMMARY", reports.resolve("step-summary.md").toString());
        return mojo;
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void passingRulesLogEveryActualValueAndWriteTheFiles(CheckMojo mojo) throws Exception {
        prepare(mojo, "rooms:count(entry_id) >= 2; rooms:max(engagement) <= 100%", true).execute();

        assertThat(String.join("\n", log.lines)).contains("rooms:count(entry_id)", "rooms:max(engagement)", "75",
                "All 2 threshold checks passed.");
        // The last lines name the files to open.
        int last = log.lines.size();
        assertThat(log.lines.get(last - 2)).startsWith("INFO CSV files: ").endsWith("*.csv");
        assertThat(log.lines.get(last - 1)).startsWith("INFO Report:    ")
                .contains(reports.resolve("check").resolve("report.html").getFileName().toString());
        assertThat(reports.resolve("check/TEST-kaltura-thresholds.xml")).exists();
        assertThat(reports.resolve("check/summary.md")).exists();
        assertThat(reports.resolve("step-summary.md")).exists();
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void errorBreachFailsNamingEachBreachAfterWritingTheFiles(CheckMojo mojo) {
        prepare(mojo, "rooms:min(uniqueUsers) by entry_id >= 5; rooms:mean(engagement) >= 90%", true);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("2 thresholds breached:")
                .hasMessageContaining("entry_id=1_b")
                .hasMessageContaining("rooms:mean(engagement)");
        assertThat(reports.resolve("check/TEST-kaltura-thresholds.xml")).exists();
        assertThat(reports.resolve("check/summary.json")).exists();
        assertThat(log.lines).anyMatch(line -> line.startsWith("ERROR ") && line.contains("entry_id=1_b"));
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void haltOnFailureFalseNeverFails(CheckMojo mojo) {
        prepare(mojo, "rooms:min(uniqueUsers) >= 5", false);

        assertThatCode(mojo::execute).doesNotThrowAnyException();
        assertThat(log.lines).contains("WARN 1 threshold breached; haltOnFailure=false, so the build continues.");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void aBaselineOnTheCommandLineServesVsPreviousRules(CheckMojo mojo) throws Exception {
        String rules = "rooms:mean(engagement) by entry_id vs previous >= -5%";
        prepare(mojo, rules, true).execute(); // no baseline: every group is NO DATA
        Path baseline = Files.move(reports.resolve("check/summary.json"), reports.resolve("last-build.json"));
        Files.writeString(reports.resolve("rooms.csv"), Files.readString(reports.resolve("rooms.csv"))
                .replace(",12,0.75", ",12,0.60"), StandardCharsets.UTF_8);
        when(mojo.session.getUserProperties()).thenReturn(FetchMojoBindingTest.properties(
                "kaltura.baseline", baseline.toString()));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("actual 60% (previous 75%, change -15%) for entry_id=1_a");
        assertThat(mojo.baseline).isEqualTo(baseline.toFile());
        assertThat(log.lines).anyMatch(line -> line.contains("PREVIOUS") && line.contains("CHANGE"));
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void aMissingBaselineFailsEvenWithHaltOnFailureFalseNamingTheSetting(CheckMojo mojo) {
        prepare(mojo, "rooms:mean(engagement) vs previous >= -5%", false);
        mojo.baseline = reports.resolve("nowhere/summary.json").toFile();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("does not exist")
                .hasMessageEndingWith("[POM: <baseline>, command line: -Dkaltura.baseline]");
        assertThat(reports.resolve("check")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void haltOnFailureFalseStillFailsOnABadRule(CheckMojo mojo) {
        prepare(mojo, "rooms:mean(engagment) >= 60%", false);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("rooms:mean(engagment) >= 60%")
                .hasMessageContaining("^");
        assertThat(reports.resolve("check")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void haltOnFailureFalseLogsUnreadableInputWithoutFailing(CheckMojo mojo) {
        prepare(mojo, "attendees:mean(engagement) >= 60%", false);

        assertThatCode(mojo::execute).doesNotThrowAnyException();
        assertThat(log.lines).anyMatch(line -> line.startsWith("ERROR ") && line.contains("attendees.csv"));
        assertThat(log.lines).contains(
                "WARN kaltura-report:check could not run; haltOnFailure=false, so the build continues.");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/check-configured/pom.xml")
    void commandLineRulesAndHaltOnFailureWinOverThePom(CheckMojo mojo) {
        prepare(mojo, null, false);
        mojo.rules = "rooms:count(entry_id) >= 1";
        when(mojo.session.getUserProperties()).thenReturn(FetchMojoBindingTest.properties(
                "kaltura.rules", "rooms:min(uniqueUsers) >= 5", "kaltura.haltOnFailure", "true",
                "kaltura.outputDirectory", reports.toString()));
        mojo.thresholds = null;
        mojo.baseline = null; // the POM names one that does not exist

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("rooms:min(uniqueUsers)");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void warningBreachIsLoggedAsAWarningOnly(CheckMojo mojo) throws Exception {
        prepare(mojo, null, true);
        ThresholdSpec spec = new ThresholdSpec();
        spec.setReport("rooms");
        spec.setMetric("uniqueUsers");
        spec.setAggregate("min");
        spec.setMinimum("5");
        spec.setSeverity("warning");
        mojo.thresholds = java.util.List.of(spec);

        mojo.execute();

        assertThat(log.lines).anyMatch(line -> line.startsWith("WARN ") && line.contains("uniqueUsers"));
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void badRuleIsAnExecutionErrorWithTheCoresMessage(CheckMojo mojo) {
        prepare(mojo, "rooms:avg(engagement) >>= 5", true);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("rooms:avg(engagement) >>= 5");
        assertThat(new File(reports.toFile(), "check")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void theLogShowsTheTableThenEachBreach(CheckMojo mojo) throws Exception {
        prepare(mojo, "rooms:count(entry_id) >= 2; rooms:min(uniqueUsers) by entry_id >= 5 severity=warning", true)
                .execute();

        assertThat(log.lines.subList(0, 9)).containsExactly(
                "WARN attendees.csv is not in " + reports + ": the report shows no attendees figures.",
                "WARN breakouts.csv is not in " + reports + ": the report shows no breakouts figures.",
                "INFO RULE                                                      GROUP         ACTUAL  EXPECTED  "
                        + "VERDICT",
                "INFO --------------------------------------------------------  ------------  ------  --------  "
                        + "-------",
                "INFO rooms:count(entry_id) >= 2                                -             2       >= 2      PASS",
                "INFO rooms:min(uniqueUsers) by entry_id >= 5 severity=warning  entry_id=1_a  12      >= 5      PASS",
                "INFO rooms:min(uniqueUsers) by entry_id >= 5 severity=warning  entry_id=1_b  3       >= 5      WARN",
                "WARN rooms:min(uniqueUsers) by entry_id >= 5 severity=warning — actual 3 for entry_id=1_b",
                "INFO All 3 threshold checks passed or only warned (1).");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void messagesAboutInputNameTheFetchGoalAndTheProperty(CheckMojo mojo) throws Exception {
        prepare(mojo, "attendees:mean(engagement) >= 60%", true);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("attendees.csv is not in " + reports + ", but the rule 'attendees:mean(engagement) >= 60%'"
                        + " reads it. Run kaltura-report:fetch first with reports including attendees, or point"
                        + " inputDirectory (-Dkaltura.outputDirectory=...) at the folder that holds it.");

        Files.writeString(reports.resolve("attendees.csv"), "entry_id,meeting_engaged_play_time_ratio\n\"1_a,0.5\n");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("attendees.csv line 2 cannot be read as CSV: ")
                .hasMessageEndingWith(". Run kaltura-report:fetch again to rewrite the file.");

        Files.writeString(reports.resolve("attendees.csv"), "entry_id,meeting_engaged_play_time_ratio\n1_a,high\n");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("attendees.csv line 2, column meeting_engaged_play_time_ratio: 'high' is not a number."
                        + " Fix the file or run kaltura-report:fetch again, or use count or distinct for a text"
                        + " column.");

        mojo.inputDirectory = reports.resolve("missing").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("The inputDirectory " + reports.resolve("missing") + " does not exist. Run"
                        + " kaltura-report:fetch first, or set inputDirectory (-Dkaltura.outputDirectory=...) to the"
                        + " folder holding the fetched CSVs.");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void aBadTimeZoneOrNoInputDirectoryFailsNamingWhereItIsSet(CheckMojo mojo) {
        prepare(mojo, "rooms:count(entry_id) >= 1", false);
        mojo.timeZone = "Mars/Base";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Unknown timeZone 'Mars/Base': use a zone id such as UTC, Europe/Paris or"
                        + " America/New_York. [POM: <timeZone>, command line: -Dkaltura.timeZone]");

        mojo.timeZone = "UTC";
        mojo.inputDirectory = null;
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("No inputDirectory: set it to the folder holding the fetched CSVs (by default the"
                        + " fetch's outputDirectory). [POM: <inputDirectory>, command line:"
                        + " -Dkaltura.outputDirectory]");
        assertThat(reports.resolve("check")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void aBlankTimeZoneOnTheCommandLineIsUtc(CheckMojo mojo) throws Exception {
        prepare(mojo, "rooms:count(entry_id) >= 2", true);
        when(mojo.session.getUserProperties()).thenReturn(FetchMojoBindingTest.properties("kaltura.timeZone", " "));

        mojo.execute();

        assertThat(mojo.timeZone).isBlank();
        assertThat(Files.readString(reports.resolve("check/summary.json"))).contains("\"timeZone\" : \"UTC\"");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void anArchiveRecordsEveryRunAndServesVsPreviousRules(CheckMojo mojo) throws Exception {
        Path archive = reports.resolve("kaltura.db");
        prepare(mojo, "rooms:mean(engagement) by entry_id vs previous >= -5%", true);
        when(mojo.session.getUserProperties()).thenReturn(FetchMojoBindingTest.properties(
                "kaltura.archive", archive.toString()));
        mojo.execute(); // the first run: nothing earlier, every group NO DATA, never a failure
        assertThat(log.lines).anyMatch(line -> line.contains("entry_id=1_a") && line.endsWith("NO DATA"));
        Files.writeString(reports.resolve("rooms.csv"), Files.readString(reports.resolve("rooms.csv"))
                .replace(",12,0.75", ",12,0.60"), StandardCharsets.UTF_8);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("actual 60% (previous 75%, change -15%) for entry_id=1_a");
        assertThat(mojo.archive).isEqualTo(archive.toString());
        try (java.sql.Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + archive, new java.util.Properties());
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT x.run_id, x.group_value, x.verdict FROM"
                        + " kaltura_check_results x ORDER BY x.run_id, x.seq")) {
            java.util.List<String> rows = new java.util.ArrayList<>();
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3));
            }
            assertThat(rows).containsExactly("1 entry_id=1_a NO_DATA", "1 entry_id=1_b NO_DATA",
                    "2 entry_id=1_a FAIL", "2 entry_id=1_b PASS");
        }
        assertThat(Files.readString(reports.resolve("check/report.html"))).contains("<h2>Trends</h2>");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void anArchiveAndABaselineTogetherFailNamingTheBaseline(CheckMojo mojo) {
        prepare(mojo, "rooms:mean(engagement) vs previous >= -5%", false);
        mojo.archive = reports.resolve("kaltura.db").toString();
        mojo.baseline = reports.resolve("last-build.json").toFile();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Both an archive and a baseline are given.")
                .hasMessageEndingWith("[POM: <baseline>, command line: -Dkaltura.baseline]");
        assertThat(reports.resolve("check")).doesNotExist();
        assertThat(reports.resolve("kaltura.db")).doesNotExist();
    }
}
