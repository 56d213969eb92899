package io.github.kalturareport.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.fetch.DateRange;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.PersonalData;
import io.github.kalturareport.core.report.Region;
import io.github.kalturareport.core.report.ReportDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Text as a user types it, to typed values; every failure names the setting, the value and the fix. */
class SettingParserTest {

    /** 2025-04-21T12:00:00Z. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-21T12:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The exception a parse throws. */
    private interface Parse {
        void run() throws ConfigurationException;
    }

    private static ConfigurationException failure(Parse parse) {
        try {
            parse.run();
        } catch (ConfigurationException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigurationException");
    }

    private static DateRange range(String period, String from, String to, String zone) throws ConfigurationException {
        return SettingParser.dateRange(period, from, to, ZoneId.of(zone), CLOCK);
    }

    @Test
    void wholeNumbers() throws Exception {
        assertThat(SettingParser.wholeNumber("concurrency", " 8 ", 1)).isEqualTo(8);
        assertThat(SettingParser.wholeNumber("maxRetries", "0", 0)).isZero();
        ConfigurationException many = failure(() -> SettingParser.wholeNumber("concurrency", "many", 1));
        assertThat(many.parameter()).isEqualTo("concurrency");
        assertThat(many).hasMessage("Invalid concurrency 'many': use a whole number of at least 1.");
        assertThat(failure(() -> SettingParser.wholeNumber("concurrency", "0", 1))).hasMessageContaining("at least 1");
        assertThat(failure(() -> SettingParser.wholeNumber("maxRetries", "-1", 0)))
                .hasMessageContaining("at least 0");
        assertThat(failure(() -> SettingParser.wholeNumber("rowCap", "1e5", 1)).parameter()).isEqualTo("rowCap");
        assertThat(failure(() -> SettingParser.wholeNumber("rowCap", "99999999999", 1)))
                .hasMessageContaining("99999999999");
    }

    @Test
    void durationsInSecondsOrIso() throws Exception {
        assertThat(SettingParser.duration("connectTimeout", "30")).hasSeconds(30);
        assertThat(SettingParser.duration("responseTimeout", " PT10M ")).hasMinutes(10);
        ConfigurationException words = failure(() -> SettingParser.duration("responseTimeout", "10 minutes"));
        assertThat(words.parameter()).isEqualTo("responseTimeout");
        assertThat(words).hasMessage("Invalid responseTimeout '10 minutes': use seconds such as 30 or an ISO-8601"
                + " duration such as PT30S.");
        assertThat(failure(() -> SettingParser.duration("connectTimeout", "0")).parameter())
                .isEqualTo("connectTimeout");
        assertThat(failure(() -> SettingParser.duration("connectTimeout", "-PT1S")).parameter())
                .isEqualTo("connectTimeout");
    }

    @Test
    void regionsAndServiceUrls() throws Exception {
        assertThat(SettingParser.region("eu")).isEqualTo(Region.EU);
        assertThat(SettingParser.region(" AU ").baseUrl()).hasToString("https://api.ap.kaltura.com");
        ConfigurationException mars = failure(() -> SettingParser.region("MARS"));
        assertThat(mars.parameter()).isEqualTo("region");
        assertThat(mars).hasMessage("Unknown region 'MARS': use one of US, EU, DE, SG, CA, AU, or set serviceUrl for"
                + " a self-hosted Kaltura.");
        assertThat(SettingParser.serviceUrl(" http://127.0.0.1:8080 ")).hasToString("http://127.0.0.1:8080");
        ConfigurationException space = failure(() -> SettingParser.serviceUrl("http://a b"));
        assertThat(space.parameter()).isEqualTo("serviceUrl");
        assertThat(space).hasMessage("Bad serviceUrl 'http://a b': write the API's base URL such as "
                + "https://www.kaltura.com or http://127.0.0.1:8080 (no /api_v3, no query).");
    }

    @Test
    void partnerIdsAndZones() throws Exception {
        assertThat(SettingParser.partnerId(" 1234567 ")).isEqualTo(1234567);
        ConfigurationException abc = failure(() -> SettingParser.partnerId("abc"));
        assertThat(abc.parameter()).isEqualTo("partnerId");
        assertThat(abc).hasMessage("Bad partnerId 'abc': a Kaltura partner id is a positive whole number such as "
                + "1234567.");
        assertThat(failure(() -> SettingParser.partnerId("0")).parameter()).isEqualTo("partnerId");
        assertThat(SettingParser.timeZone("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
        ConfigurationException mars = failure(() -> SettingParser.timeZone("Mars/Olympus"));
        assertThat(mars.parameter()).isEqualTo("timeZone");
        assertThat(mars).hasMessage("Unknown timeZone 'Mars/Olympus': use a zone id such as UTC, Europe/Paris or "
                + "America/New_York.");
    }

    @Test
    void reportsByNameAndId() throws Exception {
        assertThat(SettingParser.reports("attendees, 6000,6003,rooms")).extracting(ReportDefinition::id)
                .containsExactly(6001, 6000, 6003);
        ConfigurationException sessions = failure(() -> SettingParser.reports("rooms,sessions"));
        assertThat(sessions.parameter()).isEqualTo("reports");
        assertThat(sessions.getMessage()).contains("sessions", "rooms, attendees, breakouts");
        ConfigurationException empty = failure(() -> SettingParser.reports("rooms,,attendees"));
        assertThat(empty.parameter()).isEqualTo("reports");
        assertThat(empty).hasMessage("Bad reports 'rooms,,attendees': an empty name between commas; list names or "
                + "ids such as rooms,attendees,6003.");
        assertThat(failure(() -> SettingParser.report("expectedColumns", "webinars")).parameter())
                .isEqualTo("expectedColumns");
    }

    @Test
    void filtersByNameAndTheirIds() throws Exception {
        assertThat(SettingParser.filter("cuePointIds")).isEqualTo(Filter.CUE_POINT_IDS);
        ConfigurationException room = failure(() -> SettingParser.filter("roomIds"));
        assertThat(room.parameter()).isEqualTo("roomIds");
        assertThat(room).hasMessage("Unknown filter 'roomIds': use one of entryIds, virtualEventIds, userIds, "
                + "cuePointIds, parentEntryIds.");
        assertThat(SettingParser.ids(Filter.USER_IDS, "alice, bob")).containsExactly("alice", "bob");
        ConfigurationException semicolon = failure(() -> SettingParser.ids(Filter.ENTRY_IDS, "1_a;x=1"));
        assertThat(semicolon.parameter()).isEqualTo("entryIds");
        assertThat(semicolon).hasMessage("Bad entryIds value '1_a;x=1': Kaltura cannot receive a ';' inside a filter"
                + " value; remove it.");
        ConfigurationException empty = failure(() -> SettingParser.ids(Filter.ENTRY_IDS, "1_a,,1_b"));
        assertThat(empty.parameter()).isEqualTo("entryIds");
        assertThat(empty).hasMessage("Bad entryIds '1_a,,1_b': an empty value between commas; write the ids "
                + "separated by commas, e.g. 1_abc,1_def.");
    }

    @Test
    void presetsAndIsoDurationsEndNow() throws Exception {
        assertThat(range(null, null, null, "UTC").from()).isEqualTo(Instant.parse("2025-03-22T12:00:00Z"));
        assertThat(range(" ", "", null, "UTC").description()).isEqualTo("LAST_30_DAYS");
        assertThat(range("LAST_7_DAYS", null, null, "UTC").from()).isEqualTo(Instant.parse("2025-04-14T12:00:00Z"));
        assertThat(range("last_365_days", null, null, "UTC").from()).isEqualTo(Instant.parse("2024-04-21T12:00:00Z"));
        assertThat(range("P14D", null, null, "UTC").from()).isEqualTo(Instant.parse("2025-04-07T12:00:00Z"));
        assertThat(range("PT12H", null, null, "UTC").from()).isEqualTo(Instant.parse("2025-04-21T00:00:00Z"));
        assertThat(range("PT12H", null, null, "UTC").to()).isEqualTo(CLOCK.instant());
        ConfigurationException e = failure(() -> range("LAST_WEEK", null, null, "UTC"));
        assertThat(e.parameter()).isEqualTo("period");
        assertThat(e.getMessage()).contains("LAST_WEEK", "P14D");
        assertThat(failure(() -> range("P0D", null, null, "UTC")).parameter()).isEqualTo("period");
        assertThat(failure(() -> range("-P1D", null, null, "UTC")).parameter()).isEqualTo("period");
    }

    @Test
    void aToDateCoversItsWholeDayInTheZone() throws Exception {
        DateRange r = range(null, "2025-04-01", "2025-04-01", "Europe/Paris");
        // Paris is UTC+2 in April
        assertThat(r.from()).isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2025-04-01T21:59:59Z"));
        assertThat(r.description()).isEqualTo("2025-04-01..2025-04-01");
    }

    @Test
    void dstDaysAreTwentyThreeAndTwentyFiveHoursLong() throws Exception {
        // 2025-03-30: Paris springs forward, the day has 23 hours
        DateRange spring = range(null, "2025-03-30", "2025-03-30", "Europe/Paris");
        assertThat(spring.from()).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
        assertThat(spring.to()).isEqualTo(Instant.parse("2025-03-30T21:59:59Z"));
        assertThat(spring.toEpochSecond() - spring.fromEpochSecond() + 1).isEqualTo(23 * 3600);
        // 2025-10-26: Paris falls back, the day has 25 hours
        DateRange autumn = range(null, "2025-10-26", "2025-10-26", "Europe/Paris");
        assertThat(autumn.toEpochSecond() - autumn.fromEpochSecond() + 1).isEqualTo(25 * 3600);
    }

    @Test
    void dateTimesWithAndWithoutOffset() throws Exception {
        DateRange r = range(null, "2025-04-01T08:30", "2025-04-02T10:00:00+05:00", "America/New_York");
        assertThat(r.from()).isEqualTo(Instant.parse("2025-04-01T12:30:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2025-04-02T05:00:00Z"));
        assertThat(range(null, "2025-04-01T00:00:00Z", null, "UTC").to())
                .isEqualTo(Instant.parse("2025-04-21T12:00:00Z"));
    }

    @Test
    void aToWithoutFromEndsThePeriodThere() throws Exception {
        DateRange r = range("LAST_7_DAYS", null, "2025-01-10", "UTC");
        assertThat(r.to()).isEqualTo(Instant.parse("2025-01-10T23:59:59Z"));
        assertThat(r.from()).isEqualTo(Instant.parse("2025-01-03T23:59:59Z"));
        assertThat(r.description()).isEqualTo("LAST_7_DAYS ending 2025-01-10");
    }

    @Test
    void badDatesAreNamed() {
        ConfigurationException from = failure(() -> range(null, "2025-13-01", null, "UTC"));
        assertThat(from.parameter()).isEqualTo("from");
        assertThat(from.getMessage()).contains("2025-13-01", "2025-04-21");
        ConfigurationException after = failure(() -> range(null, "2025-04-10", "2025-04-01", "UTC"));
        assertThat(after.parameter()).isEqualTo("from");
        assertThat(after).hasMessage("from (2025-04-10) is after to (2025-04-01): swap them, or set to to a later "
                + "date.");
        assertThat(failure(() -> range(null, null, "tomorrow", "UTC")).parameter()).isEqualTo("to");
        assertThat(failure(() -> SettingParser.dateRange(null, "2025-05-01", null, UTC, CLOCK)).getMessage())
                .contains("after its end");
    }

    @Test
    void personalDataIsAModeWithColumnsOfTheirOwn() throws Exception {
        PersonalData p = SettingParser.personalData("Pseudonymize", " user_type=keep , user_email=DROP,student_no ");
        assertThat(p.mode()).isEqualTo(PersonalData.Mode.PSEUDONYMIZE);
        assertThat(p.columnsOf(ReportDefinition.ATTENDEES)).containsExactly(
                java.util.Map.entry("user_id", PersonalData.Mode.PSEUDONYMIZE),
                java.util.Map.entry("user_name", PersonalData.Mode.PSEUDONYMIZE),
                java.util.Map.entry("user_email", PersonalData.Mode.DROP),
                java.util.Map.entry("user_type", PersonalData.Mode.KEEP));
        // a custom report takes any named column: that is how its personal columns are named
        assertThat(p.columnsIn(ReportDefinition.byId(6100), PersonalData.Mode.PSEUDONYMIZE))
                .containsExactly("student_no");
        assertThat(SettingParser.personalData(null, null)).isEqualTo(PersonalData.KEEP);
        assertThat(SettingParser.personalData("pseudonymise", "").mode()).isEqualTo(PersonalData.Mode.PSEUDONYMIZE);
        assertThat(p.text()).isEqualTo("pseudonymize (user_type=keep, user_email=drop, student_no)");
    }

    @Test
    void badPersonalDataNamesTheSettingAndTheFix() {
        assertThat(failure(() -> SettingParser.personalData("hide", null)).getMessage())
                .isEqualTo("Bad personalData 'hide': the mode is keep, pseudonymize or drop.");
        ConfigurationException twice = failure(() -> SettingParser.personalData("drop", "user_id,user_id=keep"));
        assertThat(twice.parameter()).isEqualTo("personalColumns");
        assertThat(twice.getMessage()).contains("names user_id twice");
        assertThat(failure(() -> SettingParser.personalData("drop", "=keep")).getMessage())
                .contains("name a column before '='");
        assertThat(failure(() -> SettingParser.personalData("drop", "user_id=gone")).getMessage())
                .contains("Bad personalColumns 'user_id=gone'");
    }
}
