package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The dashboard's session overview: per room and session, unique attendees, average minutes viewed and average
 * engagement. Rooms give each session its room name and start; attendees give the figures; the two are joined
 * on entry_id + cue_point_id. Fed row by row during the one pass over each file.
 *
 * <p>Memory: one small record per session, plus the user hashes (8–16 bytes each) of the session being read only.
 * Kaltura sends a session's attendee rows together (in session start order), so when the next session begins the
 * previous one's unique count is kept and its hashes are dropped; this keeps five million rows within a 64 MiB heap.
 * Should a session's rows come back after another session's, its count is redone exactly in a second pass over the
 * file that collects only such sessions' users ({@link #needsRecount()}, {@link #recount(ReportFile)}).
 */
final class SessionOverview {

    /** One line of the overview. Averages are NaN when the session has no attendee rows with a value. */
    record Row(String entryId, String roomName, String cuePointId, double start, long uniqueAttendees,
            double averageMinutesViewed, double averageEngagement) {
    }

    private static final class Session {
        String roomName;
        double start = Double.NaN;
        double roomUniqueUsers = Double.NaN;
        double roomEngagement = Double.NaN;
        /** The users seen so far; null once the session is sealed (its rows ended). */
        LongHashSet users = new LongHashSet();
        long sealedUniqueUsers;
        boolean recount;
        boolean hasAttendees;
        double viewSum;
        long viewCount;
        double engagementSum;
        long engagementCount;
    }

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private boolean hasRooms;
    private boolean hasAttendees;
    /** The session of the previous attendee row, and its key cells (most rows repeat them: no map lookup). */
    private Session current;
    private String currentEntry;
    private String currentCue;
    private boolean needsRecount;

    private Session session(String entryId, String cuePointId) {
        return sessions.computeIfAbsent(entryId + '\u0000' + cuePointId, k -> new Session());
    }

    /** A consumer of rooms.csv rows, or null when the header lacks the join columns. */
    RowConsumer rooms(ReportFile file) {
        int entry = file.index("entry_id");
        int cue = file.index("cue_point_id");
        int name = file.index("entry_name");
        int start = file.index("session_start_time");
        int users = file.index("meeting_view_period_unique_users");
        int engagement = file.index("meeting_engaged_play_time_ratio");
        if (entry < 0 || cue < 0) {
            return null;
        }
        hasRooms = true;
        return (record, line) -> {
            Session s = session(ReportFile.cell(record, entry), ReportFile.cell(record, cue));
            if (name >= 0 && s.roomName == null) {
                s.roomName = ReportFile.cell(record, name);
            }
            if (start >= 0) {
                s.start = file.number(record, start, "session_start_time", line);
            }
            if (users >= 0) {
                s.roomUniqueUsers = file.number(record, users, "meeting_view_period_unique_users", line);
            }
            if (engagement >= 0) {
                s.roomEngagement = file.number(record, engagement, "meeting_engaged_play_time_ratio", line);
            }
        };
    }

    /** A consumer of attendees.csv rows, or null when the header lacks the join columns. */
    RowConsumer attendees(ReportFile file) {
        int entry = file.index("entry_id");
        int cue = file.index("cue_point_id");
        int user = file.index("user_id");
        int view = file.index("meeting_view_time");
        int engagement = file.index("meeting_engaged_play_time_ratio");
        if (entry < 0 || cue < 0) {
            return null;
        }
        hasAttendees = true;
        return (record, line) -> {
            Session s = attendeeSession(ReportFile.cell(record, entry), ReportFile.cell(record, cue));
            s.hasAttendees = true;
            if (user >= 0) {
                s.users.add(LongHashSet.hash(ReportFile.cell(record, user)));
            }
            if (view >= 0) {
                double minutes = file.number(record, view, "meeting_view_time", line);
                if (!Double.isNaN(minutes)) {
                    s.viewSum += minutes;
                    s.viewCount++;
                }
            }
            if (engagement >= 0) {
                double ratio = file.number(record, engagement, "meeting_engaged_play_time_ratio", line);
                if (!Double.isNaN(ratio)) {
                    s.engagementSum += ratio;
                    s.engagementCount++;
                }
            }
        };
    }

    /**
     * The session of an attendee row. When the session changes, the previous one is sealed: its unique count is
     * kept and its user hashes are dropped. A sealed session seen again is marked for the recount.
     */
    private Session attendeeSession(String entryId, String cuePointId) {
        if (current != null && entryId.equals(currentEntry) && cuePointId.equals(currentCue)) {
            return current;
        }
        if (current != null && current.users != null) {
            current.sealedUniqueUsers = current.users.size();
            current.users = null;
        }
        Session s = session(entryId, cuePointId);
        if (s.users == null) {
            s.users = new LongHashSet();
            s.recount = true;
            needsRecount = true;
        }
        current = s;
        currentEntry = entryId;
        currentCue = cuePointId;
        return s;
    }

    /** Whether some session's attendee rows were not together, so its unique count needs {@link #recount}. */
    boolean needsRecount() {
        return needsRecount;
    }

    /**
     * A second pass over attendees.csv that counts the unique users of the sessions whose rows were not together,
     * keeping hashes for those sessions only.
     */
    void recount(ReportFile file) throws KalturaReportException {
        int entry = file.index("entry_id");
        int cue = file.index("cue_point_id");
        int user = file.index("user_id");
        for (Session s : sessions.values()) {
            if (s.recount) {
                s.users = new LongHashSet();
            } else if (s.users != null) {
                s.sealedUniqueUsers = s.users.size();
                s.users = null;
            }
        }
        current = null;
        if (user >= 0) {
            CSVRecord record;
            while ((record = file.next()) != null) {
                Session s = sessions.get(ReportFile.cell(record, entry) + '\u0000' + ReportFile.cell(record, cue));
                if (s != null && s.recount) {
                    s.users.add(LongHashSet.hash(ReportFile.cell(record, user)));
                }
            }
        }
        for (Session s : sessions.values()) {
            if (s.recount) {
                s.sealedUniqueUsers = s.users.size();
                s.users = null;
                s.recount = false;
            }
        }
        needsRecount = false;
    }

    /** Whether there is anything to show (rooms.csv or attendees.csv was read). */
    boolean available() {
        return hasRooms || hasAttendees;
    }

    /**
     * The overview, by session start (sessions without a start last), then room and session. A session only in
     * rooms.csv shows the room report's unique users and engagement; minutes viewed need attendees.csv.
     */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>(sessions.size());
        for (Map.Entry<String, Session> e : sessions.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            Session s = e.getValue();
            long unique = s.hasAttendees ? (s.users != null ? s.users.size() : s.sealedUniqueUsers)
                    : Double.isNaN(s.roomUniqueUsers) ? 0 : (long) s.roomUniqueUsers;
            double minutes = s.viewCount == 0 ? Double.NaN : s.viewSum / s.viewCount;
            double engagement = s.engagementCount > 0 ? s.engagementSum / s.engagementCount : s.roomEngagement;
            rows.add(new Row(key[0], s.roomName == null ? key[0] : s.roomName, key[1], s.start, unique, minutes,
                    engagement));
        }
        rows.sort(Comparator.comparingDouble((Row r) -> Double.isNaN(r.start()) ? Double.MAX_VALUE : r.start())
                .thenComparing(Row::roomName).thenComparing(Row::cuePointId));
        return rows;
    }
}
