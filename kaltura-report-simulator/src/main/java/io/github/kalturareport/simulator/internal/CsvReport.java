package io.github.kalturareport.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes one Room report as the server does: UTF-8 BOM, header row, rows in session start order, LF line ends and
 * a final LF; commas inside values become spaces; a value holding a double quote is quoted with {@code ""}; rows past
 * the cap are dropped silently; excluded columns are left out. Rows are written as they are generated, as bytes
 * into one reused buffer (see {@link CsvBuffer}): a report of a million rows is mostly a copy of cached bytes.
 * An instance serves one request on one thread (it keeps those caches).
 */
public final class CsvReport implements CsvBody {
    /**
     * Bytes handed to the output at a time: large, so Jetty's and the socket's per-write costs are paid rarely
     * (measured: 256 KiB took ~10% less server CPU than 64 KiB; 1 MiB was hardly better and holds more memory per
     * request and per Jetty thread, whose socket writes go through a cached direct buffer of this size).
     */
    static final int CHUNK = 256 << 10;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public static final List<String> ROOMS = List.of("entry_id", "entry_name", "parent_entry_id", "cue_point_id",
            "session_start_time", "session_end_time", "session_host_user_id", "meeting_view_period_unique_users",
            "meeting_engaged_play_time_ratio");
    public static final List<String> ATTENDEES = List.of("entry_id", "cue_point_id", "user_id", "user_name",
            "user_email", "user_type", "meeting_view_time", "meeting_engaged_play_time_ratio");
    public static final List<String> BREAKOUTS = List.of("parent_entry_id", "parent_entry_name", "breakout_entry_id",
            "breakout_entry_name", "cue_point_id", "session_initiator", "session_start_time", "session_end_time",
            "duration", "participant_count", "engagement_rate");

    private final Dataset data;
    private final int reportId;
    private final ReportParams params;
    private final boolean[] keep;
    private final List<String> columns;
    private final int cap;
    private final UserFields users;
    private final Map<String, byte[]> texts = new HashMap<>();
    /** When not null, rows come in an order drawn from this (seeded) sequence instead of session start order. */
    private final SplittableRandom shuffle;

    private CsvReport(Dataset data, int reportId, ReportParams params, Set<String> excluded, int cap,
            SplittableRandom shuffle) {
        this.data = data;
        this.reportId = reportId;
        this.params = params;
        this.columns = columnsOf(reportId);
        this.keep = new boolean[columns.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !excluded.contains(columns.get(i));
        }
        this.cap = cap;
        this.users = new UserFields(data);
        this.shuffle = shuffle;
    }

    /** The columns of a Room report, or null when the id is not one the simulator knows. */
    public static List<String> columnsOf(int reportId) {
        switch (reportId) {
            case 6000:
                return ROOMS;
            case 6001:
                return ATTENDEES;
            case 6002:
                return BREAKOUTS;
            default:
                return null;
        }
    }

    public static CsvReport of(Dataset data, int reportId, ReportParams params, Set<String> excluded, int cap) {
        return new CsvReport(data, reportId, params, excluded, cap, null);
    }

    /**
     * A report whose rows come shuffled: sessions in a seeded random order, and the rows of each session too, the
     * same order for the same request ({@code seed} derives from the data's seed and the request). The row cap then
     * keeps an arbitrary subset, as a server that promises no order may.
     */
    public static CsvReport shuffled(Dataset data, int reportId, ReportParams params, Set<String> excluded, int cap,
            long seed) {
        return new CsvReport(data, reportId, params, excluded, cap, new SplittableRandom(seed));
    }

    /**
     * Writes the report to {@code out} and returns the number of data rows written. Bytes reach {@code out} in
     * chunks of about {@link #CHUNK} bytes; the last chunk is written before this returns, but {@code out} is
     * neither flushed nor closed.
     */
    @Override
    public long writeTo(OutputStream out) throws IOException {
        CsvBuffer csv = new CsvBuffer(out, CHUNK);
        csv.bytes(BOM);
        boolean first = true;
        for (int i = 0; i < columns.size(); i++) {
            if (keep[i]) {
                if (!first) {
                    csv.ascii(',');
                }
                csv.bytes(columns.get(i).getBytes(StandardCharsets.UTF_8));
                first = false;
            }
        }
        csv.ascii('\n');
        long rows;
        switch (reportId) {
            case 6000:
                rows = writeRooms(csv);
                break;
            case 6001:
                rows = writeAttendees(csv);
                break;
            default:
                rows = writeBreakouts(csv);
                break;
        }
        csv.flush();
        return rows;
    }

