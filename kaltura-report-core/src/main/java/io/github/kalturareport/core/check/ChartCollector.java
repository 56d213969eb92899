package io.github.kalturareport.core.check;

import io.github.kalturareport.core.internal.privacy.Shareable;
import io.github.kalturareport.core.check.CheckResult.ChartData.Point;
import io.github.kalturareport.core.check.CheckResult.ChartData.RoomMean;
import io.github.kalturareport.core.check.CheckResult.ChartData;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Gathers what the HTML report's charts show ({@link ChartData}) during the one pass over each file, in bounded
 * memory:
 * <ul>
 *   <li>rooms: engagement per session over time (a uniform random sample of at most {@value #MAX_POINTS}
 *       sessions, so a huge file still gives a readable chart) and the mean engagement of each room (one small
 *       record per room);</li>
 *   <li>attendees and breakouts: the spread of engagement as a histogram of ten 10% bins (constant memory).</li>
 * </ul>
 */
final class ChartCollector {

    static final int MAX_POINTS = 1000;
    static final int BINS = 10;

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
            String roomName = name >= 0 ? Shareable.maskEmails(ReportFile.cell(row, name)) : entryId;
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

    /** What was gathered: the sample oldest first, the rooms best first. */
    ChartData data() {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::start));
        List<RoomMean> means = new ArrayList<>();
        rooms.forEach((id, r) -> means.add(new RoomMean(id, r.name, r.sum / r.count, r.count)));
        means.sort(Comparator.comparingDouble(RoomMean::engagement).reversed().thenComparing(RoomMean::entryId));
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        histograms.forEach((report, bins) -> counts.put(report, Arrays.stream(bins).boxed().toList()));
        return new ChartData(hasRooms, sorted, sessionsSeen, means, counts);
    }
}
