package io.github.kalturareport.core.report;

import static io.github.kalturareport.core.report.ColumnType.AMOUNT;
import static io.github.kalturareport.core.report.ColumnType.COUNT;
import static io.github.kalturareport.core.report.ColumnType.ID;
import static io.github.kalturareport.core.report.ColumnType.RATIO;
import static io.github.kalturareport.core.report.ColumnType.TEXT;
import static io.github.kalturareport.core.report.ColumnType.TIMESTAMP;
import static io.github.kalturareport.core.report.Filter.CUE_POINT_IDS;
import static io.github.kalturareport.core.report.Filter.ENTRY_IDS;
import static io.github.kalturareport.core.report.Filter.PARENT_ENTRY_IDS;
import static io.github.kalturareport.core.report.Filter.USER_IDS;
import static io.github.kalturareport.core.report.Filter.VIRTUAL_EVENT_IDS;

import io.github.kalturareport.core.report.ColumnDefinition.Personal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A report the library can fetch: one of the documented Room reports (6000, 6001, 6002), user reactions (4021),
 * a report of the Reports microservice (chat transcripts, chat moderation, polls and chat activity), or a custom id.
 *
 * <p>This is the single catalogue of the names, ids, columns, filters and metric aliases the README documents;
 * fetching, validation and threshold rules all read it, so a name is spelled in one place only.
 */
public final class ReportDefinition {

    /** Metric aliases a threshold may use instead of a column name. */
    public static final String ALIAS_ENGAGEMENT = "engagement";
    public static final String ALIAS_UNIQUE_USERS = "uniqueUsers";
    public static final String ALIAS_VIEW_TIME = "viewTime";
    public static final String ALIAS_PARTICIPANTS = "participants";
    public static final String ALIAS_DURATION = "duration";

    public static final ReportDefinition ROOMS = new ReportDefinition("rooms", 6000, "Room data",
            List.of(
                    column("entry_id", ID, "Entry ID"),
                    column("entry_name", TEXT, "Room Name"),
                    column("parent_entry_id", TEXT, "Parent Entry ID"),
                    column("cue_point_id", ID, "Session ID"),
                    column("session_start_time", TIMESTAMP, "Session Start Time"),
                    column("session_end_time", TIMESTAMP, "Session End Time"),
                    personal("session_host_user_id", TEXT, "Host", Personal.USER_ID),
                    column("meeting_view_period_unique_users", COUNT, "Unique Attendees"),
                    column("meeting_engaged_play_time_ratio", RATIO, "Engagement Rate")),
            "from_date", "to_date",
            filters(ENTRY_IDS, "entry_ids", VIRTUAL_EVENT_IDS, "virtual_event_ids"),
            aliases(ALIAS_ENGAGEMENT, "meeting_engaged_play_time_ratio",
                    ALIAS_UNIQUE_USERS, "meeting_view_period_unique_users"),
            "session_start_time", "session_end_time", false,
            List.of("entry_name", "cue_point_id", "session_start_time"));

    public static final ReportDefinition ATTENDEES = new ReportDefinition("attendees", 6001, "Attendees data",
            List.of(
                    column("entry_id", ID, "Entry ID"),
                    column("cue_point_id", ID, "Session ID"),
                    personal("user_id", ID, "User ID", Personal.USER_ID),
                    personal("user_name", TEXT, "Name", Personal.NAME),
                    personal("user_email", TEXT, "Email", Personal.EMAIL),
                    column("user_type", TEXT, "Role"),
                    column("meeting_view_time", AMOUNT, "Minutes Viewed"),
                    column("meeting_engaged_play_time_ratio", RATIO, "Engagement Rate")),
            "from_date", "to_date",
            filters(ENTRY_IDS, "entry_ids", VIRTUAL_EVENT_IDS, "virtual_event_ids",
                    USER_IDS, "user_ids", CUE_POINT_IDS, "cue_point_ids"),
            aliases(ALIAS_ENGAGEMENT, "meeting_engaged_play_time_ratio",
                    ALIAS_VIEW_TIME, "meeting_view_time"),
            null, null, true,
            List.of("entry_id", "cue_point_id", "user_id"));

