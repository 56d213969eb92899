package io.github.kalturareport.core.internal.window;

import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.internal.validate.ColumnLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The session start time of each row of a window, and optionally a per-row size (room data's unique users), kept
 * while the window streams: two longs a row, for reports with a row per session (rooms, breakouts), so a fetch can
 * plan or split its windows by where the rows are. Rows without a readable start time are left out (validation
 * reports them).
 */
public final class SessionSample {

    private final String sizeColumn;
    private final List<byte[]> cuePointIds;
    private int startIndex = -1;
    private int sizeIndex = -1;
    private int cuePointIndex = -1;
    private long[] starts = new long[64];
    private long[] sizes = new long[64];
    private int count;

    /**
     * @param sizeColumn  the column whose whole number is each row's size, or null for a size of 1
     * @param cuePointIds when not null, only rows whose {@code cue_point_id} is one of these are kept
     */
    public SessionSample(String sizeColumn, List<String> cuePointIds) {
        this.sizeColumn = sizeColumn;
        this.cuePointIds = cuePointIds == null ? null
                : cuePointIds.stream().map(id -> id.trim().getBytes(StandardCharsets.UTF_8)).toList();
    }

    void header(ColumnLayout layout) {
        startIndex = layout.startIndex();
        List<String> header = layout.header();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (name.equals(sizeColumn)) {
                sizeIndex = i;
            } else if (name.equals("cue_point_id")) {
                cuePointIndex = i;
            }
        }
    }

    void row(CsvRow row) {
        if (startIndex < 0 || startIndex >= row.size()) {
            return;
        }
        long start = row.wholeNumber(startIndex, -1);
        if (start < 0 || !kept(row)) {
            return;
        }
        long size = 1;
        if (sizeColumn != null) {
            size = sizeIndex < 0 || sizeIndex >= row.size() ? -1 : row.wholeNumber(sizeIndex, -1);
            if (size < 0) {
                return;
            }
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        starts[count] = start;
        sizes[count] = size;
        count++;
    }

    private boolean kept(CsvRow row) {
        if (cuePointIds == null) {
            return true;
        }
        if (cuePointIndex < 0 || cuePointIndex >= row.size()) {
            return false;
        }
        for (byte[] id : cuePointIds) {
            if (row.valueEquals(cuePointIndex, id)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the header had the start time column (and the size column, when one was asked for). */
    public boolean usable() {
        return startIndex >= 0 && (sizeColumn == null || sizeIndex >= 0);
    }

    public int size() {
        return count;
    }

    /** The start time (Unix seconds) of the {@code i}-th row kept, in the order the rows came. */
    public long start(int i) {
        return starts[i];
    }

    /** The size of the {@code i}-th row kept. */
    public long sizeOf(int i) {
        return sizes[i];
    }
}
