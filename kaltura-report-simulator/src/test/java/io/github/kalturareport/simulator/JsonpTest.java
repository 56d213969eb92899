package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** format=9: the JSON answer inside callback(...);, the callback read from the query string only. */
@ExtendWith(KalturaSimulatorExtension.class)
class JsonpTest {

    private static HttpResponse<String> sessionStart(KalturaSimulator sim, String query, String secret) {
        return Http.postBody(sim, "/api_v3/service/session/action/start" + query,
                "application/x-www-form-urlencoded", Http.form(Http.params("secret", secret, "partnerId", "1000",
                        "type", "2", "format", "9")));
    }

    @Test
    void aResultIsWrappedInTheCallback(KalturaSimulator sim) {
        HttpResponse<String> r = sessionStart(sim, "?callback=my.cb_1", sim.adminSecret());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/javascript");
        assertThat(r.body()).matches("my\\.cb_1\\(\"[A-Za-z0-9_=-]+\"\\);");
    }

    @Test
    void anErrorIsWrappedInTheCallback(KalturaSimulator sim) {
        HttpResponse<String> r = sessionStart(sim, "?callback=cb", "wrong");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/javascript");
        assertThat(r.body()).isEqualTo("cb({\"code\":\"START_SESSION_ERROR\",\"message\":\"Error while starting "
                + "session for partner [1000]\",\"objectType\":\"KalturaAPIException\",\"args\":[]});");
    }

    @Test
    void withoutACallbackInTheQueryStringTheAnswerIsAJsonError(KalturaSimulator sim) {
        for (HttpResponse<String> r : java.util.List.of(sessionStart(sim, "", sim.adminSecret()),
                Http.post(sim, "session", "start", Http.params("secret", sim.adminSecret(), "partnerId", "1000",
                        "format", "9", "callback", "inTheBody")))) {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(r.body()).isEqualTo("{\"code\":\"MANDATORY_PARAMETER_MISSING\",\"message\":\"Mandatory "
                    + "parameter missing [callback]\",\"objectType\":\"KalturaAPIException\","
                    + "\"args\":{\"PARAM_NAME\":\"callback\"}}");
        }
    }

    @Test
    void aCallbackOutsideLettersDigitsUnderscoreAndDotIsRefused(KalturaSimulator sim) {
        HttpResponse<String> r = sessionStart(sim, "?callback=alert(1)", sim.adminSecret());
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).contains("\"code\":\"INVALID_FIELD_VALUE\"")
                .contains("value in field [callback] is not valid").doesNotContain("alert");
    }

    @Test
    void aReportIsStillTheCsvFileAndItsErrorsStillHeadersOnly(KalturaSimulator sim) {
        String ks = Http.adminKs(sim);
        HttpResponse<String> csv = Http.postBody(sim, "/api_v3/service/report/action/getCsvFromStringParams",
                "application/x-www-form-urlencoded", Http.form(Http.params("ks", ks, "id", "6000", "params", "",
                        "format", "9")));
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFentry_id,");
        HttpResponse<String> missing = Http.postBody(sim, "/api_v3/service/report/action/getCsvFromStringParams"
                + "?callback=cb", "application/x-www-form-urlencoded", Http.form(Http.params("ks", ks, "id", "6003",
                        "format", "9")));
        assertThat(missing.body()).isEmpty();
        assertThat(missing.headers().firstValue("X-Kaltura")).hasValue("error-REPORT_NOT_FOUND");
    }
}