    public static final ReportDefinition BREAKOUTS = new ReportDefinition("breakouts", 6002,
            "Breakout Room sessions",
            List.of(
                    column("parent_entry_id", ID, "Main Room Entry ID"),
                    column("parent_entry_name", TEXT, "Main Room Name"),
                    column("breakout_entry_id", ID, "Breakout Room Entry ID"),
                    column("breakout_entry_name", TEXT, "Breakout Room Name"),
                    column("cue_point_id", ID, "Session ID"),
                    personal("session_initiator", TEXT, "Initiated By", Personal.USER_ID),
                    column("session_start_time", TIMESTAMP, "Session Start Time"),
                    column("session_end_time", TIMESTAMP, "Session End Time"),
                    column("duration", AMOUNT, "Duration (Seconds)"),
                    column("participant_count", COUNT, "Participants"),
                    column("engagement_rate", RATIO, "Engagement Rate")),
            // Report 6002 spells its date keys in camelCase (docs/kaltura-protocol.md).
            "fromDate", "toDate",
            filters(PARENT_ENTRY_IDS, "parentEntryIds", VIRTUAL_EVENT_IDS, "virtual_event_ids"),
            aliases(ALIAS_ENGAGEMENT, "engagement_rate",
                    ALIAS_PARTICIPANTS, "participant_count",
                    ALIAS_DURATION, "duration"),
            "session_start_time", "session_end_time", false,
            List.of("breakout_entry_name", "cue_point_id"));

    /** Aliases the Room-dashboard reports share: a room's id, a user's id, as 6000–6002 spell them. */
    public static final String ALIAS_ENTRY_ID = "entry_id";
    public static final String ALIAS_USER_ID = "user_id";
    public static final String ALIAS_REACTIONS = "reactions";
    public static final String ALIAS_MESSAGES = "messages";
    public static final String ALIAS_POLLS = "polls";
    public static final String ALIAS_QNA = "qna";

    /**
     * User reactions (4021, docs/kaltura-protocol.md, inferred): one row per user with totals over the range, so it
     * is fetched in one request per virtual event and never split into windows; it needs virtual event ids.
     */
    public static final ReportDefinition REACTIONS = new Builder("reactions", 4021, "User reactions")
            .columns(
                    personal("email", ID, "Email", Personal.EMAIL),
                    column("combined_live_engaged_users_play_time_ratio", RATIO, "Live Engagement Rate"),
                    column("download_attachment", COUNT, "Attachments Downloaded"),
                    column("add_to_calendar", COUNT, "Added to Calendar"),
                    column("raise_hand", COUNT, "Raised Hand"),
                    column("mic_on", COUNT, "Mic On"),
                    column("cam_on", COUNT, "Cam On"),
                    column("clap_clicked_count", COUNT, "Clap"),
                    column("heart_clicked_count", COUNT, "Heart"),
                    column("think_clicked_count", COUNT, "Think"),
                    column("wow_clicked_count", COUNT, "Wow"),
                    column("smile_clicked_count", COUNT, "Smile"),
                    column("total_reactions_activity", COUNT, "Reactions"),
                    column("answered_polls", COUNT, "Polls Answered"),
                    column("messages_sent_group", COUNT, "Group Chat Messages"),
                    column("qna_threads", COUNT, "Q&A Threads"))
            .filters(filters(ENTRY_IDS, "entry_ids", VIRTUAL_EVENT_IDS, "virtualeventid"))
            .aliases(aliases(ALIAS_ENGAGEMENT, "combined_live_engaged_users_play_time_ratio",
                    ALIAS_REACTIONS, "total_reactions_activity",
                    ALIAS_MESSAGES, "messages_sent_group",
                    ALIAS_POLLS, "answered_polls",
                    ALIAS_QNA, "qna_threads"))
            .identity("email")
            .wholeRange()
            .requires(VIRTUAL_EVENT_IDS)
            .build();

