package io.github.kalturareport.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Report 4021, user reactions, written as the server writes its reports (BOM, header, LF, commas as spaces): one
 * row per user who attended a session of the virtual event in the range, in the order users first appear, with
 * totals over the range. The counts are {@link Activity}'s, so {@code messages_sent_group} is the user's rows in
 * the group chat transcript and {@code answered_polls} their rows in pollsActivity for the same range and rooms;
 * the ratio is the user's 6001 engagement weighted by view time.
 */
final class ReactionsReport implements CsvBody {
    static final int ID = 4021;
    static final List<String> COLUMNS = List.of("email", "combined_live_engaged_users_play_time_ratio",
            "download_attachment", "add_to_calendar", "raise_hand", "mic_on", "cam_on", "clap_clicked_count",
            "heart_clicked_count", "think_clicked_count", "wow_clicked_count", "smile_clicked_count",
            "total_reactions_activity", "answered_polls", "messages_sent_group", "qna_threads");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Activity activity;
    private final SessionRange range;
    private final boolean[] keep = new boolean[COLUMNS.size()];
    private final int cap;

    ReactionsReport(Activity activity, ReportParams params, Set<String> excluded, int cap) {
        this.activity = activity;
        // One event per request; the privilege check has made sure it is there.
        this.range = new SessionRange(params.date("from_date"), params.date("to_date"), params.list("entry_ids"),
                params.list("virtualeventid"));
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !excluded.contains(COLUMNS.get(i));
        }
        this.cap = cap;
    }

    /** A user's totals: weighted ratio sum, view tenths, then the 11 activity counts, answered polls, messages. */
    private static final int WEIGHTED = 0, TENTHS = 1, COUNTS = 2, POLLS = 13, MESSAGES = 14, SIZE = 15;

    @Override
    public long writeTo(OutputStream out) throws IOException {
        Dataset data = activity.data();
        Map<Integer, long[]> users = new LinkedHashMap<>();
        SessionRange.Cursor cursor = range.cursor(data);
        for (Dataset.Session s = cursor.next(); s != null; s = cursor.next()) {
            int polls = activity.pollCount(s);
            for (int j = 0; j < s.attendees(); j++) {
                Dataset.Presence p = data.presence(s, j);
                long[] t = users.computeIfAbsent(p.userIndex(), u -> new long[SIZE]);
                t[WEIGHTED] += (long) p.ratioTenThousandths() * p.viewTenthsOfMinutes();
                t[TENTHS] += p.viewTenthsOfMinutes();
                int[] counts = activity.reactions(s, j);
                for (int k = 0; k < counts.length; k++) {
                    t[COUNTS + k] += counts[k];
                }
                for (int q = 0; q < polls; q++) {
                    if (activity.answer(s, j, q) != null) {
                        t[POLLS]++;
                    }
                }
                t[MESSAGES] += activity.messageCount(s, j);
            }
        }
        CsvBuffer csv = new CsvBuffer(out, 64 << 10);
        csv.bytes(BOM);
        boolean first = true;
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (keep[i]) {
                if (!first) {
                    csv.ascii(',');
                }
                csv.bytes(COLUMNS.get(i).getBytes(StandardCharsets.UTF_8));
                first = false;
            }
        }
        csv.ascii('\n');
        long written = 0;
        for (Map.Entry<Integer, long[]> e : users.entrySet()) {
            if (written >= cap) {
                break;
            }
            long[] t = e.getValue();
            long reactions = t[COUNTS + 5] + t[COUNTS + 6] + t[COUNTS + 7] + t[COUNTS + 8] + t[COUNTS + 9];
            Object[] values = {data.user(e.getKey()).email(),
                null, t[COUNTS], t[COUNTS + 1], t[COUNTS + 2], t[COUNTS + 3], t[COUNTS + 4], t[COUNTS + 5],
                t[COUNTS + 6], t[COUNTS + 7], t[COUNTS + 8], t[COUNTS + 9], reactions, t[POLLS], t[MESSAGES],
                t[COUNTS + 10]};
            first = true;
            for (int i = 0; i < values.length; i++) {
                if (!keep[i]) {
                    continue;
                }
                if (!first) {
                    csv.ascii(',');
                }
                first = false;
                if (i == 0) {
                    csv.bytes(CsvBuffer.field((String) values[0]));
                } else if (i == 1) {
                    csv.ratio(t[TENTHS] == 0 ? 0 : (int) Math.round((double) t[WEIGHTED] / t[TENTHS]));
                } else {
                    csv.number((Long) values[i]);
                }
            }
            csv.ascii('\n');
            written++;
        }
        csv.flush();
        return written;
    }
}
