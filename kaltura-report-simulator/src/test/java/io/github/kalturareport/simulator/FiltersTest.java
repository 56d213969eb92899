package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every documented filter, excludedFields, the params parsing rules, and the dataset's content. */
class FiltersTest {
    static KalturaSimulator sim;
    static String ks;

    @BeforeAll
    static void start() {
        sim = KalturaSimulator.builder().endDate(LocalDate.of(2025, 6, 30)).start();
        ks = Http.adminKs(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static List<String[]> rows(int id, String params) {
        String body = Http.report(sim, ks, id, params).body();
        assertThat(body).startsWith("\uFEFF").endsWith("\n");
        return Arrays.stream(body.substring(1).split("\n")).skip(1).map(l -> l.split(",", -1))
                .collect(Collectors.toList());
    }

    static Set<String> column(List<String[]> rows, int index) {
        return rows.stream().map(r -> r[index]).collect(Collectors.toSet());
    }

    @Test
    void entryIdsAndVirtualEventIds() {
        List<String[]> all = rows(6000, "");
        List<String> entries = all.stream().map(r -> r[0]).distinct().sorted().collect(Collectors.toList());
        assertThat(entries).hasSize(12);
        String two = entries.get(0) + "," + entries.get(1);
        assertThat(column(rows(6000, "entry_ids=" + two), 0)).containsExactlyInAnyOrder(entries.get(0),
                entries.get(1));
        assertThat(rows(6000, "entry_ids=" + two)).hasSize(40);
        assertThat(column(rows(6001, "entry_ids=" + entries.get(2)), 0)).containsExactly(entries.get(2));

        // Rooms spread over 3 virtual events: 4 rooms each.
        List<String[]> eventRows = rows(6000, "virtual_event_ids=" + virtualEventOf(entries.get(0)));
        assertThat(column(eventRows, 0)).hasSize(4);
        assertThat(rows(6001, "virtual_event_ids=" + virtualEventOf(entries.get(0)))).hasSize(4 * 20 * 25);
        assertThat(rows(6002, "virtual_event_ids=" + virtualEventOf(entries.get(0)))).hasSize(4 * 20 * 2);
        assertThat(rows(6000, "virtual_event_ids=1")).isEmpty();
    }

    private static String virtualEventOf(String entryId) {
        return sim.virtualEventIdOf(entryId);
    }

    @Test
    void userIdsAndCuePointIds() {
        List<String[]> attendees = rows(6001, "");
        String user = attendees.get(5)[2];
        List<String[]> mine = rows(6001, "user_ids=" + user + ",nobody");
        assertThat(mine).isNotEmpty().allSatisfy(r -> assertThat(r[2]).isEqualTo(user));
        assertThat(mine).hasSize((int) attendees.stream().filter(r -> r[2].equals(user)).count());
        String cuePoint = attendees.get(40)[1];
        List<String[]> session = rows(6001, "cue_point_ids=" + cuePoint);
        assertThat(session).hasSize(25).allSatisfy(r -> assertThat(r[1]).isEqualTo(cuePoint));
        assertThat(session.stream().map(r -> r[5]).collect(Collectors.toList())).startsWith("Host", "Moderator",
                "Speaker", "Speaker", "Viewer");
    }

    @Test
    void breakoutsUseCamelCaseDatesAndParentEntryIds() {
        List<String[]> all = rows(6002, "");
        assertThat(all).hasSize(12 * 20 * 2);
        long start = Long.parseLong(all.get(10)[6]);
        List<String[]> one = rows(6002, "fromDate=" + start + ";toDate=" + start);
        assertThat(one).hasSize(1);
        assertThat(one.get(0)[6]).isEqualTo(Long.toString(start));
        // The snake_case keys are not 6002's: ignored, so everything comes back.
        assertThat(rows(6002, "from_date=" + start + ";to_date=" + start)).hasSize(all.size());
        String parent = all.get(0)[0];
        List<String[]> children = rows(6002, "parentEntryIds=" + parent);
        assertThat(children).hasSize(40).allSatisfy(r -> assertThat(r[0]).isEqualTo(parent));
        for (String[] r : all) {
            assertThat(Long.parseLong(r[8])).isEqualTo(Long.parseLong(r[7]) - Long.parseLong(r[6]));
        }
    }

    @Test
    void excludedFieldsDropColumnsMatchedExactly() {
        String body = Http.post(sim, "report", "getCsvFromStringParams", Http.params("ks", ks, "id", "6001",
                "params", "", "excludedFields", "user_email,user_name,USER_TYPE,nope")).body();
        String header = body.substring(1, body.indexOf('\n'));
        assertThat(header).isEqualTo("entry_id,cue_point_id,user_id,user_type,meeting_view_time,"
                + "meeting_engaged_play_time_ratio");
        String firstRow = body.split("\n")[1];
        assertThat(firstRow.split(",", -1)).hasSize(6);
    }

    @Test
    void paramsAreSplitOnSemicolonsPairsTrimmedLastWins() {
        List<String[]> all = rows(6000, "");
        long s = Long.parseLong(all.get(3)[4]);
        assertThat(rows(6000, " from_date=0 ; from_date=" + s + ";to_date=" + s + ";unknown=a=b;;")).hasSize(1);
        // PHP reads "12abc" as 12 and "abc" as 0.
        assertThat(rows(6000, "to_date=abc")).isEmpty();
        // A later pair without "=" leaves the key with no value, so no filter.
        assertThat(rows(6000, "to_date=0;to_date")).hasSize(all.size());
    }

    @Test
    void aValueIsOnlyWhatLiesBetweenTheFirstAndSecondEquals() {
        List<String[]> all = rows(6000, "");
        String entry = all.get(0)[0];
        List<String[]> one = rows(6000, "entry_ids=" + entry + "=1_zzzzzzzz");
        assertThat(one).isNotEmpty();
        assertThat(column(one, 0)).containsExactly(entry);
        long s = Long.parseLong(all.get(3)[4]);
        assertThat(rows(6000, "from_date=" + s + "=0;to_date=" + s + "=9999999999")).hasSize(1);
    }

    @Test
    void aPairIsTrimmedAsAWholeSoSpacesAroundEqualsMakeAnotherKey() {
        List<String[]> all = rows(6000, "");
        // "to_date = 0" is the key "to_date " (unknown, ignored), not to_date.
        assertThat(rows(6000, " to_date = 0 ")).hasSize(all.size());
        assertThat(rows(6000, "\tto_date=0\n")).isEmpty();
    }

    @Test
    void valuesLookLikeTheServers() {
        List<String[]> attendees = rows(6001, "");
        String body = Http.report(sim, ks, 6001, "").body();
        assertThat(body).contains("ü").contains("\"\"").doesNotContain("\r");
        assertThat(attendees).allSatisfy(r -> {
            assertThat(r).hasSize(8);
            assertThat(r[0]).matches("1_[a-z0-9]{8}");
            assertThat(r[5]).isIn("Host", "Moderator", "Speaker", "Viewer");
            assertThat(r[6]).matches("\\d+(\\.\\d)?");
            assertThat(Double.parseDouble(r[7])).isBetween(0.0, 1.0);
        });
        assertThat(attendees.stream().map(r -> r[3]).filter(n -> n.contains("  "))).isNotEmpty();
        assertThat(Http.report(sim, ks, 6000, "").body()).contains("Biology 101  Section A")
                .contains("\"Ask \"\"Anything\"\" Hour\"");
    }
}
