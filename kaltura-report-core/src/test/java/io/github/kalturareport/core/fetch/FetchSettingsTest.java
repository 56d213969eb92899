package io.github.kalturareport.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.ToolVocabulary;
import io.github.kalturareport.core.Vocabulary;
import io.github.kalturareport.core.internal.auth.KsV2;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.Region;
import io.github.kalturareport.core.report.ReportDefinition;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed settings: defaults, and every check {@code build()} makes before any network call. */
class FetchSettingsTest {

    /** 2025-04-21T12:00:00Z. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-21T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FetchSettings.Builder valid() {
        return FetchSettings.builder()
                .partnerId(1000)
                .credentials(Credentials.adminSecret("s3cret-value"))
                .output(OutputSettings.to(dir))
                .clock(CLOCK);
    }

    private static ReportQuery reports(ReportDefinition... reports) {
        return ReportQuery.of(List.of(reports), null);
    }

    private ConfigurationException failure(FetchSettings.Builder builder) {
        try {
            builder.build();
        } catch (ConfigurationException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigurationException");
    }

    @Test
    void defaultsAreTheContractsDefaults() throws Exception {
        FetchSettings s = valid().build();
        assertThat(s.endpoint().serviceUrl()).hasToString("https://www.kaltura.com");
        assertThat(s.endpoint().connectTimeout()).isEqualTo(Endpoint.DEFAULT_CONNECT_TIMEOUT).hasSeconds(30);
        assertThat(s.endpoint().responseTimeout()).isEqualTo(Endpoint.DEFAULT_RESPONSE_TIMEOUT).hasSeconds(630);
        assertThat(s.query().reports()).containsExactly(ReportDefinition.ROOMS, ReportDefinition.ATTENDEES,
                ReportDefinition.BREAKOUTS);
        assertThat(s.query().range().to()).isEqualTo(Instant.parse("2025-04-21T12:00:00Z"));
        assertThat(s.query().range().from()).isEqualTo(Instant.parse("2025-03-22T12:00:00Z"));
        assertThat(s.query().range().description()).isEqualTo("LAST_30_DAYS");
        assertThat(s.query().range().zone().getId()).isEqualTo("UTC");
        assertThat(s.query().filters()).isEmpty();
        assertThat(s.limits()).isEqualTo(Limits.DEFAULTS);
        assertThat(s.limits().concurrency()).isEqualTo(4);
        assertThat(s.limits().maxRetries()).isEqualTo(5);
        assertThat(s.limits().rowCap()).isEqualTo(100_000);
        assertThat(s.limits().sessionLifetime()).hasHours(1);
        assertThat(s.output().descriptiveHeaders()).isFalse();
        assertThat(s.output().lenient()).isFalse();
        assertThat(s.vocabulary()).isSameAs(Vocabulary.LIBRARY);
    }

    @Test
    void theServiceUrlIsReducedToItsBase() throws Exception {
        assertThat(valid().endpoint(Endpoint.of(Region.AU)).build().endpoint().serviceUrl())
                .hasToString("https://api.ap.kaltura.com");
        assertThat(valid().endpoint(Endpoint.of(URI.create("http://127.0.0.1:8080/api_v3/"))).build().endpoint()
                .serviceUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(valid().endpoint(Endpoint.of(URI.create("https://kaltura.example.org/base/"))).build()
                .endpoint().serviceUrl()).hasToString("https://kaltura.example.org/base");
        ConfigurationException ftp = failure(valid().endpoint(Endpoint.of(URI.create("ftp://x"))));
        assertThat(ftp.parameter()).isEqualTo("serviceUrl");
        assertThat(ftp).hasMessage("Bad serviceUrl 'ftp://x': write the API's base URL such as "
                + "https://www.kaltura.com or http://127.0.0.1:8080 (no /api_v3, no query).");
        assertThat(failure(valid().endpoint(Endpoint.of(URI.create("http://h/?ks=1")))).parameter())
                .isEqualTo("serviceUrl");
        assertThat(failure(valid().endpoint(Endpoint.of(URI.create("http://user@h")))).parameter())
                .isEqualTo("serviceUrl");
    }

    @Test
    void theRegionsAndTheirApis() {
        assertThat(Region.values()).extracting(Region::name).containsExactly("US", "EU", "DE", "SG", "CA", "AU");
        assertThat(Region.US.baseUrl()).hasToString("https://www.kaltura.com");
        assertThat(Region.EU.baseUrl()).hasToString("https://api.eu.kaltura.com");
        assertThat(Region.DE.baseUrl()).hasToString("https://api.de.kaltura.com");
        assertThat(Region.SG.baseUrl()).hasToString("https://api.sg.kaltura.com");
        assertThat(Region.CA.baseUrl()).hasToString("https://api.ca.kaltura.com");
        assertThat(Region.AU.baseUrl()).hasToString("https://api.ap.kaltura.com");
    }

    @Test
    void aRangeIsResolvedWithTheClockAndChecked() throws Exception {
        DateRange week = DateRange.lastDays(7, ZoneId.of("Europe/Paris"), CLOCK);
        assertThat(week.from()).isEqualTo(Instant.parse("2025-04-14T12:00:00Z"));
        assertThat(week.description()).isEqualTo("LAST_7_DAYS");
        assertThat(valid().query(ReportQuery.of(List.of(ReportDefinition.ROOMS), week)).build().query().range())
                .isEqualTo(week);
        DateRange backwards = new DateRange(Instant.parse("2025-04-10T00:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC, null);
        assertThat(failure(valid().query(ReportQuery.of(List.of(ReportDefinition.ROOMS), backwards))).parameter())
                .isEqualTo("range");
        assertThat(failure(valid().query(ReportQuery.of(List.of(), null))).parameter()).isEqualTo("reports");
    }

    @Test
    void reportsKeepTheirOrderWithoutDuplicates() throws Exception {
        FetchSettings s = valid().query(reports(ReportDefinition.ATTENDEES, ReportDefinition.ROOMS,
                ReportDefinition.byId(6003), ReportDefinition.byId(6000))).build();
        assertThat(s.query().reports()).extracting(ReportDefinition::id).containsExactly(6001, 6000, 6003);
    }

    @Test
    void aFilterAReportDoesNotTakeNamesTheReportAndItsFilters() {
        ConfigurationException e = failure(valid().query(ReportQuery.defaults()
                .withFilter(Filter.USER_IDS, List.of("alice"))));
        assertThat(e.parameter()).isEqualTo("userIds");
        assertThat(e).hasMessage("Report rooms (6000) does not take the filter userIds; it takes entryIds, "
                + "virtualEventIds. Remove userIds or fetch only reports that take it (attendees).");
        assertThat(failure(valid().query(reports(ReportDefinition.BREAKOUTS)
                .withFilter(Filter.ENTRY_IDS, List.of("1_a")))).getMessage())
                .contains("breakouts (6002)", "parentEntryIds, virtualEventIds", "(rooms, attendees, reactions,");
    }

    @Test
    void filterValuesCannotHoldSemicolonsOrBeEmpty() {
        ConfigurationException semicolon = failure(valid().query(reports(ReportDefinition.ROOMS)
                .withFilter(Filter.ENTRY_IDS, List.of("1_a;x=1"))));
        assertThat(semicolon.parameter()).isEqualTo("entryIds");
        assertThat(semicolon).hasMessage("Bad entryIds value '1_a;x=1': Kaltura cannot receive a ';' inside a "
                + "filter value; remove it.");
        assertThat(failure(valid().query(reports(ReportDefinition.ROOMS)
                .withFilter(Filter.ENTRY_IDS, List.of("1_a", " ")))).parameter()).isEqualTo("entryIds");
    }

    @Test
    void filtersAreKeptInTheOrderOfTheCatalogue() throws Exception {
        FetchSettings s = valid().query(reports(ReportDefinition.ATTENDEES)
                .withFilter(Filter.USER_IDS, List.of("alice")).withFilter(Filter.ENTRY_IDS, List.of("1_a"))).build();
        assertThat(s.query().filters().keySet()).containsExactly(Filter.ENTRY_IDS, Filter.USER_IDS);
        assertThat(s.query().withFilter(Filter.USER_IDS, null).filters()).containsOnlyKeys(Filter.ENTRY_IDS);
    }

    @Test
    void partnerIdAndCredentials() throws Exception {
        ConfigurationException negative = failure(valid().partnerId(-5));
        assertThat(negative.parameter()).isEqualTo("partnerId");
        assertThat(negative).hasMessage("Bad partnerId '-5': a Kaltura partner id is a positive whole number such as "
                + "1234567.");
        FetchSettings.Builder noPartner = FetchSettings.builder().credentials(Credentials.adminSecret("x"))
                .output(OutputSettings.to(dir));
        assertThat(failure(noPartner)).hasMessage("No partnerId: an admin secret or an app token needs the partner "
                + "id (partnerId).");
        ConfigurationException noCredentials = failure(valid().credentials(null));
        assertThat(noCredentials.parameter()).isEqualTo("credentials");
        assertThat(noCredentials).hasMessage("No Kaltura credentials: give an admin secret, a KS or an app token "
                + "(Credentials.adminSecret, Credentials.ks or Credentials.appToken).");
        FetchSettings fromKs = FetchSettings.builder().output(OutputSettings.to(dir))
                .credentials(Credentials.ks(KsV2.make("x", 4242, 2, "", Instant.now(), Map.of()))).build();
        assertThat(fromKs.partnerId()).isEqualTo(4242);
    }

    @Test
    void messagesThatNameWhereThingsAreSetUseTheFrontEndsWords() {
        Vocabulary words = new ToolVocabulary();
        assertThat(failure(valid().vocabulary(words).credentials(null))).hasMessage("No Kaltura credentials: give "
                + "an admin secret, a KS or an app token (--secret or TOOL_SECRET).");
        assertThat(failure(FetchSettings.builder().vocabulary(words).credentials(Credentials.adminSecret("x"))
                .output(OutputSettings.to(dir)))).hasMessage("No partnerId: an admin secret or an app token needs "
                + "the partner id (--partner-id).");
    }

    @Test
    void limitsAndPaths() throws Exception {
        ConfigurationException many = failure(valid().limits(Limits.DEFAULTS.withConcurrency(65)));
        assertThat(many.parameter()).isEqualTo("concurrency");
        assertThat(many).hasMessage("Bad concurrency 65: use a whole number from 1 to 64.");
        assertThat(failure(valid().limits(Limits.DEFAULTS.withConcurrency(0))).parameter()).isEqualTo("concurrency");
        assertThat(failure(valid().limits(Limits.DEFAULTS.withMaxRetries(-1))).parameter()).isEqualTo("maxRetries");
        assertThat(failure(valid().limits(Limits.DEFAULTS.withRowCap(0))).parameter()).isEqualTo("rowCap");
        assertThat(failure(valid().limits(Limits.DEFAULTS.withRetryDelays(Duration.ZERO, Duration.ofSeconds(1))))
                .parameter()).isEqualTo("retryBaseDelay");
        ConfigurationException lifetime = failure(valid().limits(Limits.DEFAULTS
                .withSessionLifetime(Duration.ofSeconds(1))));
        assertThat(lifetime.parameter()).isEqualTo("sessionLifetime");
        assertThat(lifetime).hasMessage("sessionLifetime PT1S is too short: use at least 2 seconds.");
        ConfigurationException connect = failure(valid().endpoint(Endpoint.of(Region.US)
                .withConnectTimeout(Duration.ZERO)));
        assertThat(connect.parameter()).isEqualTo("connectTimeout");
        assertThat(connect).hasMessage("Bad connectTimeout PT0S: use a positive duration.");
        assertThat(failure(valid().output(null)).parameter()).isEqualTo("outputDirectory");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(failure(valid().output(OutputSettings.to(file))).parameter()).isEqualTo("outputDirectory");
        assertThat(failure(valid().endpoint(Endpoint.of(Region.US).withTrustStore(dir.resolve("none.pem"), null)))
                .parameter()).isEqualTo("trustStore");
        assertThat(failure(valid().endpoint(Endpoint.of(Region.US)
                .withProxy(new ProxySettings("", 8080, null, null, null)))).parameter()).isEqualTo("proxy");
        assertThat(failure(valid().endpoint(Endpoint.of(Region.US)
                .withProxy(new ProxySettings("proxy", 0, null, null, null)))).parameter()).isEqualTo("proxy");
    }

    @Test
    void theOutputDirectoryIsMadeAbsolute() throws Exception {
        FetchSettings s = valid().output(OutputSettings.to(Path.of("target", "..", "reports"))
                .withDescriptiveHeaders(true).withLenient(true)).build();
        assertThat(s.output().directory()).isAbsolute().isEqualTo(Path.of("reports").toAbsolutePath());
        assertThat(s.output().descriptiveHeaders()).isTrue();
        assertThat(s.output().lenient()).isTrue();
    }

    @Test
    void expectedColumnsOnlyForCustomReportsBeingFetched() throws Exception {
        ReportDefinition custom = ReportDefinition.byId(6003);
        FetchSettings s = valid().query(reports(ReportDefinition.ROOMS, custom)
                .withExpectedColumns(custom, List.of("a", " b "))).build();
        assertThat(s.query().expectedColumns(custom)).containsExactly("a", "b");
        assertThat(s.query().expectedColumns(ReportDefinition.ROOMS)).isEmpty();
        ConfigurationException documented = failure(valid().query(ReportQuery.defaults()
                .withExpectedColumns(ReportDefinition.ROOMS, List.of("a"))));
        assertThat(documented.parameter()).isEqualTo("expectedColumns");
        assertThat(documented).hasMessage("Report rooms is documented and has its columns built in: declare "
                + "expected columns only for custom report ids.");
        ConfigurationException missing = failure(valid().query(ReportQuery.defaults()
                .withExpectedColumns(ReportDefinition.byId(6010), List.of("a"))));
        assertThat(missing.parameter()).isEqualTo("expectedColumns");
        assertThat(missing).hasMessage("Expected columns are declared for report 6010, which is not in reports "
                + "[rooms (6000), attendees (6001), breakouts (6002)]: add it or remove them.");
        assertThat(failure(valid().query(reports(custom).withExpectedColumns(custom, List.of("a", " ")))))
                .hasMessage("An empty column name in the expected columns of report 6003 [a,  ]");
    }

    @Test
    void proxyBypassPatterns() {
        ProxySettings p = new ProxySettings("proxy", 3128, "u", "pw", List.of("*.example.org|localhost", "10.*"));
        assertThat(p.nonProxyHosts()).containsExactly("*.example.org", "localhost", "10.*");
        assertThat(p.bypasses("api.example.org")).isTrue();
        assertThat(p.bypasses("LOCALHOST")).isTrue();
        assertThat(p.bypasses("10.1.2.3")).isTrue();
        assertThat(p.bypasses("www.kaltura.com")).isFalse();
        assertThat(p.toString()).doesNotContain("pw");
    }

    @Test
    void settingsPrintWithoutSecrets() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        String s = valid().endpoint(Endpoint.of(Region.US)
                .withProxy(new ProxySettings("proxy", 3128, "u", "proxy-pw", null))
                .withTrustStore(ca, "store-pw".toCharArray())).build().toString();
        assertThat(s).contains("partnerId=1000", "rooms", "proxy:3128", "ca.pem").doesNotContain("s3cret-value",
                "proxy-pw", "store-pw");
        assertThat(FetchRun.httpSettings(valid().endpoint(Endpoint.of(Region.US)
                .withProxy(new ProxySettings("proxy", 3128, "u", "proxy-pw", null))
                .withTrustStore(ca, "store-pw".toCharArray())).build()).toString())
                .contains("proxy:3128").doesNotContain("proxy-pw", "store-pw");
    }

    @Test
    void theHttpLayerGetsWhatItNeeds() throws Exception {
        FetchSettings s = valid().endpoint(Endpoint.of(URI.create("http://127.0.0.1:8080/"))
                .withProxy(new ProxySettings("proxy", 3128, "u", "pw", List.of("localhost")))
                .withConnectTimeout(Duration.ofSeconds(5)).withResponseTimeout(Duration.ofSeconds(9)))
                .limits(Limits.DEFAULTS.withConcurrency(7)).build();
        var http = FetchRun.httpSettings(s);
        assertThat(http.baseUri()).hasToString("http://127.0.0.1:8080");
        assertThat(http.poolSize()).isEqualTo(8);
        assertThat(http.connectTimeout()).hasSeconds(5);
        assertThat(http.responseTimeout()).hasSeconds(9);
        assertThat(http.proxy().host()).isEqualTo("proxy");
        assertThat(http.proxy().bypass().test("LOCALHOST")).isTrue();
        assertThat(http.proxy().bypass().test("www.kaltura.com")).isFalse();
    }

    @Test
    void credentialsNeverShowTheirSecret() {
        assertThat(Credentials.adminSecret("topsecret").toString()).doesNotContain("topsecret");
        assertThat(Credentials.ks("djJ8MTAwMHxabc").toString()).doesNotContain("djJ8");
        assertThat(Credentials.appToken("0_tok", "tokensecret", null).toString())
                .doesNotContain("tokensecret").contains("0_tok", "SHA256");
        assertThatThrownBy(() -> Credentials.appToken("id", "t", "SHA3")).hasMessageContaining("SHA3");
    }
}
