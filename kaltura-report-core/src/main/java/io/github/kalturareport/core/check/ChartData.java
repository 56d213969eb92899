package io.github.kalturareport.core.check;

import io.github.kalturareport.core.report.ReportDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the HTML report's charts show, gathered during the one pass over each file in bounded memory:
 * <ul>
 *   <li>rooms: engagement per session over time (a uniform random sample of at most {@value #MAX_POINTS}
 *       sessions, so a huge file still gives a readable chart) and the mean engagement of each room, for the
 *       top and bottom {@value #TOP} rooms (one small record per room);</li>
 *   <li>attendees and breakouts: the spread of engagement as a histogram of ten 10% bins (constant memory).</li>
 * </ul>
 */
final class ChartData {

    static final int MAX_POINTS = 1000;
    static final int TOP = 10;
    static final int BINS = 10;

    /** A session on the engagement-over-time chart: start in Unix seconds, engagement as a fraction. */
    record Point(double start, double engagement, String room) {
    }

    /** A room's mean engagement over its sessions. */
    record RoomMean(String entryId, String name, double engagement, long sessions) {
    }

    private static final class RoomSum {
        String name;
        double sum;
        long count;
    }

    // A fixed seed: the same file gives the same report.
    private final SplittableRandom random = new SplittableRandom(42);
    private final List<Point> points = new ArrayList<>();
    private long sessionsSeen;
    private final Map<String, RoomSum> rooms = new LinkedHashMap<>();
    private final Map<String, long[]> histograms = new LinkedHashMap<>();
    private boolean hasRooms;

    /** A consumer of rooms.csv rows, or null when the columns it needs are missing. */
    RowConsumer rooms(ReportFile file) {
        int entry = file.index("entry_id");
        int name = file.index("entry_name");
        int start = file.index("session_start_time");
        int engagement = file.index("meeting_engaged_play_time_ratio");
        if (entry < 0 || engagement < 0) {
            return null;
        }
        hasRooms = true;
        return (row, line) -> {
            double ratio = file.number(row, engagement, "meeting_engaged_play_time_ratio", line);
            if (Double.isNaN(ratio)) {
                return;
            }
            String entryId = ReportFile.cell(row, entry);
            String roomName = name >= 0 ? ReportFile.cell(row, name) : entryId;
            RoomSum room = rooms.computeIfAbsent(entryId, k -> new RoomSum());
            if (room.name == null || room.name.isEmpty()) {
                room.name = roomName;
            }
            room.sum += ratio;
            room.count++;
            if (start >= 0) {
                double t = file.number(row, start, "session_start_time", line);
                if (!Double.isNaN(t)) {
                    sample(new Point(t, ratio, roomName.isEmpty() ? entryId : roomName));
                }
            }
        };
    }

    /** Reservoir sampling (algorithm R): every session has the same chance to be drawn. */
    private void sample(Point p) {
        sessionsSeen++;
        if (points.size() < MAX_POINTS) {
            points.add(p);
        } else {
            long j = random.nextLong(sessionsSeen);
            if (j < MAX_POINTS) {
                points.set((int) j, p);
            }
        }
    }

    /** A consumer counting the report's engagement into ten bins, or null when it has no engagement column. */
    RowConsumer engagementSpread(ReportFile file) {
        ReportDefinition report = file.report();
        String column = report.resolveMetric(ReportDefinition.ALIAS_ENGAGEMENT).orElse(null);
        int index = column == null || report.isCustom() ? -1 : file.index(column);
        if (index < 0) {
            return null;
        }
        long[] bins = histograms.computeIfAbsent(report.name(), k -> new long[BINS]);
        return (row, line) -> {
            double ratio = file.number(row, index, column, line);
            if (!Double.isNaN(ratio)) {
                int bin = (int) Math.floor(ratio * BINS);
                bins[Math.max(0, Math.min(BINS - 1, bin))]++;
            }
        };
    }

    boolean hasRooms() {
        return hasRooms;
    }

    /** The sampled sessions, oldest first. */
    List<Point> points() {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::start));
        return sorted;
    }

    /** How many sessions the over-time chart stands for (it shows at most {@value #MAX_POINTS}). */
    long sessionsSeen() {
        return sessionsSeen;
    }

    /** All rooms by mean engagement, best first. */
    List<RoomMean> roomsByEngagement() {
        List<RoomMean> list = new ArrayList<>();
        rooms.forEach((id, r) -> list.add(new RoomMean(id, r.name, r.sum / r.count, r.count)));
        list.sort(Comparator.comparingDouble(RoomMean::engagement).reversed().thenComparing(RoomMean::entryId));
        return list;
    }

    /** Report name to ten counts: engagement in [0,10%), [10%,20%) … [90%,100%]. */
    Map<String, long[]> histograms() {
        return histograms;
    }
}
