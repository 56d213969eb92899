package io.github.kalturareport.simulator;

import static io.github.kalturareport.simulator.ServiceHttp.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Faults on the Reports microservice's generate, status and download, and what the request log records of it. */
class ServiceFaultsTest {
    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension(() -> KalturaSimulator.builder()
            .rooms(2).sessionsPerRoom(3));

    private static KalturaSimulator sim() {
        return SIM.simulator();
    }

    private static HttpResponse<String> generate(String ks) {
        return ServiceHttp.generate(sim(), ks, "groupChatTranscripts", null, null, List.of(), List.of());
    }

    @Test
    void faultsTargetGenerateStatusAndDownloadEachAndAPollMetByAFaultDoesNotCount() {
        String ks = Http.adminKs(sim());
        sim().addFault(Fault.serviceUnavailable(2).only("reports", "generate").forFirst(1));
        sim().addFault(Fault.parse("502,first=1,action=reports.status"));
        sim().addFault(Fault.parse("503,first=1,action=reports.download"));
        HttpResponse<String> refused = generate(ks);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("text/html");
        String id = ServiceHttp.sessionId(generate(ks));
        assertThat(ServiceHttp.status(sim(), ks, id).statusCode()).isEqualTo(502);
        assertThat(field(ServiceHttp.status(sim(), ks, id).body(), "status")).isEqualTo("pending");
        assertThat(field(ServiceHttp.status(sim(), ks, id).body(), "status")).isEqualTo("processing");
        assertThat(field(ServiceHttp.status(sim(), ks, id).body(), "status")).isEqualTo("completed");
        assertThat(ServiceHttp.download(sim(), ks, id).statusCode()).isEqualTo(503);
        HttpResponse<String> csv = ServiceHttp.download(sim(), ks, id);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("entryId,");

        List<RecordedRequest> log = sim().requests();
        assertThat(log).extracting(RecordedRequest::action).containsExactly("start", "generate", "generate",
                "status", "status", "status", "status", "download", "download");
        assertThat(log).extracting(RecordedRequest::status).containsExactly(200, 503, 200, 502, 200, 200, 200, 503,
                200);
        assertThat(log.get(1).fault()).hasValue("503,retry-after=2,first=1,action=reports.generate");
        assertThat(log.get(3).fault()).hasValue("502,first=1,action=reports.status");
        assertThat(log.get(7).fault()).hasValue("503,retry-after=1,first=1,action=reports.download");
        assertThat(log.get(8).rows()).isGreaterThan(0);
    }

    @Test
    void faultsWithoutATargetHitTheServiceAndApiV3FaultsDoNot() {
        String ks = Http.adminKs(sim());
        sim().addFault(Fault.badGateway().only("report", null));
        sim().addFault(Fault.badGateway().forReport(6000));
        assertThat(generate(ks).statusCode()).isEqualTo(200);
        sim().clearFaults();
        sim().addFault(Fault.tooManyRequests(1).forFirst(1));
        assertThat(generate(ks).statusCode()).isEqualTo(429);
        sim().addFault(Fault.apiError("INTERNAL_SERVERL_ERROR").only("reports", null).forFirst(1));
        HttpResponse<String> error = generate(ks);
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(field(error.body(), "code")).isEqualTo("INTERNAL_SERVERL_ERROR");
        sim().addFault(Fault.druidTimeout().only("reports", "generate").forFirst(1));
        assertThat(field(generate(ks).body(), "code")).isEqualTo("DRUID_QUERY_TIMED_OUT");
        assertThat(generate(ks).statusCode()).isEqualTo(200);
    }

    @Test
    void aResetOrACutShortDownloadFailsOnTheClient() {
        String ks = Http.adminKs(sim());
        String id = ServiceHttp.sessionId(generate(ks));
        for (int i = 0; i < 3; i++) {
            ServiceHttp.status(sim(), ks, id);
        }
        sim().addFault(Fault.connectionReset().only("reports", "download").forFirst(1));
        sim().addFault(Fault.truncatedBody().only("reports", "download").forFirst(1));
        assertThatThrownBy(() -> ServiceHttp.download(sim(), ks, id)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> ServiceHttp.download(sim(), ks, id)).isInstanceOf(UncheckedIOException.class);
        assertThat(ServiceHttp.download(sim(), ks, id).statusCode()).isEqualTo(200);
        List<RecordedRequest> log = sim().requests();
        assertThat(log.get(log.size() - 3).status()).isZero();
        assertThat(log.get(log.size() - 2).fault()).hasValue("truncated,first=1,action=reports.download");
    }

    @Test
    void theLogRecordsTheServiceCallsWithTheAuthorizationHeaderButNeverTheKs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("requests.jsonl");
        try (KalturaSimulator sim = KalturaSimulator.builder().rooms(2).sessionsPerRoom(3).requestLog(file).start()) {
            String ks = Http.adminKs(sim);
            String event = sim.virtualEventIds().get(0);
            HttpResponse<String> refused = ServiceHttp.generate(sim, ks, "chatModeration", "2026-01-01",
                    "2026-01-31", List.of(sim.roomEntryIds().get(0)), List.of(event));
            assertThat(refused.statusCode()).isEqualTo(403);
            ServiceHttp.post(sim, ServiceHttp.SERVE + "?ks=" + ks, null, "{\"sessionId\":\"x\"}");
            List<RecordedRequest> log = sim.requests();
            RecordedRequest start = log.get(0);
            assertThat(start.authorizationHeader()).isFalse();
            RecordedRequest generate = log.get(1);
            assertThat(generate.authorizationHeader()).isTrue();
            assertThat(generate.method()).isEqualTo("POST");
            assertThat(generate.path()).isEqualTo("/api/v1/report/generate");
            assertThat(generate.service()).isEqualTo("reports");
            assertThat(generate.action()).isEqualTo("generate");
            assertThat(generate.parameterNames()).containsExactly("reportName", "reportParameters",
                    "reportParameters:entries_ids", "reportParameters:virtual_event_ids",
                    "reportParameters:from_date_id", "reportParameters:to_date_id");
            assertThat(generate.parameter("reportName")).hasValue("chatModeration");
            assertThat(generate.parameter("reportParameters:virtual_event_ids")).hasValue(event);
            assertThat(generate.status()).isEqualTo(403);
            assertThat(generate.errorCode()).hasValue("FORBIDDEN");
            RecordedRequest inUrl = log.get(2);
            assertThat(inUrl.authorizationHeader()).isFalse();
            assertThat(inUrl.parameterNames()).contains("ks", "sessionId");
            assertThat(inUrl.parameter("ks")).isEmpty();
            assertThat(inUrl.status()).isEqualTo(401);
            assertThat(log.toString()).doesNotContain(ks);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"authorization\":false");
        assertThat(lines.get(1)).contains("\"service\":\"reports\"", "\"action\":\"generate\"",
                "\"authorization\":true", "\"status\":403");
        assertThat(String.join("\n", lines)).doesNotContain("djJ8");
    }
}
