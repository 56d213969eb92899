package io.github.kalturareport.simulator.internal;

import java.time.LocalDate;

/**
 * The size and shape of the generated dataset.
 *
 * @param seed                    the seed every value derives from
 * @param rooms                   main rooms
 * @param sessionsPerRoom         live sessions (cue points) per room over the span
 * @param attendeesPerSession     attendee rows per session
 * @param breakoutsPerSession     breakout sessions under each main session
 * @param virtualEvents           virtual events the rooms are grouped under
 * @param userPool                distinct users attendees are drawn from
 * @param crowdedSessionAttendees when positive, the middle session has this many attendees instead
 * @param crowdedSessionUniqueUsers when positive, room data's unique users of the crowded session (instead of its
 *                                attendees)
 * @param endDate                 last day (UTC) of the span, inclusive
 * @param days                    length of the span in days
 */
public record DatasetSpec(long seed, int rooms, int sessionsPerRoom, int attendeesPerSession,
        int breakoutsPerSession, int virtualEvents, int userPool, int crowdedSessionAttendees, LocalDate endDate,
        int days, int crowdedSessionUniqueUsers) {

    /** A dataset whose room data counts every session's attendees exactly. */
    public DatasetSpec(long seed, int rooms, int sessionsPerRoom, int attendeesPerSession, int breakoutsPerSession,
            int virtualEvents, int userPool, int crowdedSessionAttendees, LocalDate endDate, int days) {
        this(seed, rooms, sessionsPerRoom, attendeesPerSession, breakoutsPerSession, virtualEvents, userPool,
                crowdedSessionAttendees, endDate, days, 0);
    }

    public DatasetSpec {
        positive("rooms", rooms);
        positive("sessions per room", sessionsPerRoom);
        positive("attendees per session", attendeesPerSession);
        notNegative("breakouts per session", breakoutsPerSession);
        positive("virtual events", virtualEvents);
        positive("user pool", userPool);
        notNegative("crowded session attendees", crowdedSessionAttendees);
        notNegative("crowded session unique users", crowdedSessionUniqueUsers);
        positive("days", days);
        if (endDate == null) {
            throw new IllegalArgumentException("The end date of the data must be set.");
        }
        long sessions = (long) rooms * sessionsPerRoom;
        long gap = days * 86_400L / sessions;
        long needed = breakoutsPerSession > 0 ? 2L * (breakoutsPerSession + 1) : 1;
        if (sessions > Integer.MAX_VALUE || gap < needed) {
            throw new IllegalArgumentException("Too many sessions (" + sessions + ") for " + days
                    + " days: every session needs its own seconds (at least " + needed
                    + " apart); raise the days or lower rooms / sessions per room / breakouts.");
        }
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("The " + name + " must be at least 1, not " + value + ".");
        }
    }

    private static void notNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("The " + name + " must be 0 or more, not " + value + ".");
        }
    }
}