    /** Group chat transcripts, from the Reports microservice: one row per message; the message is free text. */
    public static final ReportDefinition CHAT_TRANSCRIPTS = new Builder("chatTranscripts", 0,
            "Group chat transcripts")
            .service("groupChatTranscripts")
            .columns(
                    column("entryId", ID, "Entry ID"),
                    column("subContext", TEXT, "Sub-context"),
                    column("messageId", ID, "Message ID"),
                    column("sentAt", TEXT, "Sent At"),
                    personal("userId", TEXT, "User ID", Personal.USER_ID),
                    personal("userFirstName", TEXT, "First Name", Personal.NAME),
                    personal("userLastName", TEXT, "Last Name", Personal.NAME),
                    personal("userEmail", TEXT, "Email", Personal.EMAIL),
                    column("userRole", TEXT, "Role"),
                    // Written by students: may name or describe anyone, so it is personal data of unknown shape.
                    personal("message", TEXT, "Message", Personal.NAME),
                    column("repliedToMessageId", TEXT, "Replied To"),
                    column("likes", COUNT, "Likes"),
                    column("isDeleted", TEXT, "Deleted"))
            .aliases(aliases(ALIAS_ENTRY_ID, "entryId", ALIAS_USER_ID, "userId"))
            .identity("entryId", "messageId")
            .required("entryId", "messageId", "userId", "message")
            .build();

    /** Chat moderation data, from the Reports microservice: one row per room (context). */
    public static final ReportDefinition CHAT_MODERATION = new Builder("chatModeration", 0, "Chat moderation data")
            .service("chatModeration")
            .columns(
                    column("contextId", ID, "Context ID"),
                    column("contextName", TEXT, "Context Name"),
                    column("lastActivity", TEXT, "Last Activity"),
                    column("pendingThreads", COUNT, "Pending Threads"),
                    column("ownedThreads", COUNT, "Owned Threads"),
                    column("resolvedThreads", COUNT, "Resolved Threads"),
                    column("doneThreads", COUNT, "Done Threads"),
                    column("userMessages", COUNT, "User Messages"),
                    column("moderatorMessages", COUNT, "Moderator Messages"),
                    personal("resolvedThreadsOwners", TEXT, "Resolved Threads Owners", Personal.NAME),
                    personal("unresolvedThreadsOwners", TEXT, "Unresolved Threads Owners", Personal.NAME))
            .aliases(aliases(ALIAS_ENTRY_ID, "contextId", "entryId", "contextId", ALIAS_MESSAGES, "userMessages"))
            .identity("contextName", "contextId")
            .required("contextId", "userMessages")
            .build();

    /** Polls activity, from the Reports microservice: one row per answer (inferred columns). */
    public static final ReportDefinition POLLS_ACTIVITY = new Builder("pollsActivity", 0, "Polls activity")
            .service("pollsActivity")
            .columns(
                    column("entryId", ID, "Entry ID"),
                    column("pollId", ID, "Poll ID"),
                    column("question", TEXT, "Question"),
                    personal("userId", TEXT, "User ID", Personal.USER_ID),
                    personal("userEmail", TEXT, "Email", Personal.EMAIL),
                    // An open question's answer is free text written by a student.
                    personal("answer", TEXT, "Answer", Personal.NAME),
                    column("answeredAt", TEXT, "Answered At"))
            .aliases(aliases(ALIAS_ENTRY_ID, "entryId", ALIAS_USER_ID, "userId"))
            .identity("entryId", "pollId", "userId")
            .required("entryId", "pollId", "userId")
            .build();

    /** Chat activity per user, from the Reports microservice's chatUserActivity (inferred columns). */
    public static final ReportDefinition CHAT_ACTIVITY = new Builder("chatActivity", 0, "Chat user activity")
            .service("chatUserActivity")
            .columns(
                    column("entryId", ID, "Entry ID"),
                    personal("userId", TEXT, "User ID", Personal.USER_ID),
                    personal("userFirstName", TEXT, "First Name", Personal.NAME),
                    personal("userLastName", TEXT, "Last Name", Personal.NAME),
                    personal("userEmail", TEXT, "Email", Personal.EMAIL),
                    column("userRole", TEXT, "Role"),
                    column("messages", COUNT, "Messages"),
                    column("replies", COUNT, "Replies"),
                    column("likes", COUNT, "Likes"))
            .aliases(aliases(ALIAS_ENTRY_ID, "entryId", ALIAS_USER_ID, "userId"))
            .identity("entryId", "userId")
            .required("entryId", "userId", "messages")
            .build();

