package io.github.kalturareport.core.fetch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where to cut a range into windows, from where its rows are: sessions with their start second and an estimate of
 * their rows. Cuts fall on whole seconds, between sessions (never inside one second), so every second of the range
 * is in exactly one window and the windows, in order, give the rows in the order of one uncapped call.
 */
final class WindowPlanner {

    /** The share of the row cap a planned window aims at, so an estimate a little low still fits. */
    static final double TARGET_FILL = 0.8;
    /** Room data's unique users is an approximate (HyperLogLog) count: each session is assumed this much bigger. */
    static final double MARGIN = 1.05;

    private WindowPlanner() {
    }

    /** The rows a planned window may be estimated to hold. */
    static long target(int rowCap) {
        return Math.max(1, (long) Math.floor(rowCap * TARGET_FILL));
    }

    /** A session's estimated rows from room data's unique users, with the margin. */
    static long estimate(long uniqueUsers) {
        return (long) Math.ceil(uniqueUsers * MARGIN);
    }

    /**
     * Windows over {@code range}, each estimated at no more than {@code target} rows (a single second over it gets a
     * window of its own) and about equal: the first {@code n} of {@code starts} and {@code rows}, in any order.
     * Sessions outside the range are ignored.
     */
    static List<Window> plan(Window range, long[] starts, long[] rows, int n, long target) {
        return plan(range, starts, rows, n, target, 1);
    }

    /** As {@link #plan(Window, long[], long[], int, long)}, in {@code atLeast} windows when the sessions allow. */
    private static List<Window> plan(Window range, long[] starts, long[] rows, int n, long target, long atLeast) {
        long[][] seconds = bySecond(range, starts, rows, n);
        long total = 0;
        for (long[] s : seconds) {
            total += s[1];
        }
        long windows = Math.max(atLeast, (total + target - 1) / target);
        double goal = (double) total / windows;
        List<Window> plan = new ArrayList<>();
        long windowStart = range.from();
        long held = 0;
        long before = 0;
        for (long[] s : seconds) {
            // A cut where the running total passes the next multiple of the goal keeps the windows about equal.
            if (held > 0 && (held + s[1] > target || before + s[1] / 2.0 > (plan.size() + 1) * goal)) {
                plan.add(new Window(windowStart, s[0] - 1));
                windowStart = s[0];
                held = 0;
            }
            held += s[1];
            before += s[1];
        }
        plan.add(new Window(windowStart, range.to()));
        return plan;
    }

    /**
     * A capped window split by the start times of the rows it gave (any subset, in any order): pieces of about equal
     * shares of those rows, at least two, and a last piece after the latest start seen, where rows the cap held back
     * may lie. Empty when no start time falls in the window: then it is halved.
     */
    static List<Window> splitByStarts(Window window, long[] starts, int n, long target) {
        long seen = 0;
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (starts[i] >= window.from() && starts[i] <= window.to()) {
                seen++;
                latest = Math.max(latest, starts[i]);
            }
        }
        if (seen == 0) {
            return List.of();
        }
        long[] ones = new long[n];
        Arrays.fill(ones, 1);
        // One piece more than the rows seen need: the rows the cap held back fall among them too.
        long pieces = (seen + target - 1) / target + 1;
        List<Window> split = new ArrayList<>(plan(new Window(window.from(), latest), starts, ones, n, target,
                pieces));
        if (latest < window.to()) {
            split.add(new Window(latest + 1, window.to()));
        }
        if (split.size() == 1) {
            // Every row seen starts in the window's last second: that second alone, and what comes before it.
            split = List.of(new Window(window.from(), latest - 1), new Window(latest, latest));
        }
        return split;
    }

    /** {second, rows} pairs of the sessions in the range, by second, each second once. */
    private static long[][] bySecond(Window range, long[] starts, long[] rows, int n) {
        Integer[] order = new Integer[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (starts[i] >= range.from() && starts[i] <= range.to()) {
                order[kept++] = i;
            }
        }
        Integer[] in = Arrays.copyOf(order, kept);
        Arrays.sort(in, (a, b) -> Long.compare(starts[a], starts[b]));
        List<long[]> seconds = new ArrayList<>();
        for (int i : in) {
            long[] last = seconds.isEmpty() ? null : seconds.get(seconds.size() - 1);
            if (last != null && last[0] == starts[i]) {
                last[1] += rows[i];
            } else {
                seconds.add(new long[] {starts[i], rows[i]});
            }
        }
        return seconds.toArray(new long[0][]);
    }
}
