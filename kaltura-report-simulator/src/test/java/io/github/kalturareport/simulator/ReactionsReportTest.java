package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Report 4021 over real HTTP: the virtualeventid privilege, its columns, and its agreement with 6001 and the chat. */
class ReactionsReportTest {
    private static final long NOW = 1_750_000_000L;
    private static final List<String> COLUMNS = List.of("email", "combined_live_engaged_users_play_time_ratio",
            "download_attachment", "add_to_calendar", "raise_hand", "mic_on", "cam_on", "clap_clicked_count",
            "heart_clicked_count", "think_clicked_count", "wow_clicked_count", "smile_clicked_count",
            "total_reactions_activity", "answered_polls", "messages_sent_group", "qna_threads");
    static KalturaSimulator sim;
    static String event;
    static String eventKs;
    static LocalDate fromDay;
    static LocalDate toDay;

    @BeforeAll
    static void start() {
        sim = KalturaSimulator.builder().clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).start();
        event = sim.virtualEventIds().get(1);
        eventKs = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of("virtualeventid",
                sim.virtualEventIds().get(0) + "/" + event));
        fromDay = LocalDate.ofInstant(sim.dataStart(), ZoneOffset.UTC).plusDays(10);
        toDay = fromDay.plusDays(40);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static long first(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static String range() {
        return "from_date=" + first(fromDay) + ";to_date=" + (first(toDay.plusDays(1)) - 1);
    }

    private static HttpResponse<String> reactions(String ks, String params) {
        return Http.report(sim, ks, 4021, params);
    }

    /** 4021 as rows by email (the server's CSV: BOM, no quoting needed for these values). */
    private static Map<String, Map<String, String>> byEmail(String body) {
        assertThat(body).startsWith("\uFEFF" + String.join(",", COLUMNS) + "\n");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        String[] lines = body.substring(1).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] values = lines[i].split(",", -1);
            assertThat(values).hasSize(COLUMNS.size());
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < values.length; c++) {
                row.put(COLUMNS.get(c), values[c]);
            }
            assertThat(rows.put(values[0], row)).as("one row per email").isNull();
        }
        return rows;
    }

    private static void assertForbidden(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("X-Kaltura")).hasValue("error-SERVICE_FORBIDDEN");
        assertThat(r.headers().firstValue("X-Kaltura-App")).hasValue(
                "exiting on error SERVICE_FORBIDDEN - The access to service [report->getCsvFromStringParams] is "
                        + "forbidden");
    }

    @Test
    void needsTheVirtualEventPrivilegeForTheEventAskedFor() {
        String plain = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of());
        assertForbidden(reactions(plain, range() + ";virtualeventid=" + event));
        String other = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of("virtualeventid",
                sim.virtualEventIds().get(0)));
        assertForbidden(reactions(other, range() + ";virtualeventid=" + event));
        assertForbidden(reactions(eventKs, range()));
        assertForbidden(reactions(eventKs, range() + ";virtualeventid=" + sim.virtualEventIds().get(2)));
        // The KS is still checked first, as for every report.
        HttpResponse<String> expired = reactions(TestKs.v2(1000, sim.adminSecret(), NOW, 2, "", Map.of(
                "virtualeventid", event)), range() + ";virtualeventid=" + event);
        assertThat(expired.body()).contains("INVALID_KS");
        HttpResponse<String> ok = reactions(eventKs, range() + ";virtualeventid=" + event);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(ok.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Report_4021_1000.csv\"");
        assertThat(byEmail(ok.body())).isNotEmpty();
    }

    @Test
    void oneRowPerAttendeeOfTheEventWithTheUsersOf6001AndTheirEngagement() {
        Map<String, Map<String, String>> reactions = byEmail(reactions(eventKs, range() + ";virtualeventid="
                + event).body());
        String attendees = Http.report(sim, eventKs, 6001, range() + ";virtual_event_ids=" + event).body();
        Map<String, double[]> weighted = new HashMap<>();
        for (Map<String, String> a : ServiceHttp.rows(attendees.substring(1))) {
            double minutes = Double.parseDouble(a.get("meeting_view_time"));
            double[] w = weighted.computeIfAbsent(a.get("user_email"), e -> new double[2]);
            w[0] += minutes * Double.parseDouble(a.get("meeting_engaged_play_time_ratio"));
            w[1] += minutes;
        }
        assertThat(reactions.keySet()).containsExactlyInAnyOrderElementsOf(weighted.keySet());
        reactions.forEach((email, row) -> {
            double[] w = weighted.get(email);
            assertThat(Double.parseDouble(row.get("combined_live_engaged_users_play_time_ratio"))).as(email)
                    .isBetween(0.0, 1.0).isCloseTo(w[0] / w[1], org.assertj.core.data.Offset.offset(0.0002));
            long sum = 0;
            for (String c : List.of("clap_clicked_count", "heart_clicked_count", "think_clicked_count",
                    "wow_clicked_count", "smile_clicked_count")) {
                sum += Long.parseLong(row.get(c));
            }
            assertThat(Long.parseLong(row.get("total_reactions_activity"))).isEqualTo(sum);
        });
        assertThat(reactions.values()).anyMatch(r -> Long.parseLong(r.get("total_reactions_activity")) > 0);
    }

    @Test
    void chatMessagesAndPollAnswersAreTheUsersRowsInTheServiceReports() {
        String room = sim.roomEntryIds().stream().filter(e -> sim.virtualEventIdOf(e).equals(event)).findFirst()
                .orElseThrow();
        for (List<String> entries : List.of(List.<String>of(), List.of(room))) {
            String entryParam = entries.isEmpty() ? "" : ";entry_ids=" + room;
            Map<String, Map<String, String>> reactions = byEmail(reactions(eventKs, range() + ";virtualeventid="
                    + event + entryParam).body());
            Map<String, Long> messages = count(ServiceHttp.fetch(sim, eventKs, "groupChatTranscripts",
                    fromDay.toString(), toDay.toString(), entries, List.of(event)));
            Map<String, Long> answers = count(ServiceHttp.fetch(sim, eventKs, "pollsActivity", fromDay.toString(),
                    toDay.toString(), entries, List.of(event)));
            assertThat(messages).isNotEmpty();
            assertThat(answers).isNotEmpty();
            reactions.forEach((email, row) -> {
                assertThat(Long.parseLong(row.get("messages_sent_group"))).as(email)
                        .isEqualTo(messages.getOrDefault(email, 0L));
                assertThat(Long.parseLong(row.get("answered_polls"))).as(email)
                        .isEqualTo(answers.getOrDefault(email, 0L));
            });
            assertThat(reactions.keySet()).containsAll(messages.keySet()).containsAll(answers.keySet());
        }
    }

    private static Map<String, Long> count(String csv) {
        Map<String, Long> counts = new HashMap<>();
        for (Map<String, String> r : ServiceHttp.rows(csv)) {
            counts.merge(r.get("userEmail"), 1L, Long::sum);
        }
        return counts;
    }

    @Test
    void isTheSameForTheSameSeedAndHonoursExcludedFieldsAndTheEntries() {
        String params = range() + ";virtualeventid=" + event;
        String body = reactions(eventKs, params).body();
        try (KalturaSimulator twin = KalturaSimulator.builder()
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).start()) {
            assertThat(Http.report(twin, eventKs, 4021, params).body()).isEqualTo(body);
        }
        HttpResponse<String> narrow = Http.post(sim, "report", "getCsvFromStringParams", Http.params("ks", eventKs,
                "id", "4021", "params", params, "excludedFields", "cam_on,mic_on"));
        assertThat(narrow.body()).startsWith("\uFEFFemail,combined_live_engaged_users_play_time_ratio,"
                + "download_attachment,add_to_calendar,raise_hand,clap_clicked_count,");
        List<String> otherRooms = new ArrayList<>(sim.roomEntryIds());
        otherRooms.removeIf(e -> sim.virtualEventIdOf(e).equals(event));
        assertThat(byEmail(reactions(eventKs, params + ";entry_ids=" + String.join(",", otherRooms)).body()))
                .isEmpty();
    }
}
