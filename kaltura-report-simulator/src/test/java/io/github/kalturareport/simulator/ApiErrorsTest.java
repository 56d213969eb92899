package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each error shape and code, in XML (the default) and JSON. */
@ExtendWith(KalturaSimulatorExtension.class)
class ApiErrorsTest {

    @Test
    void reportNotFoundIsAnEmpty200WithXKalturaHeaders(KalturaSimulator sim) {
        HttpResponse<String> r = Http.report(sim, Http.adminKs(sim), 6003, "from_date=0");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("X-Kaltura")).hasValue("error-REPORT_NOT_FOUND");
        assertThat(r.headers().firstValue("X-Kaltura-App"))
                .hasValue("exiting on error REPORT_NOT_FOUND - Report id \"6003\" not found");
        assertThat(sim.requests().get(1).errorCode()).hasValue("REPORT_NOT_FOUND");
    }

    @Test
    void missingParameterInXmlAndJson(KalturaSimulator sim) {
        HttpResponse<String> xml = Http.post(sim, "report", "getCsvFromStringParams", Http.params("ks",
                Http.adminKs(sim), "params", ""));
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result><error>"
                + "<code>MISSING_MANDATORY_PARAMETER</code><message>Missing parameter &quot;id&quot;</message>"
                + "<objectType>KalturaAPIException</objectType><args><item><objectType>KalturaApiExceptionArg"
                + "</objectType><name>PARAM_NAME</name><value>id</value></item></args></error></result>"
                + "<executionTime>");
        HttpResponse<String> json = Http.post(sim, "report", "getCsvFromStringParams", Http.params("ks",
                Http.adminKs(sim), "params", "", "format", "1"));
        assertThat(json.body()).isEqualTo("{\"code\":\"MISSING_MANDATORY_PARAMETER\",\"message\":"
                + "\"Missing parameter \\\"id\\\"\",\"objectType\":\"KalturaAPIException\","
                + "\"args\":{\"PARAM_NAME\":\"id\"}}");
    }

    @Test
    void paramsIsOptionalSoAnUnknownReportWithoutItIsReportNotFound(KalturaSimulator sim) {
        HttpResponse<String> r = Http.post(sim, "report", "getCsvFromStringParams", Http.params("ks",
                Http.adminKs(sim), "id", "6003", "format", "1"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("X-Kaltura")).hasValue("error-REPORT_NOT_FOUND");
        assertThat(r.headers().firstValue("X-Kaltura-App"))
                .hasValue("exiting on error REPORT_NOT_FOUND - Report id \"6003\" not found");
    }

    @Test
    void aKnownReportWithoutParamsRunsUnfiltered(KalturaSimulator sim) {
        String ks = Http.adminKs(sim);
        HttpResponse<String> r = Http.post(sim, "report", "getCsvFromStringParams", Http.params("ks", ks, "id",
                "6001"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(r.body()).startsWith("\uFEFFentry_id,").isEqualTo(Http.report(sim, ks, 6001, "").body());
        assertThat(r.body().split("\n")).hasSizeGreaterThan(2);
    }

    @Test
    void serviceForbiddenWithoutKsHasEmptyArgs(KalturaSimulator sim) {
        HttpResponse<String> json = Http.post(sim, "report", "getCsvFromStringParams", Http.params("id", "6000",
                "params", "", "format", "1"));
        assertThat(json.body()).isEqualTo("{\"code\":\"SERVICE_FORBIDDEN\",\"message\":\"The access to service "
                + "[report->getCsvFromStringParams] is forbidden\",\"objectType\":\"KalturaAPIException\","
                + "\"args\":[]}");
    }

    @Test
    void invalidKsEchoesTheKsAsTheServerDoes(KalturaSimulator sim) {
        HttpResponse<String> json = Http.post(sim, "report", "getCsvFromStringParams", Http.params("ks", "bogus",
                "id", "6000", "params", "", "format", "1"));
        assertThat(json.body()).contains("\"code\":\"INVALID_KS\"")
                .contains("\"message\":\"Invalid KS \\\"bogus\\\", Error \\\"-1,INVALID_STR\\\"\"");
    }

    @Test
    void unknownServiceAndAction(KalturaSimulator sim) {
        assertThat(Http.post(sim, "media", "list", Http.params("format", "1")).body())
                .contains("\"code\":\"SERVICE_DOES_NOT_EXISTS\"");
        assertThat(Http.post(sim, "report", "getTotal", Http.params("format", "1")).body())
                .contains("\"code\":\"ACTION_DOES_NOT_EXISTS\"");
        assertThat(Http.get(sim, "/api_v3/index.php?format=1").body()).contains("\"code\":\"SERVICE_NOT_SPECIFIED\"");
    }
}