    private static final List<ReportDefinition> DOCUMENTED = List.of(ROOMS, ATTENDEES, BREAKOUTS);
    private static final List<ReportDefinition> KNOWN = List.of(ROOMS, ATTENDEES, BREAKOUTS, REACTIONS,
            CHAT_TRANSCRIPTS, CHAT_MODERATION, POLLS_ACTIVITY, CHAT_ACTIVITY);

    private final String name;
    private final int id;
    private final String title;
    private final List<ColumnDefinition> columns;
    private final Map<String, ColumnDefinition> columnsByName;
    private final String fromDateKey;
    private final String toDateKey;
    private final Map<Filter, String> filters;
    private final Map<String, String> aliases;
    private final String startColumn;
    private final String endColumn;
    private final boolean rowPerAttendee;
    private final List<String> identityColumns;
    private final String serviceName;
    private final List<String> requiredColumns;
    private final boolean wholeRange;
    private final Set<Filter> requiredFilters;

    private ReportDefinition(String name, int id, String title, List<ColumnDefinition> columns,
            String fromDateKey, String toDateKey, Map<Filter, String> filters, Map<String, String> aliases,
            String startColumn, String endColumn, boolean rowPerAttendee, List<String> identityColumns) {
        this(name, id, title, columns, fromDateKey, toDateKey, filters, aliases, startColumn, endColumn,
                rowPerAttendee, identityColumns, null, null, false, Set.of());
    }

    private ReportDefinition(String name, int id, String title, List<ColumnDefinition> columns,
            String fromDateKey, String toDateKey, Map<Filter, String> filters, Map<String, String> aliases,
            String startColumn, String endColumn, boolean rowPerAttendee, List<String> identityColumns,
            String serviceName, List<String> requiredColumns, boolean wholeRange, Set<Filter> requiredFilters) {
        this.name = name;
        this.id = id;
        this.title = title;
        this.columns = List.copyOf(columns);
        Map<String, ColumnDefinition> byName = new LinkedHashMap<>();
        for (ColumnDefinition c : columns) {
            byName.put(c.name(), c);
        }
        this.columnsByName = Collections.unmodifiableMap(byName);
        this.fromDateKey = fromDateKey;
        this.toDateKey = toDateKey;
        this.filters = filters;
        this.aliases = aliases;
        this.startColumn = startColumn;
        this.endColumn = endColumn;
        this.rowPerAttendee = rowPerAttendee;
        this.identityColumns = identityColumns;
        this.serviceName = serviceName;
        this.requiredColumns = requiredColumns == null
                ? columns.stream().map(ColumnDefinition::name).toList() : List.copyOf(requiredColumns);
        this.wholeRange = wholeRange;
        this.requiredFilters = Set.copyOf(requiredFilters);
    }

    /** The reports of issue 14 share their shape; a builder keeps each entry readable. */
    private static final class Builder {
        private final String name;
        private final int id;
        private final String title;
        private String serviceName;
        private List<ColumnDefinition> columns = List.of();
        private Map<Filter, String> filters;
        private Map<String, String> aliases = Map.of();
        private List<String> identity = List.of();
        private List<String> required;
        private boolean wholeRange;
        private Set<Filter> requiredFilters = Set.of();

        Builder(String name, int id, String title) {
            this.name = name;
            this.id = id;
            this.title = title;
        }

        /** A Reports microservice report: whole range, its own filter keys (docs/kaltura-protocol.md). */
        Builder service(String reportName) {
            this.serviceName = reportName;
            this.wholeRange = true;
            this.filters = ReportDefinition.filters(ENTRY_IDS, "entries_ids", VIRTUAL_EVENT_IDS, "virtual_event_ids");
            return this;
        }

        Builder columns(ColumnDefinition... value) {
            this.columns = List.of(value);
            return this;
        }

        Builder filters(Map<Filter, String> value) {
            this.filters = value;
            return this;
        }

        Builder aliases(Map<String, String> value) {
            this.aliases = value;
            return this;
        }

        Builder identity(String... value) {
            this.identity = List.of(value);
            return this;
        }

        /** Without it every column is required; with it, the others are optional. */
        Builder required(String... value) {
            this.required = List.of(value);
            return this;
        }

