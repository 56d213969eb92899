package io.github.kalturareport.core.check.output;

import io.github.kalturareport.core.check.CheckResult.Overview;
import io.github.kalturareport.core.check.CheckResult.SessionRow;
import io.github.kalturareport.core.check.CheckResult.Shares;
import io.github.kalturareport.core.internal.format.Formats;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The dashboard's Overview as rows of text, for the HTML and Markdown renderers: a total row, then a row per
 * session, with the share columns that are known somewhere. Figures only: room names (e-mail addresses masked by
 * the check), session ids, counts and shares; never a user.
 */
final class OverviewTable {

    /** A column: its header, the key the page names it by, and how a row's figure is read. */
    record Column(String header, String key) {
    }

    /** A row: the room, session and start cells (blank on the total row), then the figures, as shown. */
    record Row(boolean total, String entryId, String room, String session, String start, List<String> figures) {
    }

    static final List<Column> FIGURES = List.of(new Column("Unique viewers", "uniqueViewers"),
            new Column("Avg minutes viewed", "averageMinutesViewed"),
            new Column("Avg live engagement", "averageEngagement"));
    private static final List<Column> SHARES = List.of(new Column("Reacted", "reacted"),
            new Column("Chatted", "chatted"), new Column("Answered polls", "answeredPolls"),
            new Column("Opened Q&A", "openedQna"));
    private static final List<ToDoubleFunction<Shares>> SHARE_OF = List.of(Shares::reacted, Shares::chatted,
            Shares::answeredPolls, Shares::openedQna);

    final List<Column> columns = new ArrayList<>(FIGURES);
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Sessions left out of {@link #rows} by the renderer's cap. */
    final int more;

    OverviewTable(Overview overview, List<SessionRow> sessions, ZoneId zone, int maxSessions) {
        List<SessionRow> all = sessions == null ? List.of() : sessions;
        List<SessionRow> shown = all.subList(0, Math.min(maxSessions, all.size()));
        this.more = all.size() - shown.size();
        List<Integer> shares = new ArrayList<>();
        for (int c = 0; c < SHARES.size(); c++) {
            int i = c;
            if (known(overview.total(), i) || shown.stream().anyMatch(s -> known(overview.sharesOf(s), i))) {
                shares.add(i);
                columns.add(SHARES.get(i));
            }
        }
        rows.add(new Row(true, "", "All sessions", "", "", figures(
                overview.uniqueViewers() < 0 ? "—" : Long.toString(overview.uniqueViewers()),
                overview.averageMinutesViewed(), overview.averageEngagement(), overview.total(), shares)));
        for (SessionRow s : shown) {
            rows.add(new Row(false, s.entryId(), s.roomName(), s.cuePointId(), Formats.time(s.start(), zone),
                    figures(Long.toString(s.uniqueAttendees()), s.averageMinutesViewed(), s.averageEngagement(),
                            overview.sharesOf(s), shares)));
        }
        notes.add("Unique viewers: distinct users of attendees.csv (in total, each user once over all sessions);"
                + " minutes viewed and live engagement: means over its rows.");
        if (overview.reactionUsers() > 0) {
            notes.add("Reacted" + (overview.chatData() ? "" : ", chatted") + (overview.pollsData() ? ""
                    : ", answered polls") + " and opened Q&A: the share of the " + overview.reactionUsers()
                    + " users of reactions.csv (4021) with a count above 0, in total only (4021 has no session).");
        }
        if (overview.chatData() || overview.pollsData()) {
            notes.add((overview.chatData() ? "Chatted" : "") + (overview.chatData() && overview.pollsData()
                    ? " and answered polls" : overview.pollsData() ? "Answered polls" : "")
                    + ": the share of viewers who did so in the session's room, from the chat data; it names the"
                    + " room only, so a session whose room had other sessions shows —.");
        }
    }

    private static boolean known(Shares shares, int i) {
        return !Double.isNaN(SHARE_OF.get(i).applyAsDouble(shares));
    }

    private static List<String> figures(String viewers, double minutes, double engagement, Shares shares,
            List<Integer> shown) {
        List<String> f = new ArrayList<>();
        f.add(viewers);
        f.add(Double.isNaN(minutes) ? "—" : Formats.number(MarkdownSummary.round1(minutes)));
        f.add(percent(engagement));
        for (int i : shown) {
            f.add(percent(SHARE_OF.get(i).applyAsDouble(shares)));
        }
        return f;
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "—" : Formats.percent(MarkdownSummary.round3(fraction));
    }
}