    private long writeRooms(CsvBuffer csv) throws IOException {
        Long from = params.date("from_date");
        Long to = params.date("to_date");
        Set<String> entries = params.list("entry_ids");
        Set<String> events = params.list("virtual_event_ids");
        Row row = new Row(csv);
        long written = 0;
        Sessions sessions = new Sessions(startIndex(from), to);
        for (int k = sessions.next(); k >= 0 && written < cap; k = sessions.next()) {
            Dataset.Session s = data.session(k);
            if (!roomMatches(s.room(), entries, events)) {
                continue;
            }
            long ratioSum = 0;
            for (int j = 0; j < s.attendees(); j++) {
                ratioSum += data.presence(s, j).ratioTenThousandths();
            }
            int host = data.presence(s, 0).userIndex();
            if (row.column(0)) {
                csv.bytes(text(s.room().entryId()));
            }
            if (row.column(1)) {
                csv.bytes(text(s.room().name()));
            }
            row.column(2); // parent_entry_id: empty for a main room
            if (row.column(3)) {
                csv.bytes(CsvBuffer.field(s.cuePointId()));
            }
            if (row.column(4)) {
                csv.number(s.start());
            }
            if (row.column(5)) {
                csv.number(s.end());
            }
            if (row.column(6)) {
                csv.bytes(users.id(host));
            }
            if (row.column(7)) {
                csv.number(data.uniqueUsers(s));
            }
            if (row.column(8)) {
                csv.ratio((int) Math.round((double) ratioSum / s.attendees()));
            }
            row.end();
            written++;
        }
        return written;
    }

    private long writeAttendees(CsvBuffer csv) throws IOException {
        Long from = params.date("from_date");
        Long to = params.date("to_date");
        Set<String> entries = params.list("entry_ids");
        Set<String> events = params.list("virtual_event_ids");
        Set<String> userIds = params.list("user_ids");
        Set<String> cuePoints = params.list("cue_point_ids");
        Row row = new Row(csv);
        long written = 0;
        Sessions sessions = new Sessions(startIndex(from), to);
        for (int k = sessions.next(); k >= 0 && written < cap; k = sessions.next()) {
            Dataset.Session s = data.session(k);
            if (!roomMatches(s.room(), entries, events) || (cuePoints != null && !cuePoints.contains(s.cuePointId()))) {
                continue;
            }
            byte[] entryId = text(s.room().entryId());
            byte[] cuePoint = CsvBuffer.field(s.cuePointId());
            int[] order = order(s.attendees());
            for (int j = 0; j < s.attendees() && written < cap; j++) {
                Dataset.Presence a = data.presence(s, order == null ? j : order[j]);
                int user = a.userIndex();
                if (userIds != null && !userIds.contains(users.rawId(user))) {
                    continue;
                }
                if (row.column(0)) {
                    csv.bytes(entryId);
                }
                if (row.column(1)) {
                    csv.bytes(cuePoint);
                }
                if (row.column(2)) {
                    csv.bytes(users.id(user));
                }
                if (row.column(3)) {
                    csv.bytes(users.name(user));
                }
                if (row.column(4)) {
                    csv.bytes(users.email(user));
                }
                if (row.column(5)) {
                    csv.bytes(text(a.role()));
                }
                if (row.column(6)) {
                    csv.tenths(a.viewTenthsOfMinutes());
                }
                if (row.column(7)) {
                    csv.ratio(a.ratioTenThousandths());
                }
                row.end();
                written++;
            }
        }
        return written;
    }

