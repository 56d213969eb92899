package io.github.kalturareport.core.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small hand-made report files whose aggregates are worked out by hand in the check and output tests. */
public final class CheckFixtures {

    /**
     * Engagement 0.5, 0.75, 0.25, 0.5, 1.0 (binary-exact): min 0.25, max 1, sum 3, mean 0.6; sorted
     * 0.25 0.5 0.5 0.75 1. View time 10, 20, 30, 40 and one empty cell. Cy's name spans lines 5–6, so Di's row
     * starts on line 7.
     */
    public static final String ATTENDEES = """
            entry_id,cue_point_id,user_id,user_name,user_email,user_type,meeting_view_time,meeting_engaged_play_time_ratio
            1_a,c1,u1,Ann,ann@example.org,Attendee,10,0.5
            1_a,c1,u2,Bob,bob@example.org,Host,20,0.75
            1_a,c2,u1,Ann,ann@example.org,Attendee,30,0.25
            1_b,c3,u3,"Cy
            Jr",cy@example.org,Attendee,40,0.5
            1_b,c3,u4,Di,di@example.org,Attendee,,1.0
            """;

    /** The same rows as saved with descriptive headers, a byte-order mark and CRLF line ends. */
    public static final String ATTENDEES_DESCRIPTIVE = "\uFEFF" + ATTENDEES.replace(
            "entry_id,cue_point_id,user_id,user_name,user_email,user_type,meeting_view_time,"
                    + "meeting_engaged_play_time_ratio",
            "Entry ID,Session ID,User ID,Name,Email,Role,Minutes Viewed,Engagement Rate").replace("\n", "\r\n");

    /** Three sessions on 2025-04-21, -22 and -23 at 10:00 UTC. */
    public static final String ROOMS = """
            entry_id,entry_name,parent_entry_id,cue_point_id,session_start_time,session_end_time,session_host_user_id,meeting_view_period_unique_users,meeting_engaged_play_time_ratio
            1_a,Algebra,,c1,1745229600,1745233200,u2,2,0.625
            1_a,Algebra,,c2,1745316000,1745319600,u2,1,0.25
            1_b,Biology,,c3,1745402400,1745406000,u9,2,0.75
            """;

    /** The same rooms with descriptive headers and ISO-8601 times (in another offset, the same instants). */
    public static final String ROOMS_DESCRIPTIVE = """
            Entry ID,Room Name,Parent Entry ID,Session ID,Session Start Time,Session End Time,Host,Unique Attendees,Engagement Rate
            1_a,Algebra,,c1,2025-04-21T12:00:00+02:00,2025-04-21T13:00:00+02:00,u2,2,0.625
            1_a,Algebra,,c2,2025-04-22T10:00:00Z,2025-04-22T11:00:00Z,u2,1,0.25
            1_b,Biology,,c3,2025-04-23T10:00:00Z,2025-04-23T11:00:00Z,u9,2,0.75
            """;

    public static final String BREAKOUTS = """
            parent_entry_id,parent_entry_name,breakout_entry_id,breakout_entry_name,cue_point_id,session_initiator,session_start_time,session_end_time,duration,participant_count,engagement_rate
            1_a,Algebra,1_x,Group X,c1,u2,1745230000,1745230600,600,3,0.5
            1_a,Algebra,1_y,Group Y,c1,u2,1745230000,1745230900,900,1,0.125
            """;

    private CheckFixtures() {
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** rooms.csv, attendees.csv and breakouts.csv in the folder. */
    public static Path allReports(Path dir) throws IOException {
        write(dir, "rooms.csv", ROOMS);
        write(dir, "attendees.csv", ATTENDEES);
        write(dir, "breakouts.csv", BREAKOUTS);
        return dir;
    }
}
