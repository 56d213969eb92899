package io.github.kalturareport.simulator.internal;

import java.time.ZoneOffset;

/**
 * The seeded dataset: rooms are precomputed (few), while sessions, attendees and breakouts are computed on demand
 * from their index, so a report of millions of rows is produced in constant memory.
 *
 * <p>Session {@code k} (0-based, in start-time order) starts in its own slice of the span, in the first half of
 * the slice; its breakouts start in that same half, so rows of every report can be produced already ordered by
 * session start time and every session owns distinct seconds.
 */
public final class Dataset {
    private static final long ROOM = 1, EVENT = 3, SESSION = 4, CUE_POINT = 5, ATTENDEE = 6,
            USER = 7, BREAKOUT_ROOM = 8, BREAKOUT = 9, SHIFT = 10;

    private final DatasetSpec spec;
    private final Room[] rooms;
    private final int sessions;
    private final long spanStart;
    private final long spanSeconds;
    private final long gap;
    private final int userPool;
    private final int roomShift;

    public Dataset(DatasetSpec spec) {
        this.spec = spec;
        this.sessions = spec.rooms() * spec.sessionsPerRoom();
        this.spanStart = spec.endDate().minusDays(spec.days() - 1L).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        this.spanSeconds = spec.days() * 86_400L;
        this.gap = spanSeconds / sessions;
        this.userPool = Math.max(spec.userPool(), Math.max(spec.attendeesPerSession(), spec.crowdedSessionAttendees()));
        this.roomShift = Mix.below(Mix.hash(spec.seed(), SHIFT), spec.rooms());
        this.rooms = new Room[spec.rooms()];
        for (int r = 0; r < rooms.length; r++) {
            rooms[r] = newRoom(r);
        }
    }

    public DatasetSpec spec() {
        return spec;
    }

    public int sessionCount() {
        return sessions;
    }

    public Room room(int index) {
        return rooms[index];
    }

    public int roomCount() {
        return rooms.length;
    }

    /** First second of the span (UTC midnight). */
    public long spanStart() {
        return spanStart;
    }

    /** Last second of the span, inclusive. */
    public long spanEnd() {
        return spanStart + spanSeconds - 1;
    }

    private Room newRoom(int r) {
        long seed = spec.seed();
        String entryId = Mix.kalturaId(Mix.hash(seed, ROOM, r));
        String name = Names.roomName(r);
        int event = r % spec.virtualEvents();
        String eventId = Long.toString(3_000_000L + event * 1000L + Mix.below(Mix.hash(seed, EVENT, event), 1000));
        String[] breakoutIds = new String[spec.breakoutsPerSession()];
        String[] breakoutNames = new String[spec.breakoutsPerSession()];
        for (int b = 0; b < breakoutIds.length; b++) {
            breakoutIds[b] = Mix.kalturaId(Mix.hash(seed, BREAKOUT_ROOM, r, b));
            breakoutNames[b] = Names.breakoutName(b);
        }
        return new Room(r, entryId, name, eventId, breakoutIds, breakoutNames);
    }

    /** The lowest session index whose start is at or after {@code second}. */
    public int firstSessionStartingAtOrAfter(long second) {
        int lo = 0;
        int hi = sessions;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sessionStart(mid) < second) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    long sessionStart(int k) {
        long base = spanStart + (long) k * spanSeconds / sessions;
        long jitterRange = gap / 2;
        return jitterRange > 0 ? base + Mix.below(Mix.hash(spec.seed(), SESSION, k, 0), (int) Math.min(jitterRange, 1L << 30)) : base;
    }

    public Session session(int k) {
        long seed = spec.seed();
        long start = sessionStart(k);
        int duration = 1800 + Mix.below(Mix.hash(seed, SESSION, k, 1), 5401);
        Room room = rooms[(k + roomShift) % rooms.length];
        int attendees = spec.crowdedSessionAttendees() > 0 && k == sessions / 2
                ? spec.crowdedSessionAttendees() : spec.attendeesPerSession();
        int userOffset = Mix.below(Mix.hash(seed, SESSION, k, 2), userPool);
        String cuePoint = Mix.kalturaId(Mix.hash(seed, CUE_POINT, k));
        return new Session(k, room, cuePoint, start, start + duration, attendees, userOffset);
    }