    private long writeBreakouts(CsvBuffer csv) throws IOException {
        Long from = params.date("fromDate");
        Long to = params.date("toDate");
        Set<String> parents = params.list("parentEntryIds");
        Set<String> events = params.list("virtual_event_ids");
        Row row = new Row(csv);
        long written = 0;
        int breakouts = data.spec().breakoutsPerSession();
        // A breakout starts after its main session, so start one session earlier than the bound to be safe.
        Sessions sessions = new Sessions(Math.max(0, startIndex(from) - 1), to);
        for (int k = sessions.next(); k >= 0 && written < cap; k = sessions.next()) {
            Dataset.Session s = data.session(k);
            if (!roomMatches(s.room(), parents, events)) {
                continue;
            }
            int[] order = order(breakouts);
            for (int b = 0; b < breakouts && written < cap; b++) {
                Dataset.Breakout bo = data.breakout(s, order == null ? b : order[b]);
                if ((from != null && bo.start() < from) || (to != null && bo.start() > to)) {
                    continue;
                }
                if (row.column(0)) {
                    csv.bytes(text(s.room().entryId()));
                }
                if (row.column(1)) {
                    csv.bytes(text(s.room().name()));
                }
                if (row.column(2)) {
                    csv.bytes(text(bo.entryId()));
                }
                if (row.column(3)) {
                    csv.bytes(text(bo.name()));
                }
                if (row.column(4)) {
                    csv.bytes(CsvBuffer.field(bo.cuePointId()));
                }
                if (row.column(5)) {
                    csv.bytes(CsvBuffer.field(bo.initiator()));
                }
                if (row.column(6)) {
                    csv.number(bo.start());
                }
                if (row.column(7)) {
                    csv.number(bo.end());
                }
                if (row.column(8)) {
                    csv.number(bo.end() - bo.start());
                }
                if (row.column(9)) {
                    csv.number(bo.participants());
                }
                if (row.column(10)) {
                    csv.ratio(bo.ratioTenThousandths());
                }
                row.end();
                written++;
            }
        }
        return written;
    }

    /**
     * The CSV bytes of a text drawn from a small fixed set (room and breakout names and ids, roles), encoded once
     * per report. Only such texts go here, so the map stays as small as the set.
     */
    private byte[] text(String value) {
        return texts.computeIfAbsent(value, CsvBuffer::field);
    }

    /** Writes the separators of one row and skips excluded columns. */
    private final class Row {
        private final CsvBuffer csv;
        private boolean first = true;

        Row(CsvBuffer csv) {
            this.csv = csv;
        }

        /** True when column {@code i} is written; then its separator has been written and its value comes next. */
        boolean column(int i) throws IOException {
            if (!keep[i]) {
                return false;
            }
            if (!first) {
                csv.ascii(',');
            }
            first = false;
            return true;
        }

        void end() throws IOException {
            csv.ascii('\n');
            first = true;
        }
    }

    /** The sessions from index {@code first} that start by {@code to}: in start order, or shuffled. */
    private final class Sessions {
        private final long to;
        private int next;
        private final int[] shuffled;

        Sessions(int first, Long to) {
            this.to = to == null ? Long.MAX_VALUE : to;
            this.next = first;
            if (shuffle == null) {
                this.shuffled = null;
                return;
            }
            int last = first;
            while (last < data.sessionCount() && data.sessionStart(last) <= this.to) {
                last++;
            }
            int[] order = order(last - first);
            for (int i = 0; i < order.length; i++) {
                order[i] += first;
            }
            this.shuffled = order;
            this.next = 0;
        }

        /** The next session's index, or -1 after the last. */
        int next() {
            if (shuffled != null) {
                return next < shuffled.length ? shuffled[next++] : -1;
            }
            if (next >= data.sessionCount() || data.sessionStart(next) > to) {
                return -1;
            }
            return next++;
        }
    }

    /** A seeded random order of {@code 0..n-1} when shuffling (Fisher–Yates), null in the natural order. */
    private int[] order(int n) {
        if (shuffle == null) {
            return null;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private int startIndex(Long from) {
        return from == null ? 0 : data.firstSessionStartingAtOrAfter(from);
    }

    private static boolean roomMatches(Dataset.Room room, Set<String> entries, Set<String> events) {
        return (entries == null || entries.contains(room.entryId()))
                && (events == null || events.contains(room.virtualEventId()));
    }
}
