package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every fault mode, seen on the wire with plain JDK clients and raw sockets. */
class FaultsTest {
    private static final String REPORT = "/api_v3/service/report/action/getCsvFromStringParams";

    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension();

    private static KalturaSimulator sim() {
        return SIM.simulator();
    }

    private static String reportForm(String ks) {
        return Http.form(Http.params("ks", ks, "id", "6001", "params", ""));
    }

    private static Fault onReport(Fault f) {
        return f.only("report", "getCsvFromStringParams");
    }

    @Test
    void serviceUnavailableAndTooManyRequestsCarryRetryAfterAndHtml() {
        String ks = Http.adminKs(sim());
        sim().addFault(onReport(Fault.serviceUnavailable(3)).forFirst(1));
        sim().addFault(onReport(Fault.tooManyRequests(1)).forFirst(1));
        HttpResponse<String> first = Http.report(sim(), ks, 6000, "");
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(first.body()).contains("<html>");
        HttpResponse<String> second = Http.report(sim(), ks, 6000, "");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        HttpResponse<String> third = Http.report(sim(), ks, 6000, "");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.body()).startsWith("\uFEFFentry_id");
        List<RecordedRequest> log = sim().requests();
        assertThat(log.get(1).fault()).hasValue("503,retry-after=3,first=1,action=report.getCsvFromStringParams");
        assertThat(log.get(1).status()).isEqualTo(503);
        assertThat(log.get(3).faultInjected()).isFalse();
    }

    @Test
    void badGatewayHasAnHtmlBody() {
        sim().addFault(Fault.badGateway().forFirst(1));
        HttpResponse<String> r = Http.post(sim(), "session", "start", Http.params("secret", "x"));
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(r.body()).contains("<title>502 Bad Gateway</title>");
    }

    @Test
    void connectionResetIsATcpReset() throws Exception {
        String ks = Http.adminKs(sim());
        // The raw request, then HttpURLConnection's GET and its one automatic retry: three resets.
        sim().addFault(onReport(Fault.connectionReset()).forFirst(3));
        RawHttp.Raw raw = RawHttp.post(sim(), REPORT, reportForm(ks));
        assertThat(raw.bytes()).isEmpty();
        assertThat(raw.failure()).isInstanceOf(SocketException.class);
        assertThat(raw.failure().getMessage()).containsIgnoringCase("reset");
        HttpURLConnection c = (HttpURLConnection) URI.create(sim().baseUrl() + REPORT + "?id=6000&params=&ks=" + ks)
                .toURL().openConnection();
        assertThatThrownBy(c::getResponseCode).isInstanceOf(IOException.class);
        assertThat(Http.report(sim(), ks, 6000, "").statusCode()).isEqualTo(200);
        assertThat(sim().requests().subList(1, 4)).allSatisfy(r -> {
            assertThat(r.status()).isZero();
            assertThat(r.fault()).hasValue("reset,first=3,action=report.getCsvFromStringParams");
        });
    }

    @Test
    void truncatedBodyPromisesMoreThanItSendsThenCloses() throws Exception {
        String ks = Http.adminKs(sim());
        sim().addFault(onReport(Fault.truncatedBody()).forFirst(2));
        RawHttp.Raw raw = RawHttp.post(sim(), REPORT, reportForm(ks));
        assertThat(raw.head()).startsWith("HTTP/1.1 200").contains("Content-Type: text/csv");
        assertThat(raw.contentLength()).isGreaterThan(raw.bodyLength());
        assertThat(raw.bodyLength()).isPositive();
        assertThat(raw.text()).contains("\uFEFFentry_id,cue_point_id");
        // A JDK client sees the short body as an error.
        HttpClient client = HttpClient.newHttpClient();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(sim().baseUrl() + REPORT))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(reportForm(ks))).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(Http.report(sim(), ks, 6000, "").statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedBodyOnSessionStartToo() throws Exception {
        sim().addFault(Fault.truncatedBody().only("session", "start").forFirst(1));
        RawHttp.Raw raw = RawHttp.post(sim(), "/api_v3/service/session/action/start", Http.form(Http.params(
                "secret", sim().adminSecret(), "partnerId", "1000", "format", "1")));
        assertThat(raw.failure()).isNull();
        assertThat(raw.contentLength()).isGreaterThan(raw.bodyLength());
    }

    @Test
    void apiErrorInside200InXmlAndJson() {
        String ks = Http.adminKs(sim());
        sim().addFault(onReport(Fault.apiError("INTERNAL_SERVERL_ERROR", "Internal server error occurred"))
                .forFirst(2));
        HttpResponse<String> xml = Http.report(sim(), ks, 6000, "");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("<error><code>INTERNAL_SERVERL_ERROR</code><message>Internal server error "
                + "occurred</message><objectType>KalturaAPIException</objectType>");
        HttpResponse<String> json = Http.post(sim(), "report", "getCsvFromStringParams", Http.params("ks", ks, "id",
                "6000", "params", "", "format", "1"));
        assertThat(json.body()).isEqualTo("{\"code\":\"INTERNAL_SERVERL_ERROR\",\"message\":\"Internal server error "
                + "occurred\",\"objectType\":\"KalturaAPIException\",\"args\":[]}");
    }

    @Test
    void druidTimeoutOnTheReportIsAnEmpty200WithErrorHeaders() {
        String ks = Http.adminKs(sim());
        sim().addFault(Fault.druidTimeout().forFirst(1));
        HttpResponse<String> r = Http.report(sim(), ks, 6001, "");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("X-Kaltura")).hasValue("error-DRUID_QUERY_TIMED_OUT");
        assertThat(r.headers().firstValue("X-Kaltura-App").orElseThrow())
                .startsWith("exiting on error DRUID_QUERY_TIMED_OUT - ");
    }

    @Test
    void latencyDelaysTheAnswer() {
        String ks = Http.adminKs(sim());
        sim().addFault(onReport(Fault.latency(Duration.ofMillis(400))).forFirst(1));
        long t0 = System.nanoTime();
        HttpResponse<String> r = Http.report(sim(), ks, 6000, "");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sim().requests().get(1).fault()).hasValue("latency,ms=400,first=1,action=report."
                + "getCsvFromStringParams");
    }

    @Test
    void ratesAreSeededAndRepeatable() {
        List<Integer> first = statuses(KalturaSimulator.builder().seed(5)
                .fault(Fault.parse("503,rate=0.5,action=session.start")));
        List<Integer> again = statuses(KalturaSimulator.builder().seed(5)
                .fault(Fault.parse("503,rate=0.5,action=session.start")));
        assertThat(first).isEqualTo(again).contains(200, 503);
        assertThat(first.stream().filter(s -> s == 503).count()).isBetween(5L, 35L);
    }

    private static List<Integer> statuses(KalturaSimulator.Builder builder) {
        List<Integer> statuses = new ArrayList<>();
        try (KalturaSimulator sim = builder.start()) {
            for (int i = 0; i < 40; i++) {
                statuses.add(Http.post(sim, "session", "start", Http.params("secret", sim.adminSecret(), "partnerId",
                        "1000")).statusCode());
            }
        }
        return statuses;
    }

    @Test
    void faultsRestrictedToAnActionLeaveOthersAlone() {
        sim().addFault(onReport(Fault.serviceUnavailable(1)));
        assertThat(Http.post(sim(), "session", "start", Http.params("secret", sim().adminSecret(), "partnerId",
                "1000")).statusCode()).isEqualTo(200);
        sim().clearFaults();
        assertThat(sim().faults()).isEmpty();
    }

    @Test
    void faultTextFormIsParsedAndBadFormsAreNamed() {
        assertThat(Fault.parse("429,retry-after=2,first=3,action=report.getCsvFromStringParams").toString())
                .isEqualTo("429,retry-after=2,first=3,action=report.getCsvFromStringParams");
        assertThat(Fault.parse("api-error,code=DRUID_QUERY_TIMED_OUT").errorCode()).isEqualTo("DRUID_QUERY_TIMED_OUT");
        assertThatThrownBy(() -> Fault.parse("teapot")).hasMessageContaining("Unknown fault kind 'teapot'");
        assertThatThrownBy(() -> Fault.parse("503,first=x")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> Fault.parse("503,rate=2")).hasMessageContaining("rate must be from 0 to 1");
    }

    @Test
    void requestLogFileHoldsNamesButNoSecretValues(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("requests.jsonl");
        try (KalturaSimulator sim = KalturaSimulator.builder().requestLog(log).start()) {
            String ks = Http.adminKs(sim);
            Http.get(sim, REPORT + "/id/6000/ks/" + ks + "/params/from_date=0");
            String text = Files.readString(log);
            assertThat(text.lines()).hasSize(2);
            assertThat(text).contains("\"parameters\":[\"secret\",\"partnerId\",\"type\",\"format\"]")
                    .contains("/ks/***/").doesNotContain(ks).doesNotContain(sim.adminSecret());
            try (InputStream in = Files.newInputStream(log)) {
                assertThat(in.readAllBytes()).isNotEmpty();
            }
        }
    }
}
