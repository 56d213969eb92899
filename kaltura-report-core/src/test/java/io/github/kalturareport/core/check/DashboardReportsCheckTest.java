package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.kalturareport.core.check.RuleResult.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules on issue 14's reports: reactions (4021) and the Reports microservice's chat reports. */
class DashboardReportsCheckTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        CheckFixtures.write(dir, "chatActivity.csv", """
                entryId,userId,userFirstName,userLastName,userEmail,userRole,messages,replies,likes
                1_a,u1,Ann,Lee,ann@example.org,attendee,3,1,0
                1_a,u2,Bob,Ray,bob@example.org,host,0,0,2
                1_b,u3,Cy,Orr,cy@example.org,attendee,0,0,0
                """);
        // A server that adds a column and leaves out optional ones: the check reads what is there.
        CheckFixtures.write(dir, "reactions.csv", """
                email,combined_live_engaged_users_play_time_ratio,total_reactions_activity,answered_polls,messages_sent_group,qna_threads,new_column
                ann@example.org,0.5,4,1,3,0,x
                bob@example.org,0.25,0,0,0,1,y
                """);
        CheckFixtures.write(dir, "chatTranscripts.csv", """
                entryId,subContext,messageId,sentAt,userId,userFirstName,userLastName,userEmail,userRole,message,repliedToMessageId,likes,isDeleted
                1_a,chat,m1,2026-11-30T10:15:03Z,u1,Ann,Lee,ann@example.org,attendee,"Hello, ""all""
                second line",,0,false
                1_a,chat,m2,2026-11-30T10:16:00Z,u2,Bob,Ray,bob@example.org,host,Welcome,m1,1,false
                1_a,breakout,m3,2026-11-30T10:17:00Z,u1,Ann,Lee,ann@example.org,attendee,"a
                b
                c",,0,false
                """);
    }

    private List<RuleResult> run(String rules) throws Exception {
        return ThresholdChecker.check(CheckSettings.builder().inputDirectory(dir).rules(rules).build(), null)
                .results();
    }

    @Test
    void sumOfMessagesByEntryIdResolvesTheAliasOfEntryId() throws Exception {
        assertThat(run("chatActivity:sum(messages) by entry_id >= 1"))
                .extracting(RuleResult::group, RuleResult::actual, RuleResult::verdict)
                .containsExactly(tuple("entryId=1_a", 3.0, Verdict.PASS), tuple("entryId=1_b", 0.0, Verdict.FAIL));
    }

    @Test
    void meanOfReactionsReadsTheTotalColumn() throws Exception {
        RuleResult r = run("reactions:mean(total_reactions_activity) >= 1").get(0);
        assertThat(r.actual()).isEqualTo(2.0);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(run("reactions:mean(engagement) >= 50%").get(0).actual()).isEqualTo(0.375);
    }

    @Test
    void countOfMessagesByRoleReadsQuotedMultiLineMessagesAsOneRow() throws Exception {
        assertThat(run("chatTranscripts:count(messageId) by userRole >= 1"))
                .extracting(RuleResult::group, RuleResult::actual)
                .containsExactly(tuple("userRole=attendee", 2.0), tuple("userRole=host", 1.0));
    }
}
