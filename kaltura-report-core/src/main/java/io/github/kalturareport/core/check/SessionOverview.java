package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.CheckResult.SessionRow;
import io.github.kalturareport.core.internal.collect.LongHashSet;
import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.internal.privacy.Shareable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>Speed: as a session's rows come together, a row is matched to its session by comparing its entry and
 * session cells, as bytes, with the previous row's; text and a map lookup are needed only when the session
 * changes. Users are counted by {@link CsvRow#trimmedHash} in both passes, so a row costs no allocation.
 *
 * <p>The Overview's totals are gathered in the same pass: the distinct viewers of the whole file (one hash per
 * user, as a {@code distinct} rule keeps), the sums of minutes and engagement, and, when {@link Interactions} read
 * chat or poll data first, how many of a session's and of all viewers chatted or answered a poll: a viewer is
 * looked up once, when first counted.
 */
final class SessionOverview {

    private static final class Session {
        String roomName;
        double start = Double.NaN;
        double roomUniqueUsers = Double.NaN;
        double roomEngagement = Double.NaN;
        /** The users seen so far; null before its attendee rows and once the session is sealed (its rows ended). */
        LongHashSet users;
        long sealedUniqueUsers;
        boolean recount;
        boolean hasAttendees;
        double viewSum;
        long viewCount;
        double engagementSum;
        long engagementCount;
        /** Who chatted or answered a poll in this session's room (null: nobody, or no such data). */
        LongHashSet chatters;
        LongHashSet pollers;
        /** Of this session's viewers, how many chatted or answered a poll in its room. */
        long chatted;
        long polled;
    }

    private final Interactions interactions;
    /** Every viewer of attendees.csv, for the total unique count; null when the file has no user column. */
    private LongHashSet viewers;
    private long viewersWhoChatted;
    private long viewersWhoPolled;
    private double totalViewSum;
    private long totalViewCount;
    private double totalEngagementSum;
    private long totalEngagementCount;

