package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.files;
import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.KalturaApiException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.simulator.Fault;
import io.github.kalturareport.simulator.KalturaSimulator;
import io.github.kalturareport.simulator.KalturaSimulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * No admin secret, app token, KS or pseudonym key appears in anything the library logs (listener messages), throws (messages,
 * causes, stack traces, arguments) or writes (every file under the output directory) — on success and on failure.
 */
class SecretsNeverLeakTest {

    static final String TOKEN_ID = "0_leaktest";
    static final String TOKEN = "app-token-that-must-not-leak";
    static final String PSEUDONYM_KEY = "pseudonym-key-that-must-not-leak";
    static final String SHORT_KEY = "short-key-leak";

    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension(
            () -> KalturaSimulator.builder().appToken(TOKEN_ID, TOKEN, null));

    @TempDir
    Path out;

    private final List<String> observed = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    private void run(Function<FetchOptions, FetchOptions> setup) throws Exception {
        KalturaSimulator sim = SIM.simulator();
        RecordingListener listener = new RecordingListener();
        try {
            ReportFetcher.fetch(setup.apply(settings(sim, out).reports("rooms,attendees")).build(), listener);
        } catch (KalturaReportException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            observed.add(trace.toString());
            observed.add(e.toString());
            if (e instanceof KalturaApiException api) {
                observed.add(api.args().toString());
            }
        } finally {
            SIM.simulator().clearFaults();
        }
        observed.addAll(listener.lines);
        for (Path f : files(out)) {
            observed.add(f.toString());
            observed.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
    }

    @Test
    void noSecretInLogsExceptionsOrFiles() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        String readyKs = SimulatorFetch.sessionStart(sim, 2, 3600);
        String expiredKs = SimulatorFetch.sessionStart(sim, 2, 1);
        String userKs = SimulatorFetch.sessionStart(sim, 0, 3600);
        secrets.addAll(List.of(sim.adminSecret(), TOKEN, readyKs, expiredKs, userKs, "wrong-secret-value"));

        run(b -> b); // success with the admin secret
        run(b -> b.credentials(Credentials.appToken(TOKEN_ID, TOKEN, null))); // success with an app token
        run(b -> b.credentials(Credentials.ks(readyKs)).descriptiveHeaders(true)); // success with a KS
        run(b -> b.credentials(Credentials.adminSecret("wrong-secret-value"))); // INVALID_KS quoting the KS
        run(b -> b.credentials(Credentials.appToken(TOKEN_ID, TOKEN + "x", null))); // bad token hash
        Thread.sleep(1100);
        run(b -> b.credentials(Credentials.ks(expiredKs))); // expired
        run(b -> b.credentials(Credentials.ks(userKs))); // SERVICE_FORBIDDEN
        run(b -> {
            SIM.simulator().addFault(Fault.apiError("INVALID_KS", "Invalid KS \"" + readyKs + "\", Error \"-1,X\""));
            return b.credentials(Credentials.ks(readyKs));
        });
        run(b -> {
            SIM.simulator().addFault(Fault.truncatedBody().only("report", "getCsvFromStringParams"));
            return b.maxRetries("1");
        });
        run(b -> {
            SIM.simulator().addFault(Fault.serviceUnavailable(0).only("report", "getCsvFromStringParams"));
            return b.maxRetries("1");
        });
        // The Reports microservice (KS in the Bearer header) and 4021: a success, 401, 403, retries, a failed poll.
        String events = String.join(",", sim.virtualEventIds());
        run(b -> b.reportsServiceUrl(sim.baseUrl()).reports("chatTranscripts,reactions")
                .filter("virtualEventIds", events));
        run(b -> b.reportsServiceUrl(sim.baseUrl()).reports("chatTranscripts")
                .credentials(Credentials.adminSecret("wrong-secret-value")));
        run(b -> b.reportsServiceUrl(sim.baseUrl()).reports("chatActivity").filter("virtualEventIds", events)
                .credentials(Credentials.ks(readyKs)));
        run(b -> {
            SIM.simulator().addFault(Fault.serviceUnavailable(0).only("reports", "status"));
            return b.reportsServiceUrl(sim.baseUrl()).reports("chatModeration").maxRetries("1");
        });
        // The pseudonym key: a success, a failure mid-fetch, a key too short, and the settings as logs show them.
        secrets.addAll(List.of(PSEUDONYM_KEY, SHORT_KEY));
        byte[] key = PSEUDONYM_KEY.getBytes(StandardCharsets.UTF_8);
        run(b -> b.personalData("pseudonymize").pseudonymKey(key));
        run(b -> {
            SIM.simulator().addFault(Fault.truncatedBody().only("report", "getCsvFromStringParams"));
            return b.personalData("pseudonymize").pseudonymKey(key).maxRetries("1");
        });
        run(b -> b.personalData("drop").personalColumns("user_id=pseudonymize")
                .pseudonymKey(SHORT_KEY.getBytes(StandardCharsets.UTF_8)));
        observed.add(settings(sim, out).personalData("pseudonymize").pseudonymKey(key).build().toString());

        // HttpClient's own DEBUG log (the surefire configuration turns it on, as mvn -X would)
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (logFile != null && Files.exists(Path.of(logFile))) {
            String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
            assertThat(log).as("HttpClient logged at DEBUG").contains("getCsvFromStringParams");
            observed.add(log);
        }

        assertThat(observed).isNotEmpty();
        assertThat(String.join("\n", observed)).contains("rooms", "INVALID_KS", "SERVICE_FORBIDDEN",
                "INVALID_APP_TOKEN_HASH", "has expired", "HTTP 503", "cut short", "pseudonym key is too short",
                "personalData=pseudonymize", "HTTP 401", "HTTP 403", "Reports microservice");
        for (String text : observed) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
            // any KS the library made itself (v2 KS start with base64 "v2|")
            assertThat(text).doesNotContain("djJ8");
        }
    }
}
