package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The app-token flow: widget session, token hash, app-token session, then a report with that KS. */
class AppTokenTest {
    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension(() -> KalturaSimulator.builder()
            .appToken("1_tok256", "s3cr3t-token-256", "SHA256")
            .appToken("1_tok1", "s3cr3t-token-1", "SHA1")
            .appToken("1_tok512", "s3cr3t-token-512", "SHA512")
            .appToken("1_tokmd5", "s3cr3t-token-md5", "MD5")
            .appToken(new AppToken("1_old", "old-token", "SHA256", 1_000_000_000L)));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String widgetKs() throws Exception {
        JsonNode widget = json(Http.post(SIM.simulator(), "session", "startWidgetSession", Http.params("widgetId",
                "_1000", "format", "1")));
        assertThat(widget.get("objectType").asText()).isEqualTo("KalturaStartWidgetSessionResponse");
        assertThat(widget.get("partnerId").asInt()).isEqualTo(1000);
        assertThat(widget.get("userId").asText()).isEqualTo("0");
        return widget.get("ks").asText();
    }

    private static HttpResponse<String> startSession(String widgetKs, String id, String tokenHash) {
        return Http.post(SIM.simulator(), "appToken", "startSession", Http.params("ks", widgetKs, "id", id,
                "tokenHash", tokenHash, "type", "2", "expiry", "600", "format", "1"));
    }

    @Test
    void everyHashTypeGivesAKsThatFetchesReports() throws Exception {
        String[][] tokens = {{"1_tok256", "s3cr3t-token-256", "SHA-256"}, {"1_tok1", "s3cr3t-token-1", "SHA-1"},
            {"1_tok512", "s3cr3t-token-512", "SHA-512"}, {"1_tokmd5", "s3cr3t-token-md5", "MD5"}};
        for (String[] t : tokens) {
            String widgetKs = widgetKs();
            JsonNode info = json(startSession(widgetKs, t[0], TestKs.sha(t[2], widgetKs + t[1])));
            assertThat(info.get("objectType").asText()).isEqualTo("KalturaSessionInfo");
            assertThat(info.get("sessionType").asInt()).isEqualTo(2);
            String ks = info.get("ks").asText();
            HttpResponse<String> report = Http.report(SIM.simulator(), ks, 6002, "fromDate=0");
            assertThat(report.body()).startsWith("\uFEFFparent_entry_id,");
        }
    }

    @Test
    void widgetKsAloneCannotFetchReports() throws Exception {
        HttpResponse<String> r = Http.post(SIM.simulator(), "report", "getCsvFromStringParams", Http.params("ks",
                widgetKs(), "id", "6000", "params", "", "format", "1"));
        assertThat(r.body()).contains("SERVICE_FORBIDDEN");
    }

    @Test
    void badHashUnknownIdExpiredTokenAndMissingKs() throws Exception {
        String widgetKs = widgetKs();
        assertThat(json(startSession(widgetKs, "1_tok256", TestKs.sha("SHA-256", widgetKs + "wrong"))).get("code")
                .asText()).isEqualTo("INVALID_APP_TOKEN_HASH");
        // The right token hashed with the wrong algorithm is a bad hash too.
        assertThat(json(startSession(widgetKs, "1_tok256", TestKs.sha("SHA-1", widgetKs + "s3cr3t-token-256")))
                .get("code").asText()).isEqualTo("INVALID_APP_TOKEN_HASH");
        assertThat(json(startSession(widgetKs, "1_nope", "00")).get("code").asText())
                .isEqualTo("APP_TOKEN_ID_NOT_FOUND");
        assertThat(json(startSession(widgetKs, "1_old", TestKs.sha("SHA-256", widgetKs + "old-token"))).get("code")
                .asText()).isEqualTo("APP_TOKEN_EXPIRED");
        HttpResponse<String> noKs = Http.post(SIM.simulator(), "appToken", "startSession", Http.params("id",
                "1_tok256", "tokenHash", "00", "format", "1"));
        assertThat(json(noKs).get("code").asText()).isEqualTo("SERVICE_FORBIDDEN");
        assertThat(SIM.simulator().requests()).allSatisfy(r -> {
            assertThat(r.parameter("tokenHash")).isEmpty();
            assertThat(r.parameter("ks")).isEmpty();
        });
    }

    @Test
    void xmlShapesOfTheSessionObjects() throws Exception {
        HttpResponse<String> widget = Http.post(SIM.simulator(), "session", "startWidgetSession", Http.params(
                "widgetId", "_1000"));
        assertThat(widget.body()).matches("<\\?xml version=\"1.0\" encoding=\"utf-8\"\\?><xml><result><ks>[^<]+</ks>"
                + "<partnerId>1000</partnerId><userId>0</userId><objectType>KalturaStartWidgetSessionResponse"
                + "</objectType></result><executionTime>[0-9.]+</executionTime></xml>");
        String widgetKs = widgetKs();
        HttpResponse<String> info = Http.post(SIM.simulator(), "appToken", "startSession", Http.params("ks", widgetKs,
                "id", "1_tok256", "tokenHash", TestKs.sha("SHA-256", widgetKs + "s3cr3t-token-256")));
        assertThat(info.body()).contains("<objectType>KalturaSessionInfo</objectType>").contains("<ks>");
        assertThat(Http.post(SIM.simulator(), "session", "startWidgetSession", Http.params("widgetId", "_999",
                "format", "1")).body()).contains("INVALID_WIDGET_ID");
    }
}
