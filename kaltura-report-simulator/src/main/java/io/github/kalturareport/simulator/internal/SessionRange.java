package io.github.kalturareport.simulator.internal;

import java.util.Set;

/**
 * The main sessions a report covers: started within {@code from..to} (Unix seconds, both included, null for no
 * bound), in a room among {@code entries} and of a virtual event among {@code events} (null for any), in start
 * order. As for 6001, a session belongs to the range by its start.
 */
record SessionRange(Long from, Long to, Set<String> entries, Set<String> events) {

    /** Walks the sessions in start order. */
    Cursor cursor(Dataset data) {
        return new Cursor(data, this);
    }

    boolean roomMatches(Dataset.Room room) {
        return (entries == null || entries.contains(room.entryId()))
                && (events == null || events.contains(room.virtualEventId()));
    }

    static final class Cursor {
        private final Dataset data;
        private final SessionRange range;
        private int next;

        private Cursor(Dataset data, SessionRange range) {
            this.data = data;
            this.range = range;
            this.next = range.from == null ? 0 : data.firstSessionStartingAtOrAfter(range.from);
        }

        /** The next session in range, or null after the last. */
        Dataset.Session next() {
            while (next < data.sessionCount()) {
                if (range.to != null && data.sessionStart(next) > range.to) {
                    next = data.sessionCount();
                    return null;
                }
                Dataset.Session s = data.session(next++);
                if (range.roomMatches(s.room())) {
                    return s;
                }
            }
            return null;
        }
    }
}
