package io.github.kalturareport.core.check;

import io.github.kalturareport.core.internal.collect.LongHashSet;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who interacted, for the Overview: from user reactions (4021) the users who reacted, chatted, answered polls or
 * opened Q&A; from the chat reports the users who chatted or answered a poll, per room. Fed row by row during the
 * one pass over each of those files, which the check reads before attendees.csv so that
 * {@link SessionOverview} can tell, as each viewer is counted, whether that viewer chatted or answered a poll.
 *
 * <p>Memory: one 64-bit hash (8–16 bytes) per user of 4021 and flag, and per chatting or polling user and room:
 * bounded by users, never by rows or messages. No text of a row is kept; users are known by the hash of their id.
 */
final class Interactions {

    /** The reports that feed the Overview's interaction shares, read before attendees.csv when present. */
    static final List<ReportDefinition> SOURCES = List.of(ReportDefinition.REACTIONS,
            ReportDefinition.CHAT_ACTIVITY, ReportDefinition.CHAT_TRANSCRIPTS, ReportDefinition.POLLS_ACTIVITY);

    /** 4021's users and those of them with a positive count: reacted, chatted, polls answered, Q&A opened. */
    private final LongHashSet reactionUsers = new LongHashSet();
    private final LongHashSet[] reactionFlags = {new LongHashSet(), new LongHashSet(), new LongHashSet(),
        new LongHashSet()};
    /** 4021 without its email column (a fetch that dropped it): one row is one user. */
    private long anonymousRows;
    private final long[] anonymousFlags = new long[4];
    private boolean hasReactions;
    /** Which of 4021's four count columns the file had: a missing one gives no share rather than 0%. */
    private final boolean[] reactionColumns = new boolean[4];

    /** Room (entry id) to the users who chatted or answered a poll in it, and the same over all rooms. */
    private final Map<String, LongHashSet> chattersByRoom = new HashMap<>();
    private final Map<String, LongHashSet> pollersByRoom = new HashMap<>();
    private final LongHashSet chatters = new LongHashSet();
    private final LongHashSet pollers = new LongHashSet();
    private boolean hasChat;
    private boolean hasPolls;

    static final int REACTED = 0;
    static final int CHATTED = 1;
    static final int ANSWERED_POLLS = 2;
    static final int OPENED_QNA = 3;
    private static final String[] REACTION_COLUMNS = {"total_reactions_activity", "messages_sent_group",
        "answered_polls", "qna_threads"};

    /** A consumer of the file's rows when it is one of {@link #SOURCES} with the columns needed, else null. */
    RowConsumer consumer(ReportFile file) {
        ReportDefinition report = file.report();
        if (report.equals(ReportDefinition.REACTIONS)) {
            return reactions(file);
        }
        int room = file.index("entryId");
        int user = file.index("userId");
        if (room < 0 || user < 0) {
            return null; // without a room and a user (personalData=drop) nothing can be matched to a viewer
        }
        if (report.equals(ReportDefinition.CHAT_ACTIVITY)) {
            int messages = file.index("messages");
            int replies = file.index("replies");
            hasChat = true;
            return (row, line) -> {
                // A user listed with no message and no reply only read the chat.
                double sent = messages < 0 ? 1 : file.number(row, messages, "messages", line);
                double replied = replies < 0 ? 0 : file.number(row, replies, "replies", line);
                if (sent > 0 || replied > 0) {
                    add(chattersByRoom, chatters, ReportFile.cell(row, room), ReportFile.hash(row, user));
                }
            };
        }
        if (report.equals(ReportDefinition.CHAT_TRANSCRIPTS)) {
            hasChat = true;
            // Every row is a message its user sent (a later deletion does not undo the sending).
            return (row, line) -> add(chattersByRoom, chatters, ReportFile.cell(row, room),
                    ReportFile.hash(row, user));
        }
        if (report.equals(ReportDefinition.POLLS_ACTIVITY)) {
            hasPolls = true;
            return (row, line) -> add(pollersByRoom, pollers, ReportFile.cell(row, room),
                    ReportFile.hash(row, user));
        }
        return null;
    }

    private RowConsumer reactions(ReportFile file) {
        int email = file.index("email");
        int[] columns = new int[REACTION_COLUMNS.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = file.index(REACTION_COLUMNS[i]);
            reactionColumns[i] |= columns[i] >= 0;
        }
        hasReactions = true;
        return (row, line) -> {
            long user = email >= 0 ? ReportFile.hash(row, email) : 0;
            if (email >= 0) {
                reactionUsers.add(user);
            } else {
                anonymousRows++;
            }
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] >= 0 && file.number(row, columns[i], REACTION_COLUMNS[i], line) > 0) {
                    if (email >= 0) {
                        reactionFlags[i].add(user);
                    } else {
                        anonymousFlags[i]++;
                    }
                }
            }
        };
    }

    private static void add(Map<String, LongHashSet> byRoom, LongHashSet all, String room, long user) {
        byRoom.computeIfAbsent(room, k -> new LongHashSet()).add(user);
        all.add(user);
    }

    boolean hasChat() {
        return hasChat;
    }

    boolean hasPolls() {
        return hasPolls;
    }

    boolean available() {
        return hasReactions || hasChat || hasPolls;
    }

    /** The users who chatted in the room, or null when none did (or there is no chat data). */
    LongHashSet chattersIn(String room) {
        return chattersByRoom.get(room);
    }

    LongHashSet pollersIn(String room) {
        return pollersByRoom.get(room);
    }

    LongHashSet chatters() {
        return chatters;
    }

    LongHashSet pollers() {
        return pollers;
    }

    /** 4021's users; 0 without 4021. */
    long reactionUsers() {
        return hasReactions ? reactionUsers.size() + anonymousRows : 0;
    }

    /** How many of 4021's users have a positive count in the column of {@code flag} ({@link #REACTED} …). */
    long reactionUsersWith(int flag) {
        return reactionFlags[flag].size() + anonymousFlags[flag];
    }

    /** The share of 4021's users with a positive count in the column of {@code flag}; NaN without it. */
    double reactionShare(int flag) {
        long users = reactionUsers();
        return users == 0 || !reactionColumns[flag] ? Double.NaN : (double) reactionUsersWith(flag) / users;
    }
}