    /** @param interactions read before attendees.csv, so viewers can be matched to who chatted */
    SessionOverview(Interactions interactions) {
        this.interactions = interactions;
    }

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private boolean hasRooms;
    private boolean hasAttendees;
    /** The session of the previous attendee row, and its key cells (most rows repeat them: no map lookup). */
    private final SessionKey current = new SessionKey();
    private boolean needsRecount;
    /**
     * The user set of the last sealed session, emptied for the next one: sessions follow one another, so one
     * table serves them all instead of a new one growing for each (a small table only; see {@link #reuse}).
     */
    private LongHashSet spare;
    /** The largest table kept for reuse: emptying a bigger one for each small session would cost more. */
    private static final int SPARE_SLOTS = 1 << 13;

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
        return (row, line) -> {
            Session s = session(ReportFile.cell(row, entry), ReportFile.cell(row, cue));
            if (name >= 0 && s.roomName == null) {
                s.roomName = Shareable.maskEmails(ReportFile.cell(row, name)); // a room may be named by its owner
            }
            if (start >= 0) {
                s.start = file.number(row, start, "session_start_time", line);
            }
            if (users >= 0) {
                s.roomUniqueUsers = file.number(row, users, "meeting_view_period_unique_users", line);
            }
            if (engagement >= 0) {
                s.roomEngagement = file.number(row, engagement, "meeting_engaged_play_time_ratio", line);
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
        if (user >= 0 && viewers == null) {
            viewers = new LongHashSet();
        }
        LongHashSet allChatters = interactions.hasChat() ? interactions.chatters() : null;
        LongHashSet allPollers = interactions.hasPolls() ? interactions.pollers() : null;
        return (row, line) -> {
            Session s = current.matches(row, entry, cue) ? current.session : attendeeSession(row, entry, cue);
            s.hasAttendees = true;
            if (user >= 0) {
                long h = ReportFile.hash(row, user);
                if (s.users.add(h)) {
                    countInteractions(s, h);
                }
                if (viewers.add(h)) {
                    if (allChatters != null && allChatters.contains(h)) {
                        viewersWhoChatted++;
                    }
                    if (allPollers != null && allPollers.contains(h)) {
                        viewersWhoPolled++;
                    }
                }
            }
            if (view >= 0) {
                double minutes = file.number(row, view, "meeting_view_time", line);
                if (!Double.isNaN(minutes)) {
                    s.viewSum += minutes;
                    s.viewCount++;
                    totalViewSum += minutes;
                    totalViewCount++;
                }
            }
            if (engagement >= 0) {
                double ratio = file.number(row, engagement, "meeting_engaged_play_time_ratio", line);
                if (!Double.isNaN(ratio)) {
                    s.engagementSum += ratio;
                    s.engagementCount++;
                    totalEngagementSum += ratio;
                    totalEngagementCount++;
                }
            }
        };
    }

    /** A viewer newly counted in a session: did they chat or answer a poll in its room? */
    private static void countInteractions(Session s, long user) {
        if (s.chatters != null && s.chatters.contains(user)) {
            s.chatted++;
        }
        if (s.pollers != null && s.pollers.contains(user)) {
            s.polled++;
        }
    }

    /**
     * The session of an attendee row whose key cells differ from the previous row's. When the session changes,
     * the previous one is sealed: its unique count is kept and its user hashes are dropped. A sealed session seen
     * again is marked for the recount.
     */
    private Session attendeeSession(CsvRow row, int entry, int cue) {
        String entryId = ReportFile.cell(row, entry);
        String cuePointId = ReportFile.cell(row, cue);
        Session previous = current.session;
        if (previous != null && entryId.equals(current.entryId) && cuePointId.equals(current.cuePointId)) {
            // The same session written differently (spaces around a cell): still the same session.
            current.remember(row, entry, cue, entryId, cuePointId, previous);
            return previous;
        }
        if (previous != null && previous.users != null) {
            previous.sealedUniqueUsers = previous.users.size();
            reuse(previous.users);
            previous.users = null;
        }
        Session s = session(entryId, cuePointId);
        if (s.hasAttendees) {
            // Sealed already: its rows come back after another session's, so its count is redone by recount().
            s.recount = true;
            needsRecount = true;
        }
        s.users = spare != null ? spare : new LongHashSet();
        spare = null;
        s.chatters = interactions.chattersIn(entryId);
        s.pollers = interactions.pollersIn(entryId);
        current.remember(row, entry, cue, entryId, cuePointId, s);
        return s;
    }

    private void reuse(LongHashSet users) {
        if (users.capacity() <= SPARE_SLOTS) {
            users.clear();
            spare = users;
        }
    }

    /**
     * The key cells of the last row matched to a session, exactly as read, with the session: the next row of the
     * same session is recognised by comparing bytes, without decoding.
     */
    private static final class SessionKey {
        byte[] entryCell;
        byte[] cueCell;
        String entryId;
        String cuePointId;
        Session session;

        boolean matches(CsvRow row, int entry, int cue) {
            return session != null && ReportFile.rawEquals(row, cue, cueCell)
                    && ReportFile.rawEquals(row, entry, entryCell);
        }

        void remember(CsvRow row, int entry, int cue, String strippedEntry, String strippedCue, Session s) {
            entryCell = ReportFile.rawBytes(row, entry);
            cueCell = ReportFile.rawBytes(row, cue);
            entryId = strippedEntry;
            cuePointId = strippedCue;
            session = s;
        }

        void clear() {
            entryCell = null;
            cueCell = null;
            entryId = null;
            cuePointId = null;
            session = null;
        }
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
                s.chatted = 0;
                s.polled = 0;
            } else if (s.users != null) {
                s.sealedUniqueUsers = s.users.size();
                s.users = null;
            }
        }
        current.clear();
        if (user >= 0) {
            // The same matching as the first pass: by bytes while the session goes on, by text when it changes.
            SessionKey last = new SessionKey();
            CsvRow row;
            while ((row = file.next()) != null) {
                Session s;
                if (last.matches(row, entry, cue)) {
                    s = last.session;
                } else {
                    String entryId = ReportFile.cell(row, entry);
                    String cuePointId = ReportFile.cell(row, cue);
                    s = sessions.get(entryId + '\u0000' + cuePointId);
                    if (s == null) {
                        continue; // not in the first pass's sessions: nothing of it to recount
                    }
                    last.remember(row, entry, cue, entryId, cuePointId, s);
                }
                if (s.recount) {
                    long h = ReportFile.hash(row, user);
                    if (s.users.add(h)) {
                        countInteractions(s, h);
                    }
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
     * The Overview's totals and each session's shares (docs/rules.md, "The Overview"). Chat and poll data name
     * the room, not the session: a session's shares are given only when its room has no other session.
     */
    CheckResult.Overview overview() {
        Map<String, Integer> sessionsPerRoom = new HashMap<>();
        for (String key : sessions.keySet()) {
            sessionsPerRoom.merge(key.substring(0, key.indexOf('\u0000')), 1, Integer::sum);
        }
        Map<String, CheckResult.Shares> shares = new HashMap<>();
        boolean chat = interactions.hasChat() && viewers != null;
        boolean polls = interactions.hasPolls() && viewers != null;
        if (chat || polls) {
            for (Map.Entry<String, Session> e : sessions.entrySet()) {
                Session s = e.getValue();
                long unique = s.users != null ? s.users.size() : s.sealedUniqueUsers;
                String room = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
                if (s.hasAttendees && unique > 0 && sessionsPerRoom.get(room) == 1) {
                    shares.put(e.getKey(), new CheckResult.Shares(Double.NaN,
                            chat ? (double) s.chatted / unique : Double.NaN,
                            polls ? (double) s.polled / unique : Double.NaN, Double.NaN));
                }
            }
        }
        long unique = viewers == null ? -1 : viewers.size();
        double minutes = totalViewCount == 0 ? Double.NaN : totalViewSum / totalViewCount;
        double engagement = totalEngagementCount > 0 ? totalEngagementSum / totalEngagementCount : roomsEngagement();
        CheckResult.Shares total = new CheckResult.Shares(interactions.reactionShare(Interactions.REACTED),
                chat && unique > 0 ? (double) viewersWhoChatted / unique
                        : interactions.reactionShare(Interactions.CHATTED),
                polls && unique > 0 ? (double) viewersWhoPolled / unique
                        : interactions.reactionShare(Interactions.ANSWERED_POLLS),
                interactions.reactionShare(Interactions.OPENED_QNA));
        return new CheckResult.Overview(unique, minutes, engagement, total, interactions.reactionUsers(), chat,
                polls, shares);
    }

    /** Without attendee rows: the mean of rooms.csv's session engagement; NaN without one. */
    private double roomsEngagement() {
        double sum = 0;
        long n = 0;
        for (Session s : sessions.values()) {
            if (!Double.isNaN(s.roomEngagement)) {
                sum += s.roomEngagement;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The overview, by session start (sessions without a start last), then room and session. A session only in
     * rooms.csv shows the room report's unique users and engagement; minutes viewed need attendees.csv.
     */
    List<SessionRow> rows() {
        List<SessionRow> rows = new ArrayList<>(sessions.size());
        for (Map.Entry<String, Session> e : sessions.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            Session s = e.getValue();
            long unique = s.hasAttendees ? (s.users != null ? s.users.size() : s.sealedUniqueUsers)
                    : Double.isNaN(s.roomUniqueUsers) ? 0 : (long) s.roomUniqueUsers;
            double minutes = s.viewCount == 0 ? Double.NaN : s.viewSum / s.viewCount;
            double engagement = s.engagementCount > 0 ? s.engagementSum / s.engagementCount : s.roomEngagement;
            rows.add(new SessionRow(key[0], s.roomName == null ? key[0] : s.roomName, key[1], s.start, unique,
                    minutes, engagement));
        }
        rows.sort(Comparator.comparingDouble((SessionRow r) -> Double.isNaN(r.start()) ? Double.MAX_VALUE : r.start())
                .thenComparing(SessionRow::roomName).thenComparing(SessionRow::cuePointId));
        return rows;
    }
}
