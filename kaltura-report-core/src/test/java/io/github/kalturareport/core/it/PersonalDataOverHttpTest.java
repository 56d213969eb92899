package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.RuleException;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.check.RuleResult;
import io.github.kalturareport.core.check.ThresholdChecker;
import io.github.kalturareport.core.config.SettingParser;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.simulator.KalturaSimulatorExtension;
import io.github.kalturareport.simulator.RecordedRequest;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** personalData over real HTTP against the simulator: drop, pseudonymize, and the errors before any request. */
class PersonalDataOverHttpTest {

    static final byte[] KEY = "a-test-key-of-more-than-16-bytes".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension();

    @TempDir
    Path out;

    @Test
    void dropSendsExcludedFieldsAndSavesFilesWithoutTheColumns() throws Exception {
        ReportFetcher.fetch(settings(SIM.simulator(), out).personalData("drop").build(), null);

        Map<String, String> excluded = new java.util.HashMap<>();
        for (RecordedRequest r : SimulatorFetch.settledRequests(SIM.simulator())) {
            if ("getCsvFromStringParams".equals(r.action())) {
                excluded.put(r.parameter("id").orElseThrow(), r.parameter("excludedFields").orElse(null));
            }
        }
        assertThat(excluded).containsEntry("6000", "session_host_user_id")
                .containsEntry("6001", "user_id,user_name,user_email")
                .containsEntry("6002", "session_initiator");
        assertThat(header(out.resolve("rooms.csv"))).doesNotContain("session_host_user_id").contains("entry_name");
        assertThat(header(out.resolve("attendees.csv"))).doesNotContain("user_id", "user_name", "user_email")
                .contains("user_type", "cue_point_id");
        assertThat(header(out.resolve("breakouts.csv"))).doesNotContain("session_initiator");
        assertThat(Files.readString(out.resolve("attendees.csv"))).doesNotContain("@");

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("personalData").asText()).isEqualTo("drop");
        assertThat(manifest.get("reports").get(1).get("personalColumns").toString())
                .isEqualTo("{\"user_id\":\"drop\",\"user_name\":\"drop\",\"user_email\":\"drop\"}");
    }

    @Test
    void aColumnCanKeepItsOwnModeAndAnUnknownOneIsRefusedWithTheNearestName() throws Exception {
        ReportFetcher.fetch(settings(SIM.simulator(), out).reports("attendees").personalData("drop")
                .personalColumns("user_id=keep, user_type").build(), null);
        assertThat(header(out.resolve("attendees.csv"))).contains("user_id").doesNotContain("user_name",
                "user_email", "user_type");

        SIM.simulator().clearRequests();
        assertThatThrownBy(() -> settings(SIM.simulator(), out).personalColumns("user_mail=drop").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown column 'user_mail' in personalColumns")
                .hasMessageContaining("did you mean user_email?");
        assertThatThrownBy(() -> settings(SIM.simulator(), out).personalColumns("user_email=hide").build())
                .hasMessageContaining("the mode is keep, pseudonymize or drop");
        assertThat(SIM.simulator().requests()).isEmpty();
    }

    @Test
    void pseudonymizeSavesTheHmacOfEachPersonalValueAndLeavesTheRestAsItWas() throws Exception {
        Path plain = out.resolve("keep");
        Path pseudo = out.resolve("pseudo");
        ReportFetcher.fetch(settings(SIM.simulator(), plain).build(), null);
        ReportFetcher.fetch(settings(SIM.simulator(), pseudo).personalData("pseudonymize").pseudonymKey(KEY)
                .build(), null);

        Map<String, List<String>> personal = Map.of("rooms.csv", List.of("session_host_user_id"),
                "attendees.csv", List.of("user_id", "user_name", "user_email"),
                "breakouts.csv", List.of("session_initiator"));
        int compared = 0;
        for (Map.Entry<String, List<String>> file : personal.entrySet()) {
            List<CSVRecord> before = records(plain.resolve(file.getKey()));
            List<CSVRecord> after = records(pseudo.resolve(file.getKey()));
            assertThat(after).hasSameSizeAs(before).isNotEmpty();
            for (int i = 0; i < before.size(); i++) {
                for (String column : before.get(i).toMap().keySet()) {
                    String value = before.get(i).get(column);
                    String expected = personal.get(file.getKey()).contains(column) ? hmac(value) : value;
                    assertThat(after.get(i).get(column)).as(file.getKey() + " row " + i + " " + column)
                            .isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(Files.readString(pseudo.resolve("attendees.csv"))).doesNotContain("@");
        JsonNode manifest = new ObjectMapper().readTree(pseudo.resolve("manifest.json").toFile());
        assertThat(manifest.get("personalData").asText()).isEqualTo("pseudonymize");
        assertThat(manifest.toString()).doesNotContain(new String(KEY, StandardCharsets.UTF_8));

        // The same key gives the same pseudonyms in every run: the files are the same bytes.
        Path again = out.resolve("again");
        ReportFetcher.fetch(settings(SIM.simulator(), again).personalData("pseudonymize").pseudonymKey(KEY)
                .build(), null);
        assertThat(Files.readAllBytes(again.resolve("attendees.csv")))
                .isEqualTo(Files.readAllBytes(pseudo.resolve("attendees.csv")));
    }

    @Test
    void descriptiveHeadersArePseudonymisedTheSameWay() throws Exception {
        Path plain = out.resolve("keep");
        Path pseudo = out.resolve("pseudo");
        ReportFetcher.fetch(settings(SIM.simulator(), plain).reports("rooms").descriptiveHeaders(true).build(), null);
        ReportFetcher.fetch(settings(SIM.simulator(), pseudo).reports("rooms").descriptiveHeaders(true)
                .personalData("pseudonymize").pseudonymKey(KEY).build(), null);
        List<CSVRecord> before = records(plain.resolve("rooms.csv"));
        List<CSVRecord> after = records(pseudo.resolve("rooms.csv"));
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).get("Host")).isEqualTo(hmac(before.get(i).get("Host")));
            assertThat(after.get(i).get("Session Start Time")).isEqualTo(before.get(i).get("Session Start Time"));
        }
    }

    @Test
    void distinctCountsAndGroupRulesGiveTheSameVerdictsAsWithKeep() throws Exception {
        Path plain = out.resolve("keep");
        Path pseudo = out.resolve("pseudo");
        ReportFetcher.fetch(settings(SIM.simulator(), plain).build(), null);
        ReportFetcher.fetch(settings(SIM.simulator(), pseudo).personalData("pseudonymize").pseudonymKey(KEY)
                .build(), null);
        String rules = "attendees:distinct(user_id) >= 5; attendees:distinct(user_email) <= 3;"
                + " attendees:count(cue_point_id) by user_id >= 2; attendees:mean(engagement) by user_id >= 50%;"
                + " rooms:distinct(session_host_user_id) >= 2; breakouts:count(cue_point_id) by session_initiator >= 1";
        CheckResult keep = check(plain, rules, "keep");
        CheckResult pseudonymized = check(pseudo, rules, "pseudonymize");
        assertThat(keep.results()).hasSizeGreaterThan(10);
        assertThat(pseudonymized.results()).extracting(RuleResult::verdict, RuleResult::actualText)
                .containsExactlyElementsOf(keep.results().stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.verdict(), r.actualText())).toList());
        assertThat(keep.errors()).isNotEmpty();
        // The groups are the pseudonyms of the same users, in the same order.
        for (int i = 0; i < keep.results().size(); i++) {
            String group = keep.results().get(i).group();
            if (group != null && group.startsWith("user_id=") && !group.contains("…")) {
                assertThat(pseudonymized.results().get(i).group()).isEqualTo("user_id="
                        + hmac(group.substring("user_id=".length())));
            }
        }
    }

    @Test
    void aMissingOrShortKeyFailsBeforeAnyRequest() {
        SIM.simulator().clearRequests();
        assertThatThrownBy(() -> settings(SIM.simulator(), out).personalData("pseudonymize").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("personalData=pseudonymize needs a pseudonym key")
                .extracting(e -> ((ConfigurationException) e).parameter()).isEqualTo("personalData");
        assertThatThrownBy(() -> settings(SIM.simulator(), out).personalColumns("user_email=pseudonymize")
                .pseudonymKey("fifteen bytes!!".getBytes(StandardCharsets.UTF_8)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("too short: it needs at least 16 bytes")
                .hasMessageNotContaining("fifteen");
        assertThat(SimulatorFetch.settledRequests(SIM.simulator())).isEmpty();
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void aRuleOnADroppedColumnFailsBeforeAnyRequest() throws Exception {
        SIM.simulator().clearRequests();
        // A front end builds both settings before it fetches; the check's refuses the rule.
        assertThatThrownBy(() -> {
            settings(SIM.simulator(), out).personalData("drop").build();
            CheckSettings.builder().inputDirectory(out).personalData(SettingParser.personalData("drop", null))
                    .rules("attendees:mean(engagement) >= 0%; attendees:distinct(user_email) >= 1").build();
        }).isInstanceOf(RuleException.class)
                .hasMessageContaining("user_email is personal data that the fetch drops (personalData=drop)")
                .hasMessageContaining("personalColumns=user_email=pseudonymize");
        assertThatThrownBy(() -> CheckSettings.builder().inputDirectory(out)
                .personalData(SettingParser.personalData("keep", "user_id=drop"))
                .rules("attendees:mean(engagement) by user_id >= 0%").build())
                .isInstanceOf(RuleException.class).hasMessageContaining("user_id is personal data");
        assertThat(SimulatorFetch.settledRequests(SIM.simulator())).isEmpty();
    }

    private CheckResult check(Path dir, String rules, String mode) throws Exception {
        return ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir).rules(rules)
                .personalData(SettingParser.personalData(mode, null)).build(), null);
    }

    /** The expected pseudonym, computed here with the JDK alone. */
    static String hmac(String value) throws Exception {
        if (value.isEmpty()) {
            return value;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return "p_" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    static List<String> header(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return List.copyOf(CSVFormat.DEFAULT.builder().setHeader().get().parse(r).getHeaderNames());
        }
    }

    static List<CSVRecord> records(Path csv) throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().get().parse(new java.io.StringReader(text))
                .getRecords());
    }
}
