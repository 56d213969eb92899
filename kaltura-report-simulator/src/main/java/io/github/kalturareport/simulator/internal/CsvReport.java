package io.github.kalturareport.simulator.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * Writes one Room report as the server does: UTF-8 BOM, header row, rows in session start order, LF line ends and
 * a final LF; commas inside values become spaces; a value holding a double quote is quoted with {@code ""}; rows past
 * the cap are dropped silently; excluded columns are left out. Rows are written as they are generated.
 */
public final class CsvReport {
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
    private final String[] row;
    private final StringBuilder line = new StringBuilder(256);

    private CsvReport(Dataset data, int reportId, ReportParams params, Set<String> excluded, int cap) {
        this.data = data;
        this.reportId = reportId;
        this.params = params;
        this.columns = columnsOf(reportId);
        this.keep = new boolean[columns.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !excluded.contains(columns.get(i));
        }
        this.cap = cap;
        this.row = new String[columns.size()];
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
        return new CsvReport(data, reportId, params, excluded, cap);
    }

    /** Writes the report and returns the number of data rows written. */
    public long writeTo(Writer out) throws IOException {
        out.write('\uFEFF');
        boolean first = true;
        for (int i = 0; i < columns.size(); i++) {
            if (keep[i]) {
                if (!first) {
                    out.write(',');
                }
                out.write(columns.get(i));
                first = false;
            }
        }
        out.write('\n');
        switch (reportId) {
            case 6000:
                return writeRooms(out);
            case 6001:
                return writeAttendees(out);
            default:
                return writeBreakouts(out);
        }
    }

    private long writeRooms(Writer out) throws IOException {
        Long from = params.date("from_date");
        Long to = params.date("to_date");
        Set<String> entries = params.list("entry_ids");
        Set<String> events = params.list("virtual_event_ids");
        long written = 0;
        for (int k = startIndex(from); k < data.sessionCount() && written < cap; k++) {
            Dataset.Session s = data.session(k);
            if (to != null && s.start() > to) {
                break;
            }
            if (!roomMatches(s.room(), entries, events)) {
                continue;
            }
            long ratioSum = 0;
            String host = null;
            for (int j = 0; j < s.attendees(); j++) {
                Dataset.Attendee a = data.attendee(s, j);
                ratioSum += a.ratioTenThousandths();
                if (j == 0) {
                    host = a.user().id();
                }
            }
            row[0] = s.room().entryId();
            row[1] = s.room().name();
            row[2] = "";
            row[3] = s.cuePointId();
            row[4] = Long.toString(s.start());
            row[5] = Long.toString(s.end());
            row[6] = host;
            row[7] = Integer.toString(s.attendees());
            row[8] = ratio((int) Math.round((double) ratioSum / s.attendees()));
            writeRow(out);
            written++;
        }
        return written;
    }

    private long writeAttendees(Writer out) throws IOException {
        Long from = params.date("from_date");
        Long to = params.date("to_date");
        Set<String> entries = params.list("entry_ids");
        Set<String> events = params.list("virtual_event_ids");
        Set<String> users = params.list("user_ids");
        Set<String> cuePoints = params.list("cue_point_ids");
        long written = 0;
        for (int k = startIndex(from); k < data.sessionCount() && written < cap; k++) {
            Dataset.Session s = data.session(k);
            if (to != null && s.start() > to) {
                break;
            }
            if (!roomMatches(s.room(), entries, events) || (cuePoints != null && !cuePoints.contains(s.cuePointId()))) {
                continue;
            }
            for (int j = 0; j < s.attendees() && written < cap; j++) {
                Dataset.Attendee a = data.attendee(s, j);
                if (users != null && !users.contains(a.user().id())) {
                    continue;
                }
                row[0] = s.room().entryId();
                row[1] = s.cuePointId();
                row[2] = a.user().id();
                row[3] = a.user().name();
                row[4] = a.user().email();
                row[5] = a.role();
                row[6] = tenths(a.viewTenthsOfMinutes());
                row[7] = ratio(a.ratioTenThousandths());
                writeRow(out);
                written++;
            }
        }
        return written;
    }

    private long writeBreakouts(Writer out) throws IOException {
        Long from = params.date("fromDate");
        Long to = params.date("toDate");
        Set<String> parents = params.list("parentEntryIds");
        Set<String> events = params.list("virtual_event_ids");
        long written = 0;
        int breakouts = data.spec().breakoutsPerSession();
        // A breakout starts after its main session, so start one session earlier than the bound to be safe.
        for (int k = Math.max(0, startIndex(from) - 1); k < data.sessionCount() && written < cap; k++) {
            Dataset.Session s = data.session(k);
            if (to != null && s.start() > to) {
                break;
            }
            if (!roomMatches(s.room(), parents, events)) {
                continue;
            }
            for (int b = 0; b < breakouts && written < cap; b++) {
                Dataset.Breakout bo = data.breakout(s, b);
                if ((from != null && bo.start() < from) || (to != null && bo.start() > to)) {
                    continue;
                }
                row[0] = s.room().entryId();
                row[1] = s.room().name();
                row[2] = bo.entryId();
                row[3] = bo.name();
                row[4] = bo.cuePointId();
                row[5] = bo.initiator();
                row[6] = Long.toString(bo.start());
                row[7] = Long.toString(bo.end());
                row[8] = Long.toString(bo.end() - bo.start());
                row[9] = Integer.toString(bo.participants());
                row[10] = ratio(bo.ratioTenThousandths());
                writeRow(out);
                written++;
            }
        }
        return written;
    }

    private int startIndex(Long from) {
        return from == null ? 0 : data.firstSessionStartingAtOrAfter(from);
    }

    private static boolean roomMatches(Dataset.Room room, Set<String> entries, Set<String> events) {
        return (entries == null || entries.contains(room.entryId()))
                && (events == null || events.contains(room.virtualEventId()));
    }

    private void writeRow(Writer out) throws IOException {
        line.setLength(0);
        boolean first = true;
        for (int i = 0; i < row.length; i++) {
            if (!keep[i]) {
                continue;
            }
            if (!first) {
                line.append(',');
            }
            first = false;
            appendField(line, row[i]);
        }
        line.append('\n');
        out.append(line);
    }

    static void appendField(StringBuilder sb, String raw) {
        String value = raw.replace(',', ' ');
        if (value.indexOf('"') < 0) {
            sb.append(value);
            return;
        }
        sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /** Ten-thousandths as a fraction: 0, 1, 0.7312, 0.5. */
    static String ratio(int tenThousandths) {
        if (tenThousandths <= 0) {
            return "0";
        }
        if (tenThousandths >= 10_000) {
            return "1";
        }
        String digits = Names.pad4(tenThousandths);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "0." + digits.substring(0, end);
    }

    /** Tenths of a minute as minutes: 42, 37.5. */
    static String tenths(int tenths) {
        return tenths % 10 == 0 ? Integer.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }
}
