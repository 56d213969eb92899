package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** KS v1 and v2 accepted and rejected over real HTTP, as the server checks them. */
class KsCheckingTest {
    private static final long NOW = 1_750_000_000L;
    private static final String REPORT_PATH = "/api_v3/service/report/action/getCsvFromStringParams";
    static KalturaSimulator sim;

    @BeforeAll
    static void start() {
        sim = KalturaSimulator.builder().clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> report(String ks) {
        return Http.post(sim, "report", "getCsvFromStringParams", Http.params("ks", ks, "id", "6000", "params",
                "from_date=0;to_date=1", "format", "1"));
    }

    private static void assertReport(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(r.body()).startsWith("\uFEFFentry_id,");
    }

    private static void assertError(HttpResponse<String> r, String code, String messagePart) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).contains("\"code\":\"" + code + "\"").contains("\"objectType\":\"KalturaAPIException\"")
                .contains(messagePart);
    }

    private static String secret() {
        return sim.adminSecret();
    }

    @Test
    void acceptsV2AndV1AdminKs() {
        assertReport(report(TestKs.v2(1000, secret(), NOW + 60, 2, "ci", Map.of())));
        assertReport(report(TestKs.v1(1000, secret(), NOW + 60, 2, "ci", "")));
    }

    @Test
    void acceptsTheKsThatSessionStartIssues() {
        assertReport(report(Http.adminKs(sim)));
    }

    @Test
    void rejectsAWrongSecret() {
        assertError(report(TestKs.v2(1000, "wrong", NOW + 60, 2, "", Map.of())), "INVALID_KS", "-1,INVALID_STR");
        assertError(report(TestKs.v1(1000, "wrong", NOW + 60, 2, "", "")), "INVALID_KS", "-1,INVALID_STR");
    }

    @Test
    void rejectsAnotherPartner() {
        assertError(report(TestKs.v2(2000, secret(), NOW + 60, 2, "", Map.of())), "INVALID_KS", "-1,INVALID_STR");
        assertError(report(TestKs.v1(2000, secret(), NOW + 60, 2, "", "")), "INVALID_KS", "-1,INVALID_STR");
    }

    @Test
    void rejectsAnExpiredKsIncludingExpiryEqualToNow() {
        assertError(report(TestKs.v2(1000, secret(), NOW, 2, "", Map.of())), "INVALID_KS", "Invalid KS \\\"EXPIRED\\\"");
        assertError(report(TestKs.v1(1000, secret(), NOW - 1, 2, "", "")), "INVALID_KS", "EXPIRED");
        assertReport(report(TestKs.v2(1000, secret(), NOW + 1, 2, "", Map.of())));
    }

    @Test
    void rejectsAUserKsForReports() {
        assertError(report(TestKs.v2(1000, secret(), NOW + 60, 0, "", Map.of())), "SERVICE_FORBIDDEN",
                "The access to service [report->getCsvFromStringParams] is forbidden");
        assertError(report(TestKs.v1(1000, secret(), NOW + 60, 0, "", "")), "SERVICE_FORBIDDEN", "forbidden");
    }

    @Test
    void rejectsAMissingOrGarbledKs() {
        HttpResponse<String> none = Http.post(sim, "report", "getCsvFromStringParams", Http.params("id", "6000",
                "params", "", "format", "1"));
        assertError(none, "SERVICE_FORBIDDEN", "report->getCsvFromStringParams");
        assertError(report("garbage"), "INVALID_KS", "INVALID_STR");
    }

    @Test
    void readsNoAuthorizationHeader() {
        String ks = TestKs.v2(1000, secret(), NOW + 60, 2, "", Map.of());
        HttpResponse<String> r = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl()
                + "/api_v3/service/report/action/getCsvFromStringParams"))
                .header("Authorization", "KS " + ks).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("id=6000&params=&format=1")).build());
        assertError(r, "SERVICE_FORBIDDEN", "forbidden");
    }

    @Test
    void honoursUriRestrictWithAStarAsAPrefixOfTheUri() {
        String restricted = TestKs.v2(1000, secret(), NOW + 60, 2, "", Map.of("urirestrict", REPORT_PATH + "*"));
        assertReport(report(restricted));
        assertReport(report(TestKs.v1(1000, secret(), NOW + 60, 2, "", "urirestrict:" + REPORT_PATH + "*")));
        String elsewhere = TestKs.v2(1000, secret(), NOW + 60, 2, "", Map.of("urirestrict",
                "/api_v3/service/media/*"));
        assertError(report(elsewhere), "INVALID_KS", "EXCEEDED_RESTRICTED_URI");
        // The index.php form has another path, so a path restriction refuses it, as on the server.
        HttpResponse<String> viaIndex = Http.postBody(sim, "/api_v3/index.php?service=report&action="
                + "getCsvFromStringParams", "application/x-www-form-urlencoded", Http.form(Http.params("ks",
                restricted, "id", "6000", "params", "", "format", "1")));
        assertError(viaIndex, "INVALID_KS", "EXCEEDED_RESTRICTED_URI");
    }

    @Test
    void aUriRestrictFailureIsReasonMinus11() {
        String elsewhere = TestKs.v2(1000, secret(), NOW + 60, 2, "", Map.of("urirestrict",
                "/api_v3/service/media/*"));
        assertError(report(elsewhere), "INVALID_KS", "\\\"-11,EXCEEDED_RESTRICTED_URI\\\"");
    }

    @Test
    void ipRestrictIsCheckedBeforeUriRestrict() {
        String both = TestKs.v2(1000, secret(), NOW + 60, 2, "", Map.of("iprestrict", "10.1.2.3", "urirestrict",
                "/api_v3/service/media/*"));
        assertError(report(both), "INVALID_KS", "-9,EXCEEDED_RESTRICTED_IP");
        assertError(report(TestKs.v1(1000, secret(), NOW + 60, 2, "",
                "urirestrict:/api_v3/service/media/*,iprestrict:10.1.2.3")), "INVALID_KS", "-9,EXCEEDED_RESTRICTED_IP");
        // The KS is checked before the rights: a user KS outside its addresses is an invalid KS, not a forbidden call.
        assertError(report(TestKs.v2(1000, secret(), NOW + 60, 0, "", Map.of("iprestrict", "10.1.2.3"))),
                "INVALID_KS", "-9,EXCEEDED_RESTRICTED_IP");
    }

    @Test
    void honoursIpRestrictAsExactAddressesSeparatedBySlashes() {
        assertReport(report(TestKs.v2(1000, secret(), NOW + 60, 2, "", Map.of("iprestrict", "127.0.0.1"))));
        assertReport(report(TestKs.v2(1000, secret(), NOW + 60, 2, "", Map.of("iprestrict",
                "10.1.2.3/127.0.0.1"))));
        assertReport(report(TestKs.v1(1000, secret(), NOW + 60, 2, "", "iprestrict:10.1.2.3/127.0.0.1")));
        assertError(report(TestKs.v2(1000, secret(), NOW + 60, 2, "", Map.of("iprestrict", "10.1.2.3"))),
                "INVALID_KS", "-9,EXCEEDED_RESTRICTED_IP");
        // No CIDR, no ranges, no other list separator, nothing trimmed: the server compares strings.
        for (String notExact : new String[] {"127.0.0.0/8", "127.0.0.0-127.0.0.255", "10.1.2.3,127.0.0.1",
                "10.1.2.3|127.0.0.1", " 127.0.0.1", "127.000.000.001"}) {
            assertError(report(TestKs.v2(1000, secret(), NOW + 60, 2, "", Map.of("iprestrict", notExact))),
                    "INVALID_KS", "-9,EXCEEDED_RESTRICTED_IP");
        }
    }

    @Test
    void sessionStartIssuesV2WithTheAskedTypeExpiryAndPrivileges() {
        HttpResponse<String> r = Http.post(sim, "session", "start", Http.params("secret", secret(), "partnerId",
                "1000", "type", "2", "userId", "bot", "expiry", "300", "privileges",
                "urirestrict:" + REPORT_PATH + "*", "format", "1"));
        String ks = r.body().substring(1, r.body().length() - 1);
        assertThat(TestKs.v2Fields(ks, secret())).isEqualTo("urirestrict=" + REPORT_PATH.replace("/", "%2F")
                + "*&_e=" + (NOW + 300) + "&_t=2&_u=bot");
    }

    @Test
    void sessionStartRefusesAWrongSecretOrPartner() {
        assertError(Http.post(sim, "session", "start", Http.params("secret", "nope", "partnerId", "1000", "format",
                "1")), "START_SESSION_ERROR", "Error while starting session for partner [1000]");
        assertError(Http.post(sim, "session", "start", Http.params("secret", secret(), "partnerId", "999", "format",
                "1")), "START_SESSION_ERROR", "partner [999]");
        HttpResponse<String> xml = Http.post(sim, "session", "start", Http.params("secret", "nope", "partnerId",
                "1000"));
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result><error><code>"
                + "START_SESSION_ERROR</code><message>Error while starting session for partner [1000]</message>"
                + "<objectType>KalturaAPIException</objectType><args></args></error></result><executionTime>")
                .endsWith("</executionTime></xml>");
    }
}
