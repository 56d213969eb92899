package io.github.kalturareport.core.it;

import static io.github.kalturareport.core.it.SimulatorFetch.lines;
import static io.github.kalturareport.core.it.SimulatorFetch.names;
import static io.github.kalturareport.core.it.SimulatorFetch.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.KalturaApiException;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.report.ReportDefinition;
import io.github.kalturareport.simulator.KalturaSimulator;
import io.github.kalturareport.simulator.KalturaSimulatorExtension;
import io.github.kalturareport.simulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The fetch over real HTTP against the simulator: auth modes, output, manifest, filters, dates, API errors. */
class FetchOverHttpTest {

    static final String APP_TOKEN_ID = "0_apptoken";
    static final String APP_TOKEN = "app-token-value-123";

    @RegisterExtension
    static final KalturaSimulatorExtension SIM = new KalturaSimulatorExtension(
            () -> KalturaSimulator.builder().appToken(APP_TOKEN_ID, APP_TOKEN, "SHA512"));

    @TempDir
    Path out;

    private static List<RecordedRequest> reportRequests(KalturaSimulator sim) {
        return SimulatorFetch.settledRequests(sim).stream().filter(r -> "report".equalsIgnoreCase(r.service())).toList();
    }

    @Test
    void fetchesTheThreeReportsCompleteAndWritesTheManifest() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        RecordingListener listener = new RecordingListener();
        FetchResult result = ReportFetcher.fetch(settings(sim, out).build(), listener);

        assertThat(names(out)).containsExactlyInAnyOrder("rooms.csv", "attendees.csv", "breakouts.csv",
                "manifest.json");
        assertThat(result.reports()).extracting(ReportSummary::report).containsExactly(ReportDefinition.ROOMS,
                ReportDefinition.ATTENDEES, ReportDefinition.BREAKOUTS);
        List<RecordedRequest> requests = reportRequests(sim);
        assertThat(requests).hasSize(3);
        for (ReportSummary s : result.reports()) {
            RecordedRequest r = requests.stream()
                    .filter(q -> q.parameter("id").orElse("").equals(Integer.toString(s.report().id())))
                    .findFirst().orElseThrow();
            assertThat(s.rows()).isPositive().isEqualTo(r.rows());
            List<String> lines = lines(s.file());
            assertThat(lines).hasSize((int) s.rows() + 1);
            assertThat(lines.get(0)).isEqualTo(String.join(",", s.report().columns().stream()
                    .map(c -> c.name()).toList()));
            assertThat(Files.readAllBytes(s.file())[0]).isNotEqualTo((byte) 0xEF); // no BOM
            assertThat(s.windows()).isEqualTo(1);
            assertThat(s.retries()).isZero();
        }
        assertThat(listener.lines).anyMatch(l -> l.startsWith("done ReportSummary[report=rooms (6000)"));

