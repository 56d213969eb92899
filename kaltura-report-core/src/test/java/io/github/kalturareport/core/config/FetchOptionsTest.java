package io.github.kalturareport.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.ToolVocabulary;
import io.github.kalturareport.core.Vocabulary;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.Endpoint;
import io.github.kalturareport.core.fetch.FetchSettings;
import io.github.kalturareport.core.fetch.Limits;
import io.github.kalturareport.core.fetch.ProxySettings;
import io.github.kalturareport.core.internal.http.ReportRequest;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.ReportDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings as a front end passes them: text (blank = not set) and typed values, into validated settings. */
class FetchOptionsTest {

    /** 2025-04-21T12:00:00Z. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-21T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FetchOptions valid() {
        return new FetchOptions()
                .partnerId("1000")
                .credentials(Credentials.adminSecret("s3cret-value"))
                .outputDirectory(dir)
                .clock(CLOCK);
    }

    private ConfigurationException failure(FetchOptions options) {
        try {
            options.build();
        } catch (ConfigurationException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigurationException");
    }

    @Test
    void defaultsAreTheContractsDefaults() throws Exception {
        FetchSettings s = valid().build();
        assertThat(s.endpoint().serviceUrl()).hasToString("https://www.kaltura.com");
        assertThat(s.partnerId()).isEqualTo(1000);
        assertThat(s.query().reports()).containsExactly(ReportDefinition.ROOMS, ReportDefinition.ATTENDEES,
                ReportDefinition.BREAKOUTS);
        assertThat(s.query().range().to()).isEqualTo(Instant.parse("2025-04-21T12:00:00Z"));
        assertThat(s.query().range().from()).isEqualTo(Instant.parse("2025-03-22T12:00:00Z"));
        assertThat(s.query().range().zone().getId()).isEqualTo("UTC");
        assertThat(s.limits()).isEqualTo(Limits.DEFAULTS);
        assertThat(s.endpoint().responseTimeout()).isEqualTo(Endpoint.DEFAULT_RESPONSE_TIMEOUT);
        assertThat(s.output().directory()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(s.vocabulary()).isSameAs(Vocabulary.LIBRARY);
    }

    @Test
    void blankStringsMeanNotSet() throws Exception {
        FetchSettings s = valid().serviceUrl(" ").region("").reports(null).period(" ").from("").to(null)
                .timeZone("").filter("entryIds", " ").filter("roomIds", "").concurrency(" ").maxRetries(null)
                .rowCap("").connectTimeout("").responseTimeout(null).build();
        assertThat(s.endpoint().serviceUrl()).hasToString("https://www.kaltura.com");
        assertThat(s.query().filters()).isEmpty();
        assertThat(s.limits().concurrency()).isEqualTo(Limits.DEFAULT_CONCURRENCY);
        assertThat(s.limits().maxRetries()).isEqualTo(Limits.DEFAULT_MAX_RETRIES);
        assertThat(s.limits().rowCap()).isEqualTo(Limits.KALTURA_ROW_CAP);
        assertThat(s.endpoint().connectTimeout()).isEqualTo(Endpoint.DEFAULT_CONNECT_TIMEOUT);
        assertThat(s.endpoint().responseTimeout()).isEqualTo(Endpoint.DEFAULT_RESPONSE_TIMEOUT);
        assertThat(s.query().range().description()).isEqualTo("LAST_30_DAYS");
    }

    @Test
    void regionsAndServiceUrl() throws Exception {
        assertThat(valid().region("eu").build().endpoint().serviceUrl()).hasToString("https://api.eu.kaltura.com");
        assertThat(valid().region("AU").build().endpoint().serviceUrl()).hasToString("https://api.ap.kaltura.com");
        assertThat(valid().region("EU").serviceUrl("http://127.0.0.1:8080/api_v3/").build().endpoint().serviceUrl())
                .hasToString("http://127.0.0.1:8080");
        ConfigurationException e = failure(valid().region("MARS"));
        assertThat(e.parameter()).isEqualTo("region");
        assertThat(e.getMessage()).contains("MARS", "US, EU, DE, SG, CA, AU");
        ConfigurationException ftp = failure(valid().serviceUrl(" ftp://x "));
        assertThat(ftp.parameter()).isEqualTo("serviceUrl");
        assertThat(ftp).hasMessage("Bad serviceUrl 'ftp://x': write the API's base URL such as "
                + "https://www.kaltura.com or http://127.0.0.1:8080 (no /api_v3, no query).");
        assertThat(failure(valid().serviceUrl("http://h/?ks=1")).parameter()).isEqualTo("serviceUrl");
    }

    @Test
    void datesAndPresetsInTheTimeZone() throws Exception {
        FetchSettings s = valid().from("2025-04-01").to("2025-04-01").timeZone("Europe/Paris").build();
        // Paris is UTC+2 in April
        assertThat(s.query().range().from()).isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
        assertThat(s.query().range().to()).isEqualTo(Instant.parse("2025-04-01T21:59:59Z"));
        assertThat(s.query().range().zone().getId()).isEqualTo("Europe/Paris");
        assertThat(valid().period("LAST_7_DAYS").build().query().range().from())
                .isEqualTo(Instant.parse("2025-04-14T12:00:00Z"));
        assertThat(failure(valid().period("LAST_WEEK")).parameter()).isEqualTo("period");
        assertThat(failure(valid().from("2025-04-10").to("2025-04-01")).parameter()).isEqualTo("from");
        assertThat(failure(valid().timeZone("Mars/Olympus")).parameter()).isEqualTo("timeZone");
    }

    @Test
    void reportsByNameAndId() throws Exception {
        FetchSettings s = valid().reports("attendees, 6000,6003,rooms").build();
        assertThat(s.query().reports()).extracting(ReportDefinition::id).containsExactly(6001, 6000, 6003);
        assertThat(failure(valid().reports("rooms,sessions")).parameter()).isEqualTo("reports");
        assertThat(failure(valid().reports("rooms,,attendees")).parameter()).isEqualTo("reports");
    }

    @Test
    void aFilterAReportDoesNotTakeNamesTheReportAndItsFilters() {
        ConfigurationException e = failure(valid().filter("userIds", "alice"));
        assertThat(e.parameter()).isEqualTo("userIds");
        assertThat(e.getMessage()).contains("rooms (6000)", "userIds", "entryIds, virtualEventIds", "attendees");
        assertThat(failure(valid().reports("breakouts").filter("entryIds", "1_a")).getMessage())
                .contains("breakouts (6002)", "parentEntryIds, virtualEventIds");
        ConfigurationException unknown = failure(valid().filter("roomIds", "1"));
        assertThat(unknown.parameter()).isEqualTo("roomIds");
        assertThat(unknown).hasMessage("Unknown filter 'roomIds': use one of entryIds, virtualEventIds, userIds, "
                + "cuePointIds, parentEntryIds.");
    }

    @Test
    void filtersBecomeTheReportsParamsKeys() throws Exception {
        FetchSettings s = valid().reports("attendees,6003").filter("userIds", "alice, bob")
                .filter("virtualEventIds", "7").from("2025-04-01").to("2025-04-01").build();
        assertThat(s.query().filters()).isEqualTo(Map.of(Filter.VIRTUAL_EVENT_IDS, List.of("7"),
                Filter.USER_IDS, List.of("alice", "bob")));
        assertThat(ReportRequest.params(ReportDefinition.ATTENDEES, s.query().filters(), 10, 20))
                .isEqualTo("from_date=10;to_date=20;virtual_event_ids=7;user_ids=alice,bob");
        assertThat(ReportRequest.params(ReportDefinition.byId(6003), s.query().filters(), 10, 20))
                .isEqualTo("from_date=10;to_date=20;virtual_event_ids=7;user_ids=alice,bob");
        FetchSettings b = valid().reports("breakouts").filter("parentEntryIds", "1_a").build();
        assertThat(ReportRequest.params(ReportDefinition.BREAKOUTS, b.query().filters(), 1, 2))
                .isEqualTo("fromDate=1;toDate=2;parentEntryIds=1_a");
    }

    @Test
    void filterValuesCannotHoldSemicolonsOrBeEmpty() {
        assertThat(failure(valid().reports("rooms").filter("entryIds", "1_a;x=1")).getMessage()).contains("';'");
        assertThat(failure(valid().reports("rooms").filter("entryIds", "1_a,,1_b")).parameter())
                .isEqualTo("entryIds");
    }

    @Test
    void partnerIdAndCredentials() throws Exception {
        assertThat(failure(valid().partnerId("abc")).parameter()).isEqualTo("partnerId");
        ConfigurationException none = failure(valid().partnerId(null));
        assertThat(none.parameter()).isEqualTo("partnerId");
        assertThat(none).hasMessage("No partnerId: an admin secret or an app token needs the partner id "
                + "(partnerId).");
        assertThat(failure(valid().credentials(null)).parameter()).isEqualTo("credentials");
        FetchSettings fromKs = valid().partnerId(null).credentials(Credentials.ks(
                io.github.kalturareport.core.internal.auth.KsV2.make("x", 4242, 2, "", Instant.now(), Map.of())))
                .build();
        assertThat(fromKs.partnerId()).isEqualTo(4242);
    }

    @Test
    void theFrontEndsWordsReachTheMessages() {
        Vocabulary words = new ToolVocabulary();
        assertThat(failure(valid().vocabulary(words).partnerId(null))).hasMessage("No partnerId: an admin secret or "
                + "an app token needs the partner id (--partner-id).");
        assertThat(failure(valid().vocabulary(words).credentials(null))).hasMessageEndingWith("(--secret or TOOL_SECRET).");
    }

    @Test
    void numbersAndDurationsAsTypedAreParsedByBuild() throws Exception {
        FetchSettings s = valid().concurrency(" 8 ").maxRetries("0").rowCap("500").connectTimeout("30")
                .responseTimeout("PT10M").build();
        assertThat(s.limits().concurrency()).isEqualTo(8);
        assertThat(s.limits().maxRetries()).isZero();
        assertThat(s.limits().rowCap()).isEqualTo(500);
        assertThat(s.endpoint().connectTimeout()).hasSeconds(30);
        assertThat(s.endpoint().responseTimeout()).hasMinutes(10);
        // The last setter wins.
        assertThat(valid().concurrency("many").concurrency("2").build().limits().concurrency()).isEqualTo(2);
        assertThat(valid().concurrency("2").concurrency(" ").build().limits().concurrency())
                .isEqualTo(Limits.DEFAULT_CONCURRENCY);
    }

    @Test
    void badNumbersAndDurationsAsTypedNameTheParameterAndTheValue() {
        ConfigurationException many = failure(valid().concurrency("many"));
        assertThat(many.parameter()).isEqualTo("concurrency");
        assertThat(many).hasMessage("Invalid concurrency 'many': use a whole number of at least 1.");
        assertThat(failure(valid().concurrency("0"))).hasMessageContaining("at least 1");
        assertThat(failure(valid().concurrency("65"))).hasMessage("Bad concurrency 65: use a whole number from 1 "
                + "to 64.");
        assertThat(failure(valid().maxRetries("-1")).parameter()).isEqualTo("maxRetries");
        assertThat(failure(valid().maxRetries("-1"))).hasMessageContaining("at least 0");
        assertThat(failure(valid().rowCap("1e5")).parameter()).isEqualTo("rowCap");
        ConfigurationException timeout = failure(valid().responseTimeout("10 minutes"));
        assertThat(timeout.parameter()).isEqualTo("responseTimeout");
        assertThat(timeout).hasMessage("Invalid responseTimeout '10 minutes': use seconds such as 30 or an"
                + " ISO-8601 duration such as PT30S.");
        assertThat(failure(valid().connectTimeout("0")).parameter()).isEqualTo("connectTimeout");
        assertThat(failure(valid().connectTimeout("-PT1S")).parameter()).isEqualTo("connectTimeout");
    }

    @Test
    void typedValuesPassThrough() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        ProxySettings proxy = new ProxySettings("proxy", 3128, null, null, null);
        FetchSettings s = valid().descriptiveHeaders(true).lenient(true).proxy(proxy)
                .trustStore(ca, "pw".toCharArray()).retryDelays(Duration.ofMillis(5), Duration.ofMillis(40))
                .sessionLifetime(Duration.ofMinutes(5)).build();
        assertThat(s.output().descriptiveHeaders()).isTrue();
        assertThat(s.output().lenient()).isTrue();
        assertThat(s.endpoint().proxy()).isEqualTo(proxy);
        assertThat(s.endpoint().trustStore()).isEqualTo(ca);
        assertThat(s.endpoint().trustStorePassword()).containsExactly('p', 'w');
        assertThat(s.limits().retryBaseDelay()).isEqualTo(Duration.ofMillis(5));
        assertThat(s.limits().retryMaxDelay()).isEqualTo(Duration.ofMillis(40));
        assertThat(s.limits().sessionLifetime()).hasMinutes(5);
        assertThat(s.clock()).isSameAs(CLOCK);
        assertThat(failure(valid().outputDirectory(null)).parameter()).isEqualTo("outputDirectory");
        assertThat(failure(valid().trustStore(dir.resolve("none.pem"), null)).parameter()).isEqualTo("trustStore");
    }

    @Test
    void expectedColumnsOnlyForCustomReportsBeingFetched() throws Exception {
        FetchSettings s = valid().reports("rooms,6003").expectedColumns("6003", List.of("a", "b")).build();
        assertThat(s.query().expectedColumns(ReportDefinition.byId(6003))).containsExactly("a", "b");
        assertThat(failure(valid().expectedColumns("rooms", List.of("a"))).parameter()).isEqualTo("expectedColumns");
        assertThat(failure(valid().expectedColumns("6010", List.of("a"))).parameter()).isEqualTo("expectedColumns");
        assertThat(failure(valid().expectedColumns("webinars", List.of("a"))).parameter())
                .isEqualTo("expectedColumns");
        assertThat(valid().reports("6003").expectedColumns("6003", List.of("a")).expectedColumns("6003", List.of())
                .build().query().expectedColumns()).isEmpty();
    }

    @Test
    void reportsServiceUrlComesFromTheUsRegionOrIsGivenAndReportTimeoutDefaultsToHalfAnHour() throws Exception {
        FetchSettings us = valid().reports("chatTranscripts").build();
        assertThat(us.endpoint().reportsServiceUrl()).hasToString("https://reports.nvp1.ovp.kaltura.com");
        assertThat(us.limits().reportTimeout()).isEqualTo(Duration.ofMinutes(30));
        FetchSettings given = valid().region("EU").reports("chatActivity")
                .reportsServiceUrl("https://reports.example.org/").reportTimeout("PT5M").build();
        assertThat(given.endpoint().reportsServiceUrl()).hasToString("https://reports.example.org");
        assertThat(given.limits().reportTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(valid().reportTimeout("90").build().limits().reportTimeout()).isEqualTo(Duration.ofSeconds(90));
        // Room reports never need it, wherever the API is.
        assertThat(valid().region("EU").build().endpoint().reportsServiceUrl()).isNull();
        assertThat(valid().serviceUrl("http://127.0.0.1:8080").build().endpoint().reportsServiceUrl()).isNull();
    }

    @Test
    void aServiceReportWithoutAKnownReportsServiceUrlIsRefusedNamingTheParameter() {
        for (FetchOptions options : List.of(valid().region("EU").reports("rooms,chatTranscripts"),
                valid().serviceUrl("http://127.0.0.1:8080").reports("chatModeration"))) {
            ConfigurationException e = failure(options);
            assertThat(e.parameter()).isEqualTo("reportsServiceUrl");
            assertThat(e.getMessage()).contains("Reports microservice", "https://reports.nvp1.ovp.kaltura.com",
                    "set reportsServiceUrl");
        }
    }

    @Test
    void badReportsServiceUrlsAndReportTimeoutsAreRefused() {
        assertThat(failure(valid().reportsServiceUrl("ftp://reports.example.org")).parameter())
                .isEqualTo("reportsServiceUrl");
        assertThat(failure(valid().reportsServiceUrl("https://reports.example.org/api/v1/report")).getMessage())
                .contains("no path such as /api/v1");
        assertThat(failure(valid().reportsServiceUrl("https://reports.example.org?x=1")).parameter())
                .isEqualTo("reportsServiceUrl");
        assertThat(failure(valid().reportTimeout("soon")).parameter()).isEqualTo("reportTimeout");
        assertThat(failure(valid().reportTimeout("PT0S")).parameter()).isEqualTo("reportTimeout");
    }

    @Test
    void reactionsNeedVirtualEventIdsAndTakeEntryIds() throws Exception {
        ConfigurationException e = failure(valid().reports("reactions"));
        assertThat(e.parameter()).isEqualTo("virtualEventIds");
        assertThat(e.getMessage()).contains("reactions (4021) needs virtualEventIds");
        FetchSettings s = valid().reports("4021").filter("virtualEventIds", "11,12").filter("entryIds", "1_a")
                .build();
        assertThat(s.query().reports()).containsExactly(ReportDefinition.REACTIONS);
        assertThat(failure(valid().reports("reactions").filter("virtualEventIds", "11").filter("userIds", "u1"))
                .parameter()).isEqualTo("userIds");
    }

    @Test
    void dropIsRefusedForTheMicroservicesReportsWhichCannotExcludeColumns() throws Exception {
        ConfigurationException e = failure(valid().reports("rooms,chatTranscripts").personalData("drop"));
        assertThat(e.parameter()).isEqualTo("personalData");
        assertThat(e.getMessage()).contains("chatTranscripts cannot leave out userId, userFirstName",
                "no way to exclude", "pseudonymize");
        assertThat(valid().reports("rooms,chatTranscripts").personalData("drop")
                .personalColumns("userId=keep,userFirstName=keep,userLastName=keep,userEmail=keep,message=keep")
                .build().personalData().columnsIn(ReportDefinition.CHAT_TRANSCRIPTS,
                        io.github.kalturareport.core.report.PersonalData.Mode.DROP)).isEmpty();
        assertThat(valid().reports("reactions").filter("virtualEventIds", "11").personalData("drop").build()
                .personalData().columnsIn(ReportDefinition.REACTIONS,
                        io.github.kalturareport.core.report.PersonalData.Mode.DROP)).containsExactly("email");
    }
}
