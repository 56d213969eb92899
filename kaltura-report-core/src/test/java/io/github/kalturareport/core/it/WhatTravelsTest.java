package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.check.RuleResult;
import io.github.kalturareport.core.check.ThresholdChecker;
import io.github.kalturareport.core.check.output.CheckOutputs;
import io.github.kalturareport.core.config.SettingParser;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.simulator.KalturaSimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything a check of a breaching run writes or logs — the console table and messages, JUnit XML, summary.md and
 * the step summary, summary.json, report.html — holds no e-mail address and no attendee's name, in every mode; and
 * its offending rows name the room, session and user they are about.
 */
class WhatTravelsTest {

    /** A local-part character right before an {@code @}: an address that was not masked ({@code a…@x} is). */
    static final Pattern ADDRESS = Pattern.compile("[\\p{L}\\p{N}._%+'-]@");
    static final Pattern PSEUDONYM = Pattern.compile("p_[0-9a-f]{16}");

    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension();

    /** The simulator's attendees, taken from its own data: their names, e-mail addresses and ids. */
    static final Set<String> NAMES = new LinkedHashSet<>();
    static final Set<String> EMAILS = new LinkedHashSet<>();
    static String someEmail;
    static String someName;

    @TempDir
    Path out;

    @BeforeAll
    static void attendees(@TempDir Path dir) throws Exception {
        ReportFetcher.fetch(settings(SIM.simulator(), dir).reports("attendees").build(), null);
        for (CSVRecord r : PersonalDataOverHttpTest.records(dir.resolve("attendees.csv"))) {
            NAMES.add(r.get("user_name"));
            EMAILS.add(r.get("user_email"));
            if (r.get("user_id").contains("@")) {
                EMAILS.add(r.get("user_id"));
            }
        }
        NAMES.remove("");
        EMAILS.remove("");
        someEmail = EMAILS.iterator().next();
        someName = NAMES.iterator().next();
        assertThat(NAMES).hasSizeGreaterThan(10);
        assertThat(someEmail).contains("@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keep", "pseudonymize", "drop"})
    void noOutputHoldsAnAddressOrANameAndOffendingRowsSayWhichRowTheyAre(String mode) throws Exception {
        ReportFetcher.fetch(settings(SIM.simulator(), out).personalData(mode)
                .pseudonymKey(PersonalDataOverHttpTest.KEY).build(), null);
        List<String> rules = new ArrayList<>(List.of("rooms:each(engagement) >= 99%",
                "attendees:each(engagement) >= 99%", "breakouts:each(engagement) >= 99%",
                "attendees:mean(engagement) by entry_id >= 99%"));
        if (!mode.equals("drop")) {
            rules.addAll(List.of("attendees:mean(engagement) by user_email >= 99%",
                    "attendees:count(cue_point_id) by user_name >= 1000",
                    "attendees:mean(engagement) by user_id >= 99%",
                    "attendees:count(cue_point_id) where user_email=" + someEmail + " >= 1000",
                    "attendees:count(cue_point_id) where user_name=\"" + someName + "\" >= 1000",
                    "rooms:count(entry_id) by session_host_user_id >= 1000",
                    "breakouts:count(cue_point_id) by session_initiator >= 1000"));
        }
        Path stepSummary = Files.createTempFile(out, "step", ".md");
        CheckSettings check = CheckSettings.builder().inputDirectory(out).rules(String.join("; ", rules))
                .personalData(SettingParser.personalData(mode, null)).githubStepSummary(stepSummary).build();
        CheckResult result = ThresholdChecker.check(check, null);
        assertThat(result.errors()).hasSizeGreaterThan(rules.size() - 1);
        List<Path> files = CheckOutputs.writeAll(check, result);

        List<String> travels = new ArrayList<>(CheckOutputs.consoleTable(result));
        result.results().forEach(r -> travels.add(r.message()));
        for (Path f : files) {
            travels.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        travels.add(Files.readString(stepSummary, StandardCharsets.UTF_8));
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("TEST-kaltura-thresholds.xml",
                "summary.md", "summary.json", "report.html");
        String all = String.join("\n", travels);
        Matcher address = ADDRESS.matcher(all);
        assertThat(address.find()).as(() -> "an address near: " + all.substring(Math.max(0, address.start() - 40),
                Math.min(all.length(), address.end() + 40))).isFalse();
        for (String name : NAMES) {
            assertThat(all).doesNotContain(name);
        }
        for (String email : EMAILS) {
            assertThat(all).doesNotContain(email);
        }

        // Offending rows name their room, session and user, then the value and the line, in every format.
        JsonNode json = new ObjectMapper().readTree(out.resolve("check/summary.json").toFile());
        List<String> expectedKeys = List.of("[entry_name, cue_point_id, session_start_time]",
                mode.equals("drop") ? "[entry_id, cue_point_id]" : "[entry_id, cue_point_id, user_id]",
                "[breakout_entry_name, cue_point_id]");
        for (int i = 0; i < 3; i++) {
            JsonNode row = json.get("results").get(i).get("offendingRows").get(0);
            List<String> keys = new ArrayList<>();
            row.get("identity").fieldNames().forEachRemaining(keys::add);
            assertThat(keys.toString()).isEqualTo(expectedKeys.get(i));
            assertThat(row.get("line").asLong()).isGreaterThan(1);
        }
        JsonNode attendee = json.get("results").get(1).get("offendingRows").get(0).get("identity");
        if (mode.equals("pseudonymize")) {
            assertThat(attendee.get("user_id").asText()).matches(PSEUDONYM);
        }
        RuleResult rooms = result.results().get(0);
        String roomRow = rooms.offendingRows().get(0).text();
        assertThat(roomRow).matches("entry_name=.+, cue_point_id=.+, session_start_time=\\d{4}-\\d\\d-\\d\\dT.+: "
                + "[0-9.]+ \\(line \\d+\\)");
        for (Path f : files) {
            assertThat(Files.readString(f)).as(f.toString()).contains("cue_point_id=", "(line ");
        }
        assertThat(Files.readString(out.resolve("check/summary.md"))).contains(roomRow);
        assertThat(Files.readString(out.resolve("check/TEST-kaltura-thresholds.xml"))).contains(roomRow);
        if (!mode.equals("drop")) {
            assertThat(all).contains("where user_name=(hidden)", "user_name=(hidden)");
            if (mode.equals("keep")) {
                assertThat(all).contains("…@");
            }
        }
    }
}