        Builder wholeRange() {
            this.wholeRange = true;
            return this;
        }

        Builder requires(Filter... value) {
            this.requiredFilters = Set.of(value);
            return this;
        }

        ReportDefinition build() {
            List<String> req = required;
            if (req == null) {
                // What the code relies on: the identifying columns and those the aliases name.
                Set<String> relied = new LinkedHashSet<>(identity);
                relied.addAll(aliases.values());
                req = List.copyOf(relied);
            }
            return new ReportDefinition(name, id, title, columns,
                    serviceName == null ? "from_date" : "from_date_id",
                    serviceName == null ? "to_date" : "to_date_id",
                    filters, aliases, null, null, false, identity, serviceName, req, wholeRange, requiredFilters);
        }
    }

    /** The three documented Room reports: rooms, attendees, breakouts. */
    public static List<ReportDefinition> documented() {
        return DOCUMENTED;
    }

    /**
     * Every report the catalogue knows: the three Room reports, user reactions (4021) and the Reports microservice's
     * chatTranscripts, chatModeration, pollsActivity and chatActivity.
     */
    public static List<ReportDefinition> known() {
        return KNOWN;
    }

    /**
     * A report by its name ({@code rooms}, case-insensitive) or id ({@code 6000}, or any positive integer for a
     * custom report).
     *
     * @throws IllegalArgumentException naming the value and the names that exist
     */
    public static ReportDefinition parse(String nameOrId) {
        String value = nameOrId == null ? "" : nameOrId.trim();
        Optional<ReportDefinition> byName = byName(value);
        if (byName.isPresent()) {
            return byName.get();
        }
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            try {
                int id = Integer.parseInt(value);
                if (id > 0) {
                    return byId(id);
                }
            } catch (NumberFormatException tooLarge) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("Unknown report '" + value + "': use one of " + knownNames()
                + " or a positive custom report id such as 6003.");
    }