        JsonNode manifest = new ObjectMapper().readTree(result.manifest().toFile());
        assertThat(manifest.get("partnerId").asInt()).isEqualTo(1000);
        assertThat(manifest.get("authentication").asText()).isEqualTo("adminSecret");
        assertThat(manifest.get("range").get("fromEpochSecond").asLong()).isEqualTo(sim.dataStart().getEpochSecond());
        JsonNode rooms = manifest.get("reports").get(0);
        assertThat(rooms.get("id").asInt()).isEqualTo(6000);
        assertThat(rooms.get("file").asText()).isEqualTo("rooms.csv");
        assertThat(rooms.get("rows").asLong()).isEqualTo(result.reports().get(0).rows());
        assertThat(rooms.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest
                .getInstance("SHA-256").digest(Files.readAllBytes(out.resolve("rooms.csv")))));
        assertThat(rooms.get("windows")).hasSize(1);
        assertThat(rooms.get("params").asText()).isEqualTo("from_date=" + sim.dataStart().getEpochSecond()
                + ";to_date=" + sim.dataEnd().getEpochSecond());
        assertThat(manifest.get("reports").get(2).get("params").asText()).startsWith("fromDate=");
    }

    @Test
    void theKsTravelsOnlyInThePostBody() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        ReportFetcher.fetch(settings(sim, out).reports("rooms").build(), null);
        RecordedRequest r = reportRequests(sim).get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api_v3/service/report/action/getCsvFromStringParams");
        assertThat(r.parameterNames()).contains("ks", "id", "params", "format", "clientTag");
        assertThat(r.parameter("format")).contains("1");
        assertThat(r.parameter("clientTag").orElseThrow()).startsWith("kaltura-report:");
    }

    @Test
    void anAppTokenStartsASession() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        FetchResult result = ReportFetcher.fetch(settings(sim, out).reports("attendees")
                .credentials(Credentials.appToken(APP_TOKEN_ID, APP_TOKEN, "sha512")).build(), null);
        assertThat(result.reports().get(0).rows()).isPositive();
        List<RecordedRequest> requests = SimulatorFetch.settledRequests(sim);
        assertThat(requests).extracting(r -> r.service() + "." + r.action()).containsExactly(
                "session.startWidgetSession", "appToken.startSession", "report.getCsvFromStringParams");
        assertThat(requests.get(1).parameter("id")).contains(APP_TOKEN_ID);
    }

    @Test
    void aWrongAppTokenIsAClearError() {
        KalturaSimulator sim = SIM.simulator();
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms")
                .credentials(Credentials.appToken(APP_TOKEN_ID, "wrong-token", "SHA512")).build(), null))
                .isInstanceOfSatisfying(KalturaApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_APP_TOKEN_HASH");
                    assertThat(e.getMessage()).contains("KALTURA_APP_TOKEN", "hash");
                });
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms")
                .credentials(Credentials.appToken("0_nope", APP_TOKEN, null)).build(), null))
                .isInstanceOfSatisfying(KalturaApiException.class,
                        e -> assertThat(e.code()).isEqualTo("APP_TOKEN_ID_NOT_FOUND"));
    }

    @Test
    void aReadyKsIsUsedAsGiven() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        String ks = SimulatorFetch.sessionStart(sim, 2, 3600);
        FetchResult result = ReportFetcher.fetch(settings(sim, out).partnerId(null).reports("breakouts")
                .credentials(Credentials.ks(ks)).build(), null);
        assertThat(result.reports().get(0).rows()).isPositive();
    }

    @Test
    void aWrongSecretOrPartnerIsInvalidKsWithAdvice() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms")
                .credentials(Credentials.adminSecret("not-the-secret")).build(), null))
                .isInstanceOfSatisfying(KalturaApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_KS");
                    assertThat(e.getMessage()).contains("partner id 1000", "admin secret", "clock")
                            .doesNotContain("djJ8", "not-the-secret");
                });
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms").partnerId("2000").build(),
                null)).isInstanceOfSatisfying(KalturaApiException.class,
                        e -> assertThat(e.getMessage()).contains("INVALID_KS", "partner id 2000"));
        assertThat(names(out)).isEmpty();
    }

    @Test
    void aUserKsIsServiceForbidden() {
        KalturaSimulator sim = SIM.simulator();
        String userKs = SimulatorFetch.sessionStart(sim, 0, 3600);
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms")
                .credentials(Credentials.ks(userKs)).build(), null))
                .isInstanceOfSatisfying(KalturaApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("SERVICE_FORBIDDEN");
                    assertThat(e.getMessage()).contains("lacks the right");
                });
    }

    @Test
    void anExpiredReadyKsSaysSo() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        String ks = SimulatorFetch.sessionStart(sim, 2, 1);
        Thread.sleep(1100);
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms")
                .credentials(Credentials.ks(ks)).build(), null))
                .isInstanceOfSatisfying(KalturaApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_KS");
                    assertThat(e.getMessage()).contains("has expired").doesNotContain(ks);
                });
    }

    @Test
    void anUnknownReportIsReportNotFoundFromTheHeadersOnlyError() {
        KalturaSimulator sim = SIM.simulator();
        assertThatThrownBy(() -> ReportFetcher.fetch(settings(sim, out).reports("rooms,6099").build(), null))
                .isInstanceOfSatisfying(KalturaApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("REPORT_NOT_FOUND");
                    assertThat(e.getMessage()).contains("Report id 6099 does not exist", "partner 1000");
                });
    }

    @Test
    void descriptiveHeadersAndIsoTimesInTheZone() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        FetchResult result = ReportFetcher.fetch(settings(sim, out).reports("rooms").descriptiveHeaders(true)
                .timeZone("America/New_York").build(), null);
        List<String> lines = lines(result.reports().get(0).file());
        assertThat(lines.get(0)).isEqualTo("Entry ID,Room Name,Parent Entry ID,Session ID,Session Start Time,"
                + "Session End Time,Host,Unique Attendees,Engagement Rate");
        String start = lines.get(1).split(",")[4];
        ZonedDateTime parsed = ZonedDateTime.parse(start);
        assertThat(parsed.getOffset()).isEqualTo(ZoneId.of("America/New_York").getRules()
                .getOffset(parsed.toInstant()));
        assertThat(parsed.toInstant()).isBetween(sim.dataStart(), sim.dataEnd());
    }

    @Test
    void filtersReachTheServerAndNarrowTheRows() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        Path all = Files.createDirectory(out.resolve("all"));
        FetchResult unfiltered = ReportFetcher.fetch(settings(sim, all).reports("rooms").build(), null);
        List<String> rows = lines(unfiltered.reports().get(0).file());
        String entry = rows.get(1).split(",")[0];
        long expected = rows.stream().skip(1).filter(l -> l.startsWith(entry + ",")).count();
        Path some = Files.createDirectory(out.resolve("some"));
        FetchResult filtered = ReportFetcher.fetch(settings(sim, some).reports("rooms,attendees")
                .filter("entryIds", entry).build(), null);
        assertThat(filtered.reports().get(0).rows()).isEqualTo(expected);
        assertThat(lines(filtered.reports().get(0).file()).stream().skip(1)).allMatch(l -> l.startsWith(entry + ","));
        assertThat(lines(filtered.reports().get(1).file()).stream().skip(1)).allMatch(l -> l.startsWith(entry + ","));
        assertThat(reportRequests(sim)).filteredOn(r -> r.parameter("params").orElse("").contains("entry_ids="))
                .hasSize(2);
    }

    @Test
    void aToDateCoversItsWholeDayInTheZone() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        LocalDate day = LocalDate.ofInstant(sim.dataStart(), zone).plusDays(10);
        FetchResult result = ReportFetcher.fetch(settings(sim, out).reports("rooms").from(day.toString())
                .to(day.toString()).timeZone(zone.getId()).build(), null);
        long from = day.atStartOfDay(zone).toEpochSecond();
        long to = day.plusDays(1).atStartOfDay(zone).toEpochSecond() - 1;
        assertThat(reportRequests(sim).get(0).parameter("params"))
                .contains("from_date=" + from + ";to_date=" + to);
        List<String> lines = lines(result.reports().get(0).file());
        assertThat(lines).hasSizeGreaterThan(1);
        for (String l : lines.subList(1, lines.size())) {
            long start = Long.parseLong(l.split(",")[4]);
            assertThat(start).isBetween(from, to);
        }
    }

    @Test
    void outputIsTheSameWhateverTheConcurrency() throws Exception {
        KalturaSimulator sim = SIM.simulator();
        Path one = Files.createDirectory(out.resolve("one"));
        Path four = Files.createDirectory(out.resolve("four"));
        ReportFetcher.fetch(settings(sim, one).concurrency("1").rowCap("100").build(), null);
        // rowCap 100 on a server with the real cap makes every window look capped: many splits, same output
        ReportFetcher.fetch(settings(sim, four).concurrency("4").build(), null);
        for (String f : List.of("rooms.csv", "attendees.csv", "breakouts.csv")) {
            assertThat(Files.readAllBytes(one.resolve(f))).isEqualTo(Files.readAllBytes(four.resolve(f)));
        }
    }
}
