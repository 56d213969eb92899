package io.github.kalturareport.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.report.ReportDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchSettingsTest {

    /** 2025-04-21T12:00:00Z. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-21T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FetchSettings.Builder valid() {
        return FetchSettings.builder()
                .partnerId("1000")
                .credentials(Credentials.adminSecret("s3cret-value"))
                .outputDirectory(dir)
                .clock(CLOCK);
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
        assertThat(s.serviceUrl()).hasToString("https://www.kaltura.com");
        assertThat(s.reports()).containsExactly(ReportDefinition.ROOMS, ReportDefinition.ATTENDEES,
                ReportDefinition.BREAKOUTS);
        assertThat(s.range().to()).isEqualTo(Instant.parse("2025-04-21T12:00:00Z"));
        assertThat(s.range().from()).isEqualTo(Instant.parse("2025-03-22T12:00:00Z"));
        assertThat(s.concurrency()).isEqualTo(4);
        assertThat(s.rowCap()).isEqualTo(100_000);
        assertThat(s.timeZone().getId()).isEqualTo("UTC");
    }

    @Test
    void blankStringsMeanNotSet() throws Exception {
        FetchSettings s = valid().serviceUrl(" ").region("").reports(null).period(" ").from("").to(null)
                .timeZone("").filter("entryIds", " ").build();
        assertThat(s.serviceUrl()).hasToString("https://www.kaltura.com");
        assertThat(s.filters()).isEmpty();
    }

    @Test
    void regionsAndServiceUrl() throws Exception {
        assertThat(valid().region("eu").build().serviceUrl()).hasToString("https://api.eu.kaltura.com");
        assertThat(valid().region("AU").build().serviceUrl()).hasToString("https://api.ap.kaltura.com");
        assertThat(valid().region("EU").serviceUrl("http://127.0.0.1:8080/api_v3/").build().serviceUrl())
                .hasToString("http://127.0.0.1:8080");
        ConfigurationException e = failure(valid().region("MARS"));
        assertThat(e.parameter()).isEqualTo("region");
        assertThat(e.getMessage()).contains("MARS", "US, EU, DE, SG, CA, AU");
        assertThat(failure(valid().serviceUrl("ftp://x")).parameter()).isEqualTo("serviceUrl");
        assertThat(failure(valid().serviceUrl("http://h/?ks=1")).parameter()).isEqualTo("serviceUrl");
    }

    @Test
    void presetsAndIsoDurationsEndNow() throws Exception {
        assertThat(valid().period("LAST_7_DAYS").build().range().from()).isEqualTo(Instant.parse("2025-04-14T12:00:00Z"));
        assertThat(valid().period("last_365_days").build().range().from())
                .isEqualTo(Instant.parse("2024-04-21T12:00:00Z"));
        assertThat(valid().period("P14D").build().range().from()).isEqualTo(Instant.parse("2025-04-07T12:00:00Z"));
        assertThat(valid().period("PT12H").build().range().from()).isEqualTo(Instant.parse("2025-04-21T00:00:00Z"));
        ConfigurationException e = failure(valid().period("LAST_WEEK"));
        assertThat(e.parameter()).isEqualTo("period");
        assertThat(e.getMessage()).contains("LAST_WEEK", "P14D");
        assertThat(failure(valid().period("P0D")).parameter()).isEqualTo("period");
        assertThat(failure(valid().period("-P1D")).parameter()).isEqualTo("period");
    }

    @Test
    void aToDateCoversItsWholeDayInTheZone() throws Exception {
        FetchSettings s = valid().from("2025-04-01").to("2025-04-01").timeZone("Europe/Paris").build();
        // Paris is UTC+2 in April
        assertThat(s.range().from()).isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
        assertThat(s.range().to()).isEqualTo(Instant.parse("2025-04-01T21:59:59Z"));
    }

    @Test
    void dstDaysAreTwentyThreeAndTwentyFiveHoursLong() throws Exception {
        // 2025-03-30: Paris springs forward, the day has 23 hours
        FetchSettings spring = valid().from("2025-03-30").to("2025-03-30").timeZone("Europe/Paris").build();
        assertThat(spring.range().from()).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
        assertThat(spring.range().to()).isEqualTo(Instant.parse("2025-03-30T21:59:59Z"));
        assertThat(spring.range().toEpochSecond() - spring.range().fromEpochSecond() + 1).isEqualTo(23 * 3600);
        // 2025-10-26: Paris falls back, the day has 25 hours
        FetchSettings autumn = valid().from("2025-10-26").to("2025-10-26").timeZone("Europe/Paris").build();
        assertThat(autumn.range().toEpochSecond() - autumn.range().fromEpochSecond() + 1).isEqualTo(25 * 3600);
    }

    @Test
    void dateTimesWithAndWithoutOffset() throws Exception {
        FetchSettings s = valid().from("2025-04-01T08:30").to("2025-04-02T10:00:00+05:00")
                .timeZone("America/New_York").build();
        assertThat(s.range().from()).isEqualTo(Instant.parse("2025-04-01T12:30:00Z"));
        assertThat(s.range().to()).isEqualTo(Instant.parse("2025-04-02T05:00:00Z"));
        assertThat(valid().from("2025-04-01T00:00:00Z").build().range().to())
                .isEqualTo(Instant.parse("2025-04-21T12:00:00Z"));
    }

    @Test
    void aToWithoutFromEndsThePeriodThere() throws Exception {
        FetchSettings s = valid().period("LAST_7_DAYS").to("2025-01-10").build();
        assertThat(s.range().to()).isEqualTo(Instant.parse("2025-01-10T23:59:59Z"));
        assertThat(s.range().from()).isEqualTo(Instant.parse("2025-01-03T23:59:59Z"));
    }

    @Test
    void badDatesAreNamed() {
        ConfigurationException from = failure(valid().from("2025-13-01"));
        assertThat(from.parameter()).isEqualTo("from");
        assertThat(from.getMessage()).contains("2025-13-01", "2025-04-21");
        ConfigurationException after = failure(valid().from("2025-04-10").to("2025-04-01"));
        assertThat(after.parameter()).isEqualTo("from");
        assertThat(after.getMessage()).contains("2025-04-10", "2025-04-01", "after");
        assertThat(failure(valid().timeZone("Mars/Olympus")).parameter()).isEqualTo("timeZone");
    }

    @Test
    void reportsByNameAndId() throws Exception {
        FetchSettings s = valid().reports("attendees, 6000,6003,rooms").build();
        assertThat(s.reports()).extracting(ReportDefinition::id).containsExactly(6001, 6000, 6003);
        ConfigurationException e = failure(valid().reports("rooms,sessions"));
        assertThat(e.parameter()).isEqualTo("reports");
        assertThat(e.getMessage()).contains("sessions", "rooms, attendees, breakouts");
        assertThat(failure(valid().reports("rooms,,attendees")).parameter()).isEqualTo("reports");
    }

    @Test
    void aFilterAReportDoesNotTakeNamesTheReportAndItsFilters() {
        ConfigurationException e = failure(valid().filter("userIds", "alice"));
        assertThat(e.parameter()).isEqualTo("userIds");
        assertThat(e.getMessage()).contains("rooms (6000)", "userIds", "entryIds, virtualEventIds", "attendees");
        assertThat(failure(valid().reports("breakouts").filter("entryIds", "1_a")).getMessage())
                .contains("breakouts (6002)", "parentEntryIds, virtualEventIds");
        assertThat(failure(valid().filter("roomIds", "1")).parameter()).isEqualTo("roomIds");
    }

    @Test
    void filtersBecomeTheReportsParamsKeys() throws Exception {
        FetchSettings s = valid().reports("attendees,6003").filter("userIds", "alice, bob")
                .filter("virtualEventIds", "7").from("2025-04-01").to("2025-04-01").build();
        assertThat(s.params(ReportDefinition.ATTENDEES, 10, 20))
                .isEqualTo("from_date=10;to_date=20;virtual_event_ids=7;user_ids=alice,bob");
        assertThat(s.params(ReportDefinition.byId(6003), 10, 20))
                .isEqualTo("from_date=10;to_date=20;virtual_event_ids=7;user_ids=alice,bob");
        FetchSettings b = valid().reports("breakouts").filter("parentEntryIds", "1_a").build();
        assertThat(b.params(ReportDefinition.BREAKOUTS, 1, 2)).isEqualTo("fromDate=1;toDate=2;parentEntryIds=1_a");
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
        assertThat(failure(valid().partnerId(null)).parameter()).isEqualTo("partnerId");
        assertThat(failure(valid().credentials(null)).parameter()).isEqualTo("credentials");
        FetchSettings fromKs = valid().partnerId(null).credentials(Credentials.ks(
                io.github.kalturareport.core.internal.auth.KsV2.make("x", 4242, 2, "", Instant.now(), java.util.Map.of())))
                .build();
        assertThat(fromKs.partnerId()).isEqualTo(4242);
    }

    @Test
    void numbersAndDurationsAsTypedAreParsedByBuild() throws Exception {
        FetchSettings s = valid().concurrency(" 8 ").maxRetries("0").rowCap("500").connectTimeout("30")
                .responseTimeout("PT10M").build();
        assertThat(s.concurrency()).isEqualTo(8);
        assertThat(s.maxRetries()).isZero();
        assertThat(s.rowCap()).isEqualTo(500);
        assertThat(s.connectTimeout()).hasSeconds(30);
        assertThat(s.responseTimeout()).hasMinutes(10);
        FetchSettings unset = valid().concurrency(" ").maxRetries((String) null).rowCap("").connectTimeout("")
                .responseTimeout((String) null).build();
        assertThat(unset.concurrency()).isEqualTo(FetchSettings.DEFAULT_CONCURRENCY);
        assertThat(unset.maxRetries()).isEqualTo(FetchSettings.DEFAULT_MAX_RETRIES);
        assertThat(unset.rowCap()).isEqualTo(FetchSettings.KALTURA_ROW_CAP);
        assertThat(unset.responseTimeout()).isEqualTo(FetchSettings.DEFAULT_RESPONSE_TIMEOUT);
        // The last setter wins, typed or as text.
        assertThat(valid().concurrency("many").concurrency(2).build().concurrency()).isEqualTo(2);
        assertThat(valid().concurrency(2).concurrency("3").build().concurrency()).isEqualTo(3);
    }

    @Test
    void badNumbersAndDurationsAsTypedNameTheParameterAndTheValue() {
        ConfigurationException many = failure(valid().concurrency("many"));
        assertThat(many.parameter()).isEqualTo("concurrency");
        assertThat(many).hasMessage("Invalid concurrency 'many': use a whole number of at least 1.");
        assertThat(failure(valid().concurrency("0"))).hasMessageContaining("at least 1");
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
    void limitsAndPaths() throws Exception {
        assertThat(failure(valid().concurrency(0)).parameter()).isEqualTo("concurrency");
        assertThat(failure(valid().maxRetries(-1)).parameter()).isEqualTo("maxRetries");
        assertThat(failure(valid().connectTimeout(java.time.Duration.ZERO)).parameter()).isEqualTo("connectTimeout");
        assertThat(failure(valid().outputDirectory(null)).parameter()).isEqualTo("outputDirectory");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(failure(valid().outputDirectory(file)).parameter()).isEqualTo("outputDirectory");
        assertThat(failure(valid().trustStore(dir.resolve("none.pem"), null)).parameter()).isEqualTo("trustStore");
        assertThat(failure(valid().proxy(new ProxySettings("", 8080, null, null, null))).parameter())
                .isEqualTo("proxy");
    }

    @Test
    void expectedColumnsOnlyForCustomReportsBeingFetched() throws Exception {
        FetchSettings s = valid().reports("rooms,6003").expectedColumns("6003", List.of("a", "b")).build();
        assertThat(s.expectedColumns(ReportDefinition.byId(6003))).containsExactly("a", "b");
        assertThat(failure(valid().expectedColumns("rooms", List.of("a"))).parameter()).isEqualTo("expectedColumns");
        assertThat(failure(valid().expectedColumns("6010", List.of("a"))).parameter()).isEqualTo("expectedColumns");
    }

    @Test
    void proxyBypassPatterns() {
        ProxySettings p = new ProxySettings("proxy", 3128, "u", "pw", List.of("*.example.org|localhost", "10.*"));
        assertThat(p.bypasses("api.example.org")).isTrue();
        assertThat(p.bypasses("LOCALHOST")).isTrue();
        assertThat(p.bypasses("10.1.2.3")).isTrue();
        assertThat(p.bypasses("www.kaltura.com")).isFalse();
        assertThat(p.toString()).doesNotContain("pw");
    }

    @Test
    void settingsPrintWithoutSecrets() throws Exception {
        String s = valid().proxy(new ProxySettings("proxy", 3128, "u", "proxy-pw", null))
                .trustStore(Files.writeString(dir.resolve("ca.pem"), "x"), "store-pw".toCharArray()).build().toString();
        assertThat(s).contains("partnerId=1000", "rooms", "proxy:3128").doesNotContain("s3cret-value", "proxy-pw",
                "store-pw");
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
