package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.names;
import static io.github.kalturareport.core.it.SimulatorFetch.settledRequests;
import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.KalturaApiException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.TransportException;
import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ReportDefinition;
import io.github.kalturareport.simulator.Fault;
import io.github.kalturareport.simulator.KalturaSimulator;
import io.github.kalturareport.simulator.KalturaSimulatorExtension;
import io.github.kalturareport.simulator.RecordedRequest;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Reports microservice's reports and 4021, fetched from the simulator over real HTTP. */
class ServiceReportsOverHttpTest {

    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension();

    private static final List<String> SERVICE_REPORTS = List.of("chatTranscripts", "chatModeration",
            "pollsActivity", "chatActivity");

    @TempDir
    Path out;

    /** The simulator with its microservice on the same port, fast retries and polls. */
    private static FetchOptions options(KalturaSimulator sim, Path out) {
        return settings(sim, out).reportsServiceUrl(sim.baseUrl());
    }

    private static String events(KalturaSimulator sim) {
        return String.join(",", sim.virtualEventIds());
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(false).build()
                .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).getRecords();
    }

    private static List<String> header(Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().build()
                .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).getHeaderNames();
    }

    @Test
    void eachReportIsSavedWithItsColumnsAndRowsAndListedInTheManifest() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        RecordingListener listener = new RecordingListener();
        FetchResult r = ReportFetcher.fetch(options(sim, out)
                .reports("chatTranscripts,chatModeration,pollsActivity,chatActivity,reactions")
                .filter("virtualEventIds", events(sim)).build(), listener);
        assertThat(names(out)).containsExactlyInAnyOrder("chatTranscripts.csv", "chatModeration.csv",
                "pollsActivity.csv", "chatActivity.csv", "reactions.csv", "manifest.json");
        JsonNode manifest = new ObjectMapper().readTree(r.manifest().toFile());
        for (ReportSummary s : r.reports()) {
            ReportDefinition report = s.report();
            assertThat(s.file().getFileName()).hasToString(report.name() + ".csv");
            assertThat(header(s.file())).as(report.name())
                    .containsExactlyElementsOf(report.columns().stream().map(ColumnDefinition::name).toList());
            assertThat(records(s.file())).as(report.name()).hasSize((int) s.rows());
            assertThat(s.rows()).as(report.name()).isPositive();
            assertThat(s.warnings()).isEmpty();
        }
        assertThat(manifest.get("reports")).hasSize(5);
        JsonNode chat = manifest.get("reports").get(0);
        assertThat(chat.get("name").asText()).isEqualTo("chatTranscripts");
        assertThat(chat.get("reportName").asText()).isEqualTo("groupChatTranscripts");
        assertThat(chat.get("file").asText()).isEqualTo("chatTranscripts.csv");
        assertThat(chat.get("params").get("virtual_event_ids")).hasSize(sim.virtualEventIds().size());
        assertThat(listener.warnings).isEmpty();
    }

    @Test
    void multiLineMessagesAreSavedByteForByteAsTheServiceSentThem() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        FetchResult r = ReportFetcher.fetch(options(sim, out).reports("chatTranscripts").build(), null);
        Path file = r.reports().get(0).file();
        JsonNode params = new ObjectMapper().readTree(r.manifest().toFile()).get("reports").get(0).get("params");
        String ks = SimulatorFetch.sessionStart(sim, 2, 600);
        byte[] direct = Direct.fetch(sim, ks, "groupChatTranscripts", params.get("from_date_id").asText(),
                params.get("to_date_id").asText());
        byte[] saved = Files.readAllBytes(file);
        assertThat(new String(saved, StandardCharsets.UTF_8)).isEqualTo(Direct.withoutBom(direct));
        List<CSVRecord> rows = records(file);
        assertThat(rows).anyMatch(row -> row.get("message").contains("\n"))
                .anyMatch(row -> row.get("message").contains("\"") && row.get("message").contains(","));
    }

    @Test
    void theKsTravelsOnlyInTheBearerHeaderWithTheEventPrivilege() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        settledRequests(sim); // the simulator logs a request after answering it: let an earlier test's land first
        sim.clearRequests();
        ReportFetcher.fetch(options(sim, out).reports("chatTranscripts,reactions")
                .filter("virtualEventIds", events(sim)).build(), null);
        List<RecordedRequest> requests = settledRequests(sim);
        List<RecordedRequest> service = requests.stream().filter(q -> "reports".equals(q.service())).toList();
        assertThat(service).extracting(RecordedRequest::action).contains("generate", "status", "download");
        for (RecordedRequest q : service) {
            assertThat(q.authorizationHeader()).as(q.toString()).isTrue();
            assertThat(q.path()).doesNotContain("?").doesNotContain("ks");
            assertThat(q.parameterNames()).doesNotContain("ks");
            assertThat(q.status()).isEqualTo(200);
        }
        // 4021: one request per event, each with its one event id, the KS in the form body as for API v3.
        List<RecordedRequest> reactions = requests.stream()
                .filter(q -> "report".equals(q.service()) && q.parameter("id").orElse("").equals("4021")).toList();
        assertThat(reactions).hasSize(sim.virtualEventIds().size());
        assertThat(reactions).allMatch(q -> !q.authorizationHeader() && q.status() == 200);
        List<String> sent = new ArrayList<>();
        for (RecordedRequest q : reactions) {
            Matcher m = Pattern.compile("virtualeventid=([^;]*)").matcher(q.parameter("params").orElseThrow());
            assertThat(m.find()).isTrue();
            sent.add(m.group(1));
        }
        assertThat(sent).containsExactlyInAnyOrderElementsOf(sim.virtualEventIds());
    }

    @Test
    void aKsWithoutTheEventPrivilegeIsRefusedWithA403ThatSaysWhatIsMissing() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        String ks = SimulatorFetch.sessionStart(sim, 2, 600); // a ready KS: no virtualeventid privilege
        assertThatThrownBy(() -> ReportFetcher.fetch(options(sim, out).credentials(Credentials.ks(ks))
                .reports("chatActivity").filter("virtualEventIds", events(sim)).build(), null))
                .isInstanceOf(KalturaApiException.class)
                .hasMessageContaining("chatActivity (chatUserActivity)").hasMessageContaining("HTTP 403")
                .hasMessageContaining("virtualeventid").hasMessageContaining("nothing was saved")
                .message().doesNotContain(ks);
        assertThat(names(out)).isEmpty();
    }

    @Test
    void reactionsWithAKsWithoutTheEventPrivilegeAreForbiddenWithAMessageThatSaysSo() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        String ks = SimulatorFetch.sessionStart(sim, 2, 600);
        assertThatThrownBy(() -> ReportFetcher.fetch(options(sim, out).credentials(Credentials.ks(ks))
                .reports("reactions").filter("virtualEventIds", events(sim)).build(), null))
                .isInstanceOf(KalturaApiException.class)
                .hasMessageContaining("SERVICE_FORBIDDEN").hasMessageContaining("virtualeventid:<id>")
                .message().doesNotContain(ks);
        assertThat(names(out)).isEmpty();
    }

    @Test
    void theServiceIsPolledUntilCompleted() throws Exception {
        try (KalturaSimulator sim = KalturaSimulator.builder().reportPollsBeforeCompletion(4).start()) {
            ReportFetcher.fetch(options(sim, out).reports("chatModeration").build(), null);
            List<RecordedRequest> requests = settledRequests(sim);
            assertThat(requests.stream().filter(q -> "status".equals(q.action()))).hasSize(5);
            assertThat(requests.stream().filter(q -> "download".equals(q.action()))).hasSize(1);
            assertThat(names(out)).containsExactlyInAnyOrder("chatModeration.csv", "manifest.json");
        }
    }

    @Test
    void anUnknownStatusIsPolledOnAndSaidOnce() throws Exception {
        try (KalturaSimulator sim = KalturaSimulator.builder().reportPollsBeforeCompletion(3)
                .reportProgressStatuses("queued", "baking").start()) {
            RecordingListener listener = new RecordingListener();
            ReportFetcher.fetch(options(sim, out).reports("pollsActivity").build(), listener);
            assertThat(listener.warnings).hasSize(1);
            assertThat(listener.warnings.get(0)).contains("pollsActivity", "'baking'", "polled on");
            assertThat(names(out)).contains("pollsActivity.csv");
        }
    }

    @Test
    void aFailedSessionIsAClearErrorAndNoFile() throws Exception {
        try (KalturaSimulator sim = KalturaSimulator.builder().failingReport("chatModeration").start()) {
            assertThatThrownBy(() -> ReportFetcher.fetch(options(sim, out).reports("chatActivity,chatModeration")
                    .build(), null))
                    .isInstanceOf(KalturaApiException.class)
                    .hasMessageContaining("Report chatModeration (chatModeration)")
                    .hasMessageContaining("status 'failed'")
                    .hasMessageContaining("nothing was saved").hasMessageContaining("Try again later");
            assertThat(names(out)).isEmpty();
        }
    }

    @Test
    void anExpiredSessionIsAClearErrorAndNoFile() throws Exception {
        try (KalturaSimulator sim = KalturaSimulator.builder().reportSessionTtl(Duration.ofMillis(1)).start()) {
            assertThatThrownBy(() -> ReportFetcher.fetch(options(sim, out).reports("chatTranscripts").build(), null))
                    .isInstanceOf(KalturaApiException.class)
                    .hasMessageContaining("chatTranscripts (groupChatTranscripts)")
                    .hasMessageContaining("HTTP 404 SESSION_NOT_FOUND")
                    .hasMessageContaining("does not know the session, or its result has expired")
                    .hasMessageContaining("Fetch again");
            assertThat(names(out)).isEmpty();
        }
    }

    @Test
    void aKsTheServiceDoesNotAcceptIsA401ErrorAndNoFile() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        RecordingListener listener = new RecordingListener();
        assertThatThrownBy(() -> ReportFetcher.fetch(options(sim, out)
                .credentials(Credentials.adminSecret("not-the-secret")).reports("chatTranscripts").build(), listener))
                .isInstanceOf(KalturaApiException.class)
                .hasMessageContaining("chatTranscripts (groupChatTranscripts)").hasMessageContaining("HTTP 401")
                .hasMessageContaining("check the credentials").message().doesNotContain("djJ8");
        assertThat(listener.retries).hasSize(1).allMatch(l -> l.contains("renewing"));
        assertThat(names(out)).isEmpty();
    }

    @Test
    void aReportStillRunningAtReportTimeoutIsAClearErrorAndNoFile() throws Exception {
        try (KalturaSimulator sim = KalturaSimulator.builder().stalledReport("groupChatTranscripts").start()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ReportFetcher.fetch(options(sim, out).reports("chatTranscripts")
                    .reportTimeout("PT0.5S").build(), null))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("chatTranscripts (groupChatTranscripts) was still 'processing' after"
                            + " reportTimeout PT0.5S")
                    .hasMessageContaining("Raise reportTimeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(names(out)).isEmpty();
        }
    }

    @Test
    void badGatewayAndUnavailableAreRetriedDuringGenerateServeAndDownload() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        Path baseline = out.resolve("baseline");
        ReportFetcher.fetch(options(sim, baseline).reports("chatTranscripts").build(), null);
        byte[] expected = Files.readAllBytes(baseline.resolve("chatTranscripts.csv"));
        for (String action : List.of("generate", "status", "download")) {
            Path dir = out.resolve(action);
            sim.addFault(Fault.badGateway().forFirst(1).only("reports", action));
            sim.addFault(Fault.serviceUnavailable(0).forFirst(1).only("reports", action));
            RecordingListener listener = new RecordingListener();
            FetchResult r = ReportFetcher.fetch(options(sim, dir).reports("chatTranscripts").build(), listener);
            sim.clearFaults();
            assertThat(Files.readAllBytes(r.reports().get(0).file())).as(action).isEqualTo(expected);
            assertThat(r.reports().get(0).retries()).as(action).isEqualTo(2);
            assertThat(listener.retries).as(action).hasSize(2)
                    .anyMatch(l -> l.contains("HTTP 502")).anyMatch(l -> l.contains("HTTP 503"));
        }
    }

    @Test
    void aDownloadCutShortIsRetried() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        sim.addFault(Fault.truncatedBody().forFirst(1).only("reports", "download"));
        RecordingListener listener = new RecordingListener();
        FetchResult r = ReportFetcher.fetch(options(sim, out).reports("chatActivity").build(), listener);
        sim.clearFaults();
        assertThat(r.reports().get(0).retries()).isEqualTo(1);
        assertThat(listener.retries).hasSize(1);
        assertThat(records(r.reports().get(0).file())).hasSize((int) r.reports().get(0).rows());
    }

    @Test
    void withoutReportsServiceUrlAServiceReportFailsBeforeAnyRequest() {
        KalturaSimulator sim = SIM.simulator();
        settledRequests(sim);
        sim.clearRequests();
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms,chatTranscripts").build(),
                null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("chatTranscripts").hasMessageContaining("reportsServiceUrl")
                .satisfies(e -> assertThat(((ConfigurationException) e).parameter()).isEqualTo("reportsServiceUrl"));
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void reactionsWithoutVirtualEventIdsFailBeforeAnyRequest() {
        KalturaSimulator sim = SIM.simulator();
        settledRequests(sim);
        sim.clearRequests();
        assertThatThrownBy(() -> ReportFetcher.fetch(options(sim, out).reports("reactions").build(), null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("reactions (4021) needs virtualEventIds")
                .satisfies(e -> assertThat(((ConfigurationException) e).parameter()).isEqualTo("virtualEventIds"));
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void reactionsOfSeveralEventsGoInOneFileInTheOrderOfTheEvents() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        List<String> ids = sim.virtualEventIds();
        Path each = out.resolve("each");
        long rows = 0;
        StringBuilder bodies = new StringBuilder();
        for (String id : ids) {
            FetchResult one = ReportFetcher.fetch(options(sim, each.resolve(id)).reports("reactions")
                    .filter("virtualEventIds", id).build(), null);
            rows += one.reports().get(0).rows();
            List<String> lines = Files.readAllLines(one.reports().get(0).file());
            lines.subList(1, lines.size()).forEach(l -> bodies.append(l).append('\n'));
        }
        FetchResult all = ReportFetcher.fetch(options(sim, out.resolve("all")).reports("reactions")
                .filter("virtualEventIds", String.join(",", ids)).build(), null);
        ReportSummary s = all.reports().get(0);
        assertThat(s.rows()).isEqualTo(rows);
        assertThat(s.requests()).isEqualTo(ids.size());
        List<String> lines = Files.readAllLines(s.file());
        assertThat(String.join("\n", lines.subList(1, lines.size())) + "\n").isEqualTo(bodies.toString());
    }

    @Test
    void reactionsAtTheRowCapAreAnErrorSuggestingEntryIdsNeverATruncatedFile() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        assertThatThrownBy(() -> ReportFetcher.fetch(options(sim, out).reports("reactions")
                .filter("virtualEventIds", events(sim)).rowCap("5").build(), null))
                .isInstanceOf(KalturaReportException.class)
                .hasMessageContaining("reactions (4021) has 5 rows or more")
                .hasMessageContaining("never split").hasMessageContaining("entryIds")
                .hasMessageContaining("Nothing was saved");
        assertThat(names(out)).isEmpty();
    }

    /** The service called directly with the JDK's own client: what the fetch saves must be these bytes. */
    static final class Direct {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private static final Pattern FIELD = Pattern.compile("\"(sessionId|status)\"\\s*:\\s*\"([^\"]*)\"");

        static byte[] fetch(KalturaSimulator sim, String ks, String reportName, String from, String to)
                throws Exception {
            String id = field(post(sim, ks, "generate", "{\"reportName\":\"" + reportName
                    + "\",\"reportParameters\":{\"from_date_id\":\"" + from + "\",\"to_date_id\":\"" + to + "\"}}"),
                    "sessionId");
            for (int i = 0; i < 50; i++) {
                String status = field(post(sim, ks, "serve", "{\"sessionId\":\"" + id + "\",\"statusOnly\":true}"),
                        "status");
                if (status.equals("completed")) {
                    return post(sim, ks, "serve", "{\"sessionId\":\"" + id + "\"}");
                }
            }
            throw new IllegalStateException("never completed");
        }

        static String withoutBom(byte[] body) {
            String s = new String(body, StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }

        private static byte[] post(KalturaSimulator sim, String ks, String action, String json) throws Exception {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/report/"
                    + action)).header("Authorization", "Bearer " + ks).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(action).isEqualTo(200);
            return r.body();
        }

        private static String field(byte[] json, String name) {
            Matcher m = FIELD.matcher(new String(json, StandardCharsets.UTF_8));
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return m.group(2);
                }
            }
            throw new IllegalStateException("no " + name + " in " + new String(json, StandardCharsets.UTF_8));
        }
    }
}
