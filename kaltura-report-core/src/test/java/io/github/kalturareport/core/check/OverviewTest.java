package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.check.CheckResult.Overview;
import io.github.kalturareport.core.check.CheckResult.SessionRow;
import io.github.kalturareport.core.check.CheckResult.Shares;
import io.github.kalturareport.core.check.output.CheckOutputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's Overview, worked out by hand on small files: rooms 1_a (sessions c1, c2) and 1_b (c3); viewers
 * u1, u2 in c1, u1 in c2, u3, u4 in c3 (CheckFixtures.ATTENDEES).
 */
class OverviewTest {

    private static final String CHAT_ACTIVITY = """
            entryId,userId,userFirstName,userLastName,userEmail,userRole,messages,replies,likes
            1_a,u1,Ann,Lee,ann@example.org,attendee,3,0,0
            1_a,u2,Bob,Ray,bob@example.org,host,0,0,2
            1_b,u3,Cy,Orr,cy@example.org,attendee,0,1,0
            1_b,u9,Zed,Poe,zed@example.org,attendee,5,0,0
            """;
    private static final String POLLS = """
            entryId,pollId,question,userId,userEmail,answer,answeredAt
            1_b,p1,Ready?,u4,di@example.org,Yes,2025-04-23T10:20:00Z
            1_b,p2,Clear?,u4,di@example.org,"Mostly, yes",2025-04-23T10:30:00Z
            """;
    private static final String REACTIONS = """
            email,combined_live_engaged_users_play_time_ratio,total_reactions_activity,answered_polls,messages_sent_group,qna_threads
            ann@example.org,0.5,3,1,0,0
            bob@example.org,0.25,0,0,2,1
            cy@example.org,0.75,0,0,0,0
            """;

    @TempDir
    Path dir;

