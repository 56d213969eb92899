package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportBasicsTest {
    static KalturaSimulator sim;
    static String ks;

    @BeforeAll
    static void start() {
        sim = KalturaSimulator.builder().endDate(LocalDate.of(2025, 6, 30)).days(120).start();
        ks = Http.adminKs(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.clearRequests();
    }

    static List<String> lines(String body) {
        assertThat(body).startsWith("\uFEFF").endsWith("\n").doesNotContain("\r");
        return Arrays.asList(body.substring(1, body.length() - 1).split("\n", -1));
    }

    @Test
    void sessionStartAnswersXmlByDefaultAndJsonWithFormat1() {
        HttpResponse<String> xml = Http.post(sim, "session", "start", Http.params("secret", sim.adminSecret(),
                "partnerId", "1000", "type", "2"));
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(xml.body()).matches("<\\?xml version=\"1.0\" encoding=\"utf-8\"\\?><xml><result>[A-Za-z0-9_=-]+"
                + "</result><executionTime>[0-9.]+</executionTime></xml>");
        HttpResponse<String> json = Http.post(sim, "session", "start", Http.params("secret", sim.adminSecret(),
                "partnerId", "1000", "type", "2", "format", "1"));
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.body()).matches("\"[A-Za-z0-9_=-]+\"");
    }

    @Test
    void roomsReportHasTheServersShape() {
        HttpResponse<String> r = Http.report(sim, ks, 6000, "from_date=0;to_date=9999999999");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"Report_");
        List<String> lines = lines(r.body());
        assertThat(lines.get(0)).isEqualTo("entry_id,entry_name,parent_entry_id,cue_point_id,session_start_time,"
                + "session_end_time,session_host_user_id,meeting_view_period_unique_users,"
                + "meeting_engaged_play_time_ratio");
        assertThat(lines).hasSize(1 + 12 * 20);
        assertThat(lines.get(1)).matches("1_[a-z0-9]{8},[^,]*,,1_[a-z0-9]{8},\\d{10},\\d{10},[^,]+,25,(0|1|0\\.\\d+)");
    }

    @Test
    void dateFiltersAreInclusiveSecondsOnTheSessionStart() {
        List<String> all = lines(Http.report(sim, ks, 6000, "from_date=0;to_date=9999999999").body());
        long[] starts = all.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[4])).toArray();
        for (int i = 1; i < starts.length; i++) {
            assertThat(starts[i]).isGreaterThan(starts[i - 1]);
        }
        long s = starts[10];
        List<String> one = lines(Http.report(sim, ks, 6000, "from_date=" + s + ";to_date=" + s).body());
        assertThat(one).hasSize(2);
        assertThat(one.get(1).split(",")[4]).isEqualTo(Long.toString(s));
        List<String> attendees = lines(Http.report(sim, ks, 6001, "from_date=" + s + ";to_date=" + s).body());
        assertThat(attendees).hasSize(26);
        assertThat(attendees.stream().skip(1).map(l -> l.split(",")[1]).collect(Collectors.toSet()))
                .containsExactly(one.get(1).split(",")[3]);
        List<String> window = lines(Http.report(sim, ks, 6000, "from_date=" + starts[3] + ";to_date=" + starts[7])
                .body());
        assertThat(window).hasSize(1 + 5);
        List<String> none = lines(Http.report(sim, ks, 6000, "from_date=" + (s + 1) + ";to_date=" + (starts[11] - 1))
                .body());
        assertThat(none).hasSize(1);
    }

    @Test
    void requestLogHasNamesButNoSecretValues() {
        Http.report(sim, ks, 6001, "from_date=0;to_date=1");
        List<RecordedRequest> requests = sim.requests();
        assertThat(requests).hasSize(1);
        RecordedRequest r = requests.get(0);
        assertThat(r.service()).isEqualTo("report");
        assertThat(r.action()).isEqualTo("getCsvFromStringParams");
        assertThat(r.parameterNames()).containsExactly("ks", "id", "params");
        assertThat(r.parameter("ks")).isEmpty();
        assertThat(r.parameter("id")).hasValue("6001");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.toString()).doesNotContain(ks);
    }
}
