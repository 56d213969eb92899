package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request form of the API v3 dispatcher, and the precedence path, then query, then body. */
class RequestFormsTest {
    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension();

    private static KalturaSimulator sim() {
        return SIM.simulator();
    }

    private static void assertRooms(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(r.body()).startsWith("\uFEFFentry_id,entry_name,");
    }

    @Test
    void pathPairsAsInTheGuide() {
        String ks = Http.adminKs(sim());
        assertRooms(Http.get(sim(), "/api_v3/service/report/action/getCsvFromStringParams/id/6000/ks/" + ks
                + "/params/from_date=0;to_date=9999999999"));
        assertRooms(Http.get(sim(), "/api_v3/index.php/service/report/action/getCsvFromStringParams/id/6000/ks/" + ks
                + "/params/from_date=0"));
        assertThat(sim().requests().get(1).path()).doesNotContain(ks).contains("/ks/***/");
    }

    @Test
    void indexPhpQuery() {
        String ks = Http.adminKs(sim());
        assertRooms(Http.get(sim(), "/api_v3/index.php?service=report&action=getCsvFromStringParams&id=6000&ks=" + ks
                + "&params=from_date%3D0"));
        assertRooms(Http.get(sim(), "/api_v3/?service=report&action=getCsvFromStringParams&id=6000&ks=" + ks
                + "&params="));
    }

    @Test
    void formBody() {
        assertRooms(Http.postBody(sim(), "/api_v3/service/report/action/getCsvFromStringParams",
                "application/x-www-form-urlencoded; charset=UTF-8",
                Http.form(Http.params("ks", Http.adminKs(sim()), "id", "6000", "params", "from_date=0"))));
    }

    @Test
    void multipartBody() {
        String ks = Http.adminKs(sim());
        String boundary = "----kaltura42";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"ks\"\r\n\r\n" + ks + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n6000\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"params\"\r\n\r\nfrom_date=0\r\n"
                + "--" + boundary + "--\r\n";
        assertRooms(Http.postBody(sim(), "/api_v3/service/report/action/getCsvFromStringParams",
                "multipart/form-data; boundary=" + boundary, body));
    }

    @Test
    void jsonBodyOnlyWithTheExactContentType() {
        String ks = Http.adminKs(sim());
        String json = "{\"ks\":\"" + ks + "\",\"id\":6000,\"params\":\"from_date=0\",\"format\":1}";
        assertRooms(Http.postBody(sim(), "/api_v3/service/report/action/getCsvFromStringParams", "application/json",
                json));
        // With a charset the server does not read the JSON: no KS reaches it.
        HttpResponse<String> ignored = Http.postBody(sim(), "/api_v3/service/report/action/getCsvFromStringParams",
                "application/json; charset=utf-8", json);
        assertThat(ignored.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(ignored.body()).contains("<code>SERVICE_FORBIDDEN</code>");
    }

    @Test
    void pathWinsOverQueryAndQueryOverBody() {
        String ks = Http.adminKs(sim());
        // Path says 6000, query 6001, body 6002: the path wins.
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(sim().baseUrl()
                + "/api_v3/service/report/action/getCsvFromStringParams/id/6000?id=6001"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(Http.params("id", "6002", "ks", ks, "params",
                        "")))).build());
        assertRooms(r);
        // Query 6001 over body 6002.
        HttpResponse<String> q = Http.send(HttpRequest.newBuilder(URI.create(sim().baseUrl()
                + "/api_v3/service/report/action/getCsvFromStringParams?id=6001"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(Http.params("id", "6002", "ks", ks, "params",
                        "")))).build());
        assertThat(q.body()).startsWith("\uFEFFentry_id,cue_point_id,user_id,");
        assertThat(sim().requests().get(sim().requests().size() - 1).parameterNames()).containsExactly("id", "ks",
                "params");
    }

    @Test
    void otherPathsAreNotTheApi() {
        HttpResponse<String> r = Http.get(sim(), "/index.html");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html");
    }
}