    private CheckResult check(String rules) throws Exception {
        return ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir).rules(rules).build(), null);
    }

    @Test
    void totalsCountEachViewerOnceOverAllSessions() throws Exception {
        CheckFixtures.allReports(dir);
        Overview o = check("").overview().orElseThrow();
        assertThat(o.uniqueViewers()).isEqualTo(4);
        assertThat(o.averageMinutesViewed()).isEqualTo(25.0); // 10, 20, 30, 40 and an empty cell
        assertThat(o.averageEngagement()).isEqualTo(0.6);
        assertThat(o.total()).isEqualTo(Shares.UNKNOWN);
        assertThat(o.hasShares()).isFalse();
    }

    @Test
    void chatAndPollsGiveTheShareOfViewersPerSessionWhereTheRoomHasOneSessionAndInTotal() throws Exception {
        CheckFixtures.allReports(dir);
        CheckFixtures.write(dir, "chatActivity.csv", CHAT_ACTIVITY);
        CheckFixtures.write(dir, "pollsActivity.csv", POLLS);
        CheckFixtures.write(dir, "reactions.csv", REACTIONS);
        // A rule on attendees first: the check still reads the chat data before attendees.csv.
        CheckResult result = check("attendees:count(user_id) >= 1; chatActivity:sum(messages) >= 1");
        Overview o = result.overview().orElseThrow();
        // Of the 4 viewers, u1 (a message in 1_a) and u3 (a reply in 1_b) chatted; u9 chatted but did not view.
        // u4 answered two polls: one user.
        assertThat(o.total().chatted()).isEqualTo(0.5);
        assertThat(o.total().answeredPolls()).isEqualTo(0.25);
        // Reactions and Q&A only from 4021: 1 of its 3 users each.
        assertThat(o.total().reacted()).isEqualTo(1 / 3.0);
        assertThat(o.total().openedQna()).isEqualTo(1 / 3.0);
        assertThat(o.reactionUsers()).isEqualTo(3);
        assertThat(o.chatData()).isTrue();
        assertThat(o.pollsData()).isTrue();

        List<SessionRow> sessions = result.sessions().orElseThrow();
        assertThat(o.sharesOf(session(sessions, "c3"))).isEqualTo(new Shares(Double.NaN, 0.5, 0.5, Double.NaN));
        // 1_a had two sessions: its chat data cannot be told apart by session.
        assertThat(o.sharesOf(session(sessions, "c1"))).isEqualTo(Shares.UNKNOWN);
        assertThat(o.sharesOf(session(sessions, "c2"))).isEqualTo(Shares.UNKNOWN);
    }

    @Test
    void aSessionWhoseRowsAreSplitIsRecountedWithItsChat() throws Exception {
        CheckFixtures.write(dir, "rooms.csv", CheckFixtures.ROOMS);
        CheckFixtures.write(dir, "attendees.csv", """
                entry_id,cue_point_id,user_id,user_name,user_email,user_type,meeting_view_time,meeting_engaged_play_time_ratio
                1_b,c3,u3,Cy,cy@example.org,Attendee,40,0.5
                1_a,c1,u1,Ann,ann@example.org,Attendee,10,0.5
                1_b,c3,u4,Di,di@example.org,Attendee,20,1.0
                1_b,c3,u3,Cy,cy@example.org,Attendee,5,0.5
                """);
        CheckFixtures.write(dir, "chatActivity.csv", CHAT_ACTIVITY);
        CheckFixtures.write(dir, "pollsActivity.csv", POLLS);
        CheckResult result = check("");
        Overview o = result.overview().orElseThrow();
        SessionRow c3 = session(result.sessions().orElseThrow(), "c3");
        assertThat(c3.uniqueAttendees()).isEqualTo(2);
        assertThat(o.sharesOf(c3)).isEqualTo(new Shares(Double.NaN, 0.5, 0.5, Double.NaN));
        assertThat(o.uniqueViewers()).isEqualTo(3);
        assertThat(o.total()).isEqualTo(new Shares(Double.NaN, 2 / 3.0, 1 / 3.0, Double.NaN));
    }

    @Test
    void withoutChatDataReactionsGiveEveryShareInTotalOnly() throws Exception {
        CheckFixtures.allReports(dir);
        CheckFixtures.write(dir, "reactions.csv", REACTIONS);
        CheckResult result = check("");
        Overview o = result.overview().orElseThrow();
        assertThat(o.total()).isEqualTo(new Shares(1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0));
        assertThat(o.sessions()).isEmpty();
        assertThat(o.chatData()).isFalse();
    }

    @Test
    void reactionsAloneGiveAnOverviewWithoutViewers() throws Exception {
        // The server left out qna_threads, the last column.
        CheckFixtures.write(dir, "reactions.csv", REACTIONS.replace(",qna_threads", "")
                .replace(",1\n", "\n").replace(",0\n", "\n"));
        Overview o = check("").overview().orElseThrow();
        assertThat(o.uniqueViewers()).isEqualTo(-1);
        assertThat(o.averageMinutesViewed()).isNaN();
        // A column the server left out gives no share, not 0%.
        assertThat(o.total().openedQna()).isNaN();
        assertThat(o.total().reacted()).isEqualTo(1 / 3.0);
    }

    @Test
    void theOutputsShowTheOverviewAndNothingPersonal() throws Exception {
        CheckFixtures.allReports(dir);
        CheckFixtures.write(dir, "chatActivity.csv", CHAT_ACTIVITY);
        CheckFixtures.write(dir, "pollsActivity.csv", POLLS);
        CheckFixtures.write(dir, "reactions.csv", REACTIONS);
        CheckSettings settings = CheckSettings.builder().inputDirectory(dir).build();
        CheckOutputs.writeAll(settings, ThresholdChecker.check(settings, null));
        String md = Files.readString(dir.resolve("check/summary.md"));
        assertThat(md).contains("| Room | Session | Start (UTC) | Unique viewers | Avg minutes viewed |"
                + " Avg live engagement | Reacted | Chatted | Answered polls | Opened Q&amp;A |");
        assertThat(md).contains("| **All sessions** |  |  | 4 | 25 | 60% | 33.3% | 50% | 25% | 33.3% |");
        assertThat(md).contains("| Biology | c3 | 2025-04-23 10:00 | 2 | 40 | 75% | — | 50% | 50% | — |");
        assertThat(md).contains("| Algebra | c1 | 2025-04-21 10:00 | 2 | 15 | 62.5% | — | — | — | — |");
        String html = Files.readString(dir.resolve("check/report.html"));
        assertThat(html).contains("<tr data-scope=\"session\" data-entry=\"1_b\" data-session=\"c3\">");
        assertThat(html).contains("<td class=\"num\" data-figure=\"chatted\">50%</td>");
        for (String out : List.of(md, html, Files.readString(dir.resolve("check/summary.json")))) {
            assertThat(out).doesNotContain("example.org", "Zed", "Lee", "Mostly", "Ready?", "u9");
        }
    }

    private static SessionRow session(List<SessionRow> rows, String cuePointId) {
        return rows.stream().filter(r -> r.cuePointId().equals(cuePointId)).findFirst().orElseThrow();
    }
}