    /** A known report by name, case-insensitive. */
    public static Optional<ReportDefinition> byName(String name) {
        for (ReportDefinition r : KNOWN) {
            if (r.name.equalsIgnoreCase(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The known report with this id (6000–6002, 4021), or a custom report. */
    public static ReportDefinition byId(int id) {
        if (id <= 0) {
            throw new IllegalArgumentException("A report id must be a positive integer, not " + id + ".");
        }
        for (ReportDefinition r : KNOWN) {
            if (r.id == id) {
                return r;
            }
        }
        return new ReportDefinition("report-" + id, id, "Custom report " + id, List.of(),
                "from_date", "to_date", Map.of(), Map.of(), null, null, false, List.of());
    }

    /** {@code rooms, attendees, breakouts}. */
    public static String documentedNames() {
        List<String> names = new ArrayList<>();
        for (ReportDefinition r : DOCUMENTED) {
            names.add(r.name);
        }
        return String.join(", ", names);
    }

    /** Every known report's name: {@code rooms, attendees, breakouts, reactions, chatTranscripts, …}. */
    public static String knownNames() {
        List<String> names = new ArrayList<>();
        for (ReportDefinition r : KNOWN) {
            names.add(r.name);
        }
        return String.join(", ", names);
    }

    private static ColumnDefinition column(String name, ColumnType type, String descriptiveName) {
        return new ColumnDefinition(name, type, descriptiveName);
    }

    /** A column holding personal data: pseudonymised or dropped on request, never shown whole in a check's output. */
    private static ColumnDefinition personal(String name, ColumnType type, String descriptiveName,
            Personal personal) {
        return new ColumnDefinition(name, type, descriptiveName, personal);
    }

    /** The order given is kept: messages list a report's filters in it. */
    private static Map<Filter, String> filters(Object... pairs) {
        Map<Filter, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Filter) pairs[i], (String) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, String> aliases(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** {@code rooms}, {@code attendees}, {@code breakouts}, or {@code report-<id>} for a custom id. */
    public String name() {
        return name;
    }

    /** The API v3 report id; 0 for a Reports microservice report, which has a name instead. */
    public int id() {
        return id;
    }

    /**
     * The Reports microservice's {@code reportName} (e.g. {@code groupChatTranscripts}); empty for a report fetched
     * through API v3's {@code report.getCsvFromStringParams}.
     */
    public Optional<String> serviceReportName() {
        return Optional.ofNullable(serviceName);
    }

    /** Whether it comes from the Reports microservice (generate, then serve) rather than API v3. */
    public boolean isServiceReport() {
        return serviceName != null;
    }

    /** How messages name it: {@code rooms (6000)}, or {@code chatTranscripts (groupChatTranscripts)}. */
    public String label() {
        return name + " (" + (serviceName != null ? serviceName : Integer.toString(id)) + ")";
    }

    /**
     * The columns the header must have (a missing one is an error); the other documented columns are optional.
     * For 6000–6002 every documented column; for a custom report none (its declared columns are the query's).
     */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /**
     * Whether its rows are totals over the whole range (4021) or it is made by the Reports microservice: fetched in
     * one request for the range, never split into windows.
     */
    public boolean wholeRange() {
        return wholeRange;
    }

    /** The filters a fetch of it must be given (4021: virtualEventIds); empty for most reports. */
    public Set<Filter> requiredFilters() {
        return requiredFilters;
    }

    /** The dashboard's title, e.g. "Room data". */
    public String title() {
        return title;
    }

    public boolean isCustom() {
        return columns.isEmpty();
    }

    /** The file the report is saved as: {@code rooms.csv}, or {@code report-<id>.csv} for a custom id. */
    public String fileName() {
        return name + ".csv";
    }

    /** The documented columns in the server's order; empty for a custom report. */
    public List<ColumnDefinition> columns() {
        return columns;
    }

    /** The documented columns holding personal data, in the server's order; empty for a custom report. */
    public List<String> personalColumns() {
        List<String> names = new ArrayList<>();
        for (ColumnDefinition c : columns) {
            if (c.isPersonal()) {
                names.add(c.name());
            }
        }
        return names;
    }

    public Optional<ColumnDefinition> column(String columnName) {
        return Optional.ofNullable(columnsByName.get(columnName));
    }

    /** The {@code params} key of the window's start, e.g. {@code from_date}, or {@code fromDate} for 6002. */
    public String fromDateKey() {
        return fromDateKey;
    }

    /** The {@code params} key of the window's end, e.g. {@code to_date}, or {@code toDate} for 6002. */
    public String toDateKey() {
        return toDateKey;
    }

    /**
     * The filters this report takes, to the server's {@code params} key (e.g. {@code entry_ids}); empty for a custom
     * report, which is sent any filter under the documented reports' key.
     */
    public Map<Filter, String> filters() {
        return filters;
    }

    /** Metric alias (e.g. {@code engagement}) to this report's column. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * A metric as a threshold names it, an alias or a column name, resolved to this report's column name.
     * Aliases are matched case-insensitively, column names exactly; a custom report accepts any column name.
     */
    public Optional<String> resolveMetric(String metric) {
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            if (alias.getKey().equalsIgnoreCase(metric)) {
                return Optional.of(alias.getValue());
            }
        }
        if (isCustom() || columnsByName.containsKey(metric)) {
            return Optional.of(metric);
        }
        return Optional.empty();
    }

    /**
     * The columns that tell a reader which row is meant (rooms: room name, session, start; attendees: room,
     * session, user; breakouts: breakout room, session); empty for a custom report.
     */
    public List<String> identityColumns() {
        return identityColumns;
    }

    /** The column holding a session's start time, if the report has one (rooms, breakouts). */
    public Optional<String> startTimeColumn() {
        return Optional.ofNullable(startColumn);
    }

    /** The column holding a session's end time, if the report has one (rooms, breakouts). */
    public Optional<String> endTimeColumn() {
        return Optional.ofNullable(endColumn);
    }

    /**
     * Whether its rows hang off the sessions of room data, one per attendee of a session (attendees): room data's
     * {@code meeting_view_period_unique_users} then estimates its rows per session, so a fetch can plan its windows.
     */
    public boolean rowPerAttendee() {
        return rowPerAttendee;
    }

    @Override
    public boolean equals(Object o) {
        // The name is unique (a custom report's is report-<id>), and microservice reports share the id 0.
        return o instanceof ReportDefinition other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return label();
    }
}
