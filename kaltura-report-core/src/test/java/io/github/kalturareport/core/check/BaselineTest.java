package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.check.output.CheckOutputs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A previous run's summary.json, written by a real check run, as the baseline of the next one. */
class BaselineTest {

    private static final String RULES = "attendees:mean(engagement) by entry_id vs previous >= -5%;"
            + " attendees:mean(engagement) >= 50%";

    @TempDir
    Path dir;

    /** The first run: its summary.json, the second run's baseline. */
    private Path firstRun() throws Exception {
        Path week1 = CheckFixtures.allReports(dir.resolve("week1"));
        CheckSettings settings = CheckSettings.builder().inputDirectory(week1).rules(RULES).build();
        CheckResult result = ThresholdChecker.check(settings, null);
        assertThat(result.results()).extracting(RuleResult::verdict).containsExactly(Verdict.NO_DATA,
                Verdict.NO_DATA, Verdict.PASS);
        CheckOutputs.writeAll(settings, result);
        return settings.outputDirectory().resolve("summary.json");
    }

    @Test
    void theNextRunComparesWithTheBaselinesValues() throws Exception {
        Path baseline = firstRun();
        // Week 2: Ann's engagement in 1_a drops from 0.5 to 0.2 (1_a: 0.5 → 0.4); 1_b is as before; 1_c is new.
        Path week2 = CheckFixtures.allReports(dir.resolve("week2"));
        CheckFixtures.write(week2, "attendees.csv", CheckFixtures.ATTENDEES
                .replace("1_a,c1,u1,Ann,ann@example.org,Attendee,10,0.5", "1_a,c1,u1,Ann,ann@example.org,Attendee,10,0.2")
                + "1_c,c4,u5,Ed,ed@example.org,Attendee,5,0.9\n");
        CheckSettings settings = CheckSettings.builder().inputDirectory(week2).rules(RULES).baseline(baseline).build();
        assertThat(settings.baseline()).isEqualTo(baseline);
        CheckResult result = ThresholdChecker.check(settings, null);

        assertThat(result.results()).extracting(RuleResult::group, RuleResult::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry_id=1_a", Verdict.FAIL),
                org.assertj.core.groups.Tuple.tuple("entry_id=1_b", Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple("entry_id=1_c", Verdict.NO_DATA),
                org.assertj.core.groups.Tuple.tuple(null, Verdict.PASS));
        assertThat(result.results().get(0).previous()).isEqualTo(0.5);
        assertThat(result.results().get(0).changeText()).isEqualTo("-10%");
        assertThat(result.results().get(1).changeText()).isEqualTo("0%");
        assertThat(result.results().get(3).previous()).isEqualTo(0.6); // the plain rule shows its previous value
        // A baseline gives two points a trend: its run and this one.
        assertThat(result.trends()).isNotEmpty().allSatisfy(t -> assertThat(t.points()).hasSize(2));
        // A baseline records nothing: the file is as it was.
        String before = Files.readString(baseline);
        CheckOutputs.writeAll(settings, result);
        assertThat(Files.readString(baseline)).isEqualTo(before);
        assertThat(Files.readString(settings.outputDirectory().resolve("report.html"))).contains("<h2>Trends</h2>")
                .contains("2 runs, the last is this one (the other is the baseline");
    }

    @Test
    void aBaselineThatCannotServeIsABadSettingFoundBeforeAnyCsvIsRead() throws Exception {
        Path noInput = dir.resolve("not-there");
        assertThat(refusal(dir.resolve("missing.json"), noInput)).isEqualTo("The baseline " + dir.resolve(
                "missing.json") + " does not exist. Set baseline to the summary.json of an earlier check run (in its"
                + " check folder, or downloaded from the last CI build), or leave it out.");
        assertThat(refusal(dir, noInput)).startsWith("The baseline " + dir + " is a folder, not a file.");
        Path manifest = CheckFixtures.write(dir, "manifest.json", "{\"tool\":{\"name\":\"kaltura-report\"},"
                + "\"reports\":[]}");
        assertThat(refusal(manifest, noInput)).startsWith("The baseline " + manifest + " is not a check's"
                + " summary.json: it has no schemaVersion. Set baseline to");
        Path csv = CheckFixtures.write(dir, "rooms.csv", CheckFixtures.ROOMS);
        assertThat(refusal(csv, noInput)).startsWith("The baseline " + csv + " is not a check's summary.json: it"
                + " cannot be read as one: Unrecognized token");
        Path array = CheckFixtures.write(dir, "array.json", "[1, 2]");
        assertThat(refusal(array, noInput)).contains("is not a check's summary.json: it is not a JSON object.");

        // A summary.json of schema 1, written before results carried their keys.
        String v2 = Files.readString(firstRun());
        Path v1 = CheckFixtures.write(dir, "v1.json", v2.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1")
                .replaceAll("(?m)^ *\"quantityKey\" : \"[^\"]*\",\\n", ""));
        assertThat(refusal(v1, noInput)).isEqualTo("The baseline " + v1 + " is a summary.json of schemaVersion 1,"
                + " written before its results carried their quantity keys, so it cannot give previous values. Run"
                + " the check once with this version and use the summary.json it writes as the baseline of the next"
                + " run, or leave baseline out.");
        Path v3 = CheckFixtures.write(dir, "v3.json", v2.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"));
        assertThat(refusal(v3, noInput)).contains("newer than this version reads (2)");
    }

    private String refusal(Path baseline, Path input) throws Exception {
        CheckSettings settings = CheckSettings.builder().inputDirectory(input).rules(RULES).baseline(baseline)
                .build();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ThresholdChecker.check(settings,
                null));
        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        assertThat(((ConfigurationException) thrown).parameter()).isEqualTo("baseline");
        return thrown.getMessage();
    }
}