    /**
     * What room data gives as the session's {@code meeting_view_period_unique_users}: its attendees, except for the
     * crowded session when a figure for it is set (an approximate count that is off, as HyperLogLog may be).
     */
    public int uniqueUsers(Session s) {
        boolean crowded = spec.crowdedSessionAttendees() > 0 && s.index() == sessions / 2;
        return crowded && spec.crowdedSessionUniqueUsers() > 0 ? spec.crowdedSessionUniqueUsers() : s.attendees();
    }

    public User user(int index) {
        return Names.user(Mix.hash(spec.seed(), USER, index), index);
    }

    public Attendee attendee(Session s, int j) {
        Presence p = presence(s, j);
        return new Attendee(user(p.userIndex()), p.role(), p.viewTenthsOfMinutes(), p.ratioTenThousandths());
    }

    /** Attendee {@code j} of session {@code s} with the user as an index: what a report row needs, cheaply. */
    public Presence presence(Session s, int j) {
        long h = Mix.hash(spec.seed(), ATTENDEE, s.index(), j);
        int user = (s.userOffset() + j) % userPool;
        String role;
        if (j == 0) {
            role = "Host";
        } else if (j == 1 && s.attendees() > 3) {
            role = "Moderator";
        } else if (j <= 3 && s.attendees() >= 10) {
            role = "Speaker";
        } else {
            role = "Viewer";
        }
        int durationSeconds = (int) (s.end() - s.start());
        double presence = j == 0 ? 1.0 : 0.15 + 0.85 * Mix.unit(Mix.mix(h + 1));
        // Minutes with at most one decimal, as the dashboard shows them (e.g. 37.5).
        int viewTenths = (int) Math.round(durationSeconds / 6.0 * presence);
        int ratio = engagement(h);
        return new Presence(user, role, viewTenths, ratio);
    }

    /** Engagement in ten-thousandths: mostly 0.35..1, with a few exact 0 and 1. */
    private static int engagement(long h) {
        int pick = Mix.below(h, 50);
        if (pick == 0) {
            return 0;
        }
        if (pick == 1) {
            return 10_000;
        }
        return 3500 + Mix.below(Mix.mix(h + 2), 6501);
    }

    /** Breakout {@code b} of main session {@code s}. */
    public Breakout breakout(Session s, int b) {
        long h = Mix.hash(spec.seed(), BREAKOUT, s.index(), b);
        long half = gap / 2;
        long step = Math.max(1, Math.min(120, half / (spec.breakoutsPerSession() + 1)));
        long start = s.start() + (b + 1) * step;
        long end = Math.min(s.end(), start + 300 + Mix.below(h, 1201));
        if (end <= start) {
            end = start + 60;
        }
        int maxParticipants = Math.max(2, s.attendees() / Math.max(1, spec.breakoutsPerSession()));
        int participants = 2 + Mix.below(Mix.mix(h + 1), Math.max(1, maxParticipants - 1));
        String host = attendee(s, 0).user().id();
        return new Breakout(s, b, s.room().breakoutIds()[b], s.room().breakoutNames()[b],
                Mix.kalturaId(Mix.mix(h + 3)), host, start, end, participants, engagement(Mix.mix(h + 4)));
    }

    public record Room(int index, String entryId, String name, String virtualEventId, String[] breakoutIds,
            String[] breakoutNames) {
    }

    public record Session(int index, Room room, String cuePointId, long start, long end, int attendees,
            int userOffset) {
    }

    /** A user; first and last name as the Reports microservice splits them (a nickname stays with the first). */
    public record User(String id, String name, String email, String firstName, String lastName) {
    }

    /** An attendee with the user as an index into the pool (see {@link #user(int)}). */
    public record Presence(int userIndex, String role, int viewTenthsOfMinutes, int ratioTenThousandths) {
    }

    public record Attendee(User user, String role, int viewTenthsOfMinutes, int ratioTenThousandths) {
    }

    public record Breakout(Session session, int index, String entryId, String name, String cuePointId,
            String initiator, long start, long end, int participants, int ratioTenThousandths) {
    }
}
