package io.github.kalturareport.core.fetch;

import java.time.Instant;

/**
 * A date window of a report in Unix seconds, inclusive at both ends.
 *
 * @param from first second
 * @param to   last second (inclusive)
 */
record Window(long from, long to) {

    Window {
        if (to < from) {
            throw new IllegalArgumentException("window end " + to + " before start " + from);
        }
    }

    /** Whether it spans more than one second, so that it can be split. */
    boolean splittable() {
        return to > from;
    }

    /** The first half, {@code [from, middle]}. */
    Window firstHalf() {
        return new Window(from, middle());
    }

    /** The second half, {@code [middle + 1, to]}: together with {@link #firstHalf()} every second exactly once. */
    Window secondHalf() {
        return new Window(middle() + 1, to);
    }

    private long middle() {
        return from + (to - from) / 2;
    }

    Instant fromInstant() {
        return Instant.ofEpochSecond(from);
    }

    Instant toInstant() {
        return Instant.ofEpochSecond(to);
    }
}
