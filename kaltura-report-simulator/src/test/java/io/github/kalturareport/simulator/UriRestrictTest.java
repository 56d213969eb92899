package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code urirestrict} as the server applies it to {@code REQUEST_URI}: a pattern without {@code *} must equal the
 * URI, query included; with a trailing {@code *} it is a prefix; {@code |} separates patterns. The same rule holds
 * for the Reports microservice, where a refusal is a 403.
 */
class UriRestrictTest {
    private static final long NOW = 1_750_000_000L;
    private static final String REPORT_PATH = "/api_v3/service/report/action/getCsvFromStringParams";
    static KalturaSimulator sim;

    @BeforeAll
    static void start() {
        sim = KalturaSimulator.builder().clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).rooms(2)
                .sessionsPerRoom(2).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String ks(String urirestrict) {
        return TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of("urirestrict", urirestrict));
    }

    /** The report, POSTed to {@code pathAndQuery} with the KS in the body. */
    private static HttpResponse<String> report(String pathAndQuery, String ks) {
        return Http.postBody(sim, pathAndQuery, "application/x-www-form-urlencoded", Http.form(Http.params("ks", ks,
                "id", "6000", "params", "", "format", "1")));
    }

    private static void assertAllowed(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("\uFEFFentry_id,");
    }

    private static void assertRefused(HttpResponse<String> r) {
        assertThat(r.body()).contains("\"code\":\"INVALID_KS\"").contains("-11,EXCEEDED_RESTRICTED_URI");
    }

    @Test
    void aPatternWithoutAStarMustEqualTheWholeUri() {
        assertAllowed(report(REPORT_PATH, ks(REPORT_PATH)));
        // Once a prefix was enough; the server wants the URI itself.
        assertRefused(report(REPORT_PATH, ks("/api_v3/service/report")));
        assertRefused(report(REPORT_PATH, ks(REPORT_PATH.substring(0, REPORT_PATH.length() - 1))));
        // The query string is part of the URI.
        assertRefused(report(REPORT_PATH + "?format=1", ks(REPORT_PATH)));
        assertAllowed(report(REPORT_PATH + "?format=1", ks(REPORT_PATH + "?format=1")));
    }

    @Test
    void aTrailingStarMakesAPrefixThatMayReachIntoTheQuery() {
        assertAllowed(report(REPORT_PATH, ks(REPORT_PATH + "*")));
        assertAllowed(report(REPORT_PATH + "?format=1&clientTag=ci", ks(REPORT_PATH + "*")));
        assertAllowed(report(REPORT_PATH, ks("/api_v3/*")));
        String indexForm = "/api_v3/index.php?service=report&action=getCsvFromStringParams";
        assertRefused(report(indexForm, ks(REPORT_PATH + "*")));
        assertAllowed(report(indexForm, ks("/api_v3/index.php?service=report*")));
        assertRefused(report(indexForm, ks("/api_v3/index.php?service=media*")));
        // Only a trailing star is special.
        assertRefused(report(REPORT_PATH, ks("/api_v3/*/report/action/getCsvFromStringParams")));
    }

    @Test
    void patternsSeparatedByBarsAreAlternatives() {
        assertAllowed(report(REPORT_PATH, ks("/api_v3/service/media/*|" + REPORT_PATH)));
        assertAllowed(report(REPORT_PATH, ks("/api/v1/report/*|" + REPORT_PATH + "*")));
        assertRefused(report(REPORT_PATH, ks("/api_v3/service/media/*|/api/v1/report/*")));
        assertRefused(report(REPORT_PATH, ks("/api_v3/service/media/*|/api_v3/service/report")));
    }

    @Test
    void theMicroserviceHoldsItsUriToTheSameRule() {
        String generate = ServiceHttp.generateBody("chatModeration", null, null, List.of(), List.of());
        String both = ks(REPORT_PATH + "*|/api/v1/report/*");
        HttpResponse<String> generated = ServiceHttp.post(sim, ServiceHttp.GENERATE, both, generate);
        assertThat(generated.statusCode()).isEqualTo(200);
        String id = ServiceHttp.sessionId(generated);
        assertThat(ServiceHttp.status(sim, both, id).statusCode()).isEqualTo(200);
        String generateOnly = ks(ServiceHttp.GENERATE);
        assertThat(ServiceHttp.post(sim, ServiceHttp.GENERATE, generateOnly, generate).statusCode()).isEqualTo(200);
        assertThat(ServiceHttp.status(sim, generateOnly, id).statusCode()).isEqualTo(403);
        assertThat(ServiceHttp.post(sim, ServiceHttp.GENERATE + "?trace=1", generateOnly, generate).statusCode())
                .isEqualTo(403);
        assertThat(ServiceHttp.status(sim, ks(REPORT_PATH + "*"), id).statusCode()).isEqualTo(403);
    }
}
