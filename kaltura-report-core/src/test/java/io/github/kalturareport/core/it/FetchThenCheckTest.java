package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.check.RuleResult;
import io.github.kalturareport.core.check.ThresholdChecker;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.simulator.KalturaSimulatorExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the fetch saves — with the server's headers or descriptive ones — is what the check side reads. */
class FetchThenCheckTest {

    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension();

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theCheckReadsTheFetchedFiles(boolean descriptive) throws Exception {
        ReportFetcher.fetch(settings(SIM.simulator(), out).descriptiveHeaders(descriptive).timeZone("Asia/Kolkata")
                .build(), null);
        CheckResult result = ThresholdChecker.check(CheckSettings.builder().inputDirectory(out)
                .rules("rooms:min(uniqueUsers) >= 1; attendees:mean(engagement) >= 0%; "
                        + "breakouts:max(duration) <= 100000; rooms:count(entry_id) >= 1; "
                        + "rooms:min(session_start_time) >= 946684800")
                .build(), null);
        assertThat(result.results()).hasSize(5).allSatisfy(r -> assertThat(r.verdict().name())
                .as(r.message()).isEqualTo("PASS"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.results()).extracting(RuleResult::actualText).doesNotContainNull();
    }
}
