package io.github.kalturareport.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Reports microservice's reports (docs/kaltura-protocol.md, The Reports microservice), from {@link Activity}:
 * the rooms, sessions and users of 6000–6002, {@code entryId}/{@code contextId} the room's {@code entry_id}, user ids
 * and e-mails those of 6001. {@code moderatorTranscripts} has the transcript's columns and only hosts' and
 * moderators' messages; {@code privateTranscripts} has the transcript's columns and no rows (the data set has no
 * private chat).
 */
final class ServiceReports {
    static final List<String> TRANSCRIPT = List.of("entryId", "subContext", "messageId", "sentAt", "userId",
            "userFirstName", "userLastName", "userEmail", "userRole", "message", "repliedToMessageId", "likes",
            "isDeleted");
    static final List<String> MODERATION = List.of("contextId", "contextName", "lastActivity", "pendingThreads",
            "ownedThreads", "resolvedThreads", "doneThreads", "userMessages", "moderatorMessages",
            "resolvedThreadsOwners", "unresolvedThreadsOwners");
    static final List<String> POLLS = List.of("entryId", "pollId", "question", "userId", "userEmail", "answer",
            "answeredAt");
    static final List<String> CHAT_USERS = List.of("entryId", "userId", "userFirstName", "userLastName", "userEmail",
            "userRole", "messages", "replies", "likes");

    /** The report names the service knows, each with its columns. */
    static final Map<String, List<String>> COLUMNS = Map.of("groupChatTranscripts", TRANSCRIPT,
            "moderatorTranscripts", TRANSCRIPT, "privateTranscripts", TRANSCRIPT, "chatModeration", MODERATION,
            "pollsActivity", POLLS, "chatUserActivity", CHAT_USERS);

    private final Activity activity;
    private final Dataset data;

    ServiceReports(Activity activity) {
        this.activity = activity;
        this.data = activity.data();
    }

    static boolean known(String reportName) {
        return reportName != null && COLUMNS.containsKey(reportName);
    }

    /** The report as a CSV body. */
    CsvBody body(String reportName, SessionRange range) {
        return out -> write(reportName, range, out);
    }

    private long write(String reportName, SessionRange range, OutputStream out) throws IOException {
        ServiceCsv csv = new ServiceCsv(out, COLUMNS.get(reportName));
        switch (reportName) {
            case "groupChatTranscripts":
                transcripts(csv, range, false);
                break;
            case "moderatorTranscripts":
                transcripts(csv, range, true);
                break;
            case "chatModeration":
                moderation(csv, range);
                break;
            case "pollsActivity":
                polls(csv, range);
                break;
            case "chatUserActivity":
                chatUsers(csv, range);
                break;
            default:
                break; // privateTranscripts: no private chat in the data set
        }
        return csv.finish();
    }

    static String iso(long second) {
        return Instant.ofEpochSecond(second).toString();
    }

    private void transcripts(ServiceCsv csv, SessionRange range, boolean moderatorsOnly) throws IOException {
        SessionRange.Cursor cursor = range.cursor(data);
        for (Dataset.Session s = cursor.next(); s != null; s = cursor.next()) {
            for (int j = 0; j < s.attendees(); j++) {
                Dataset.Presence p = data.presence(s, j);
                String role = Activity.serviceRole(p.role());
                if (moderatorsOnly && role.equals("attendee")) {
                    continue;
                }
                int count = activity.messageCount(s, j);
                Dataset.User u = count == 0 ? null : data.user(p.userIndex());
                for (int i = 0; i < count; i++) {
                    Activity.Message m = activity.message(s, j, i);
                    csv.row(s.room().entryId(), m.breakout() ? "breakout" : "chat", m.id(), iso(m.sentAt()), u.id(),
                            u.firstName(), u.lastName(), u.email(), role, m.text(), m.repliedTo(), m.likes(),
                            m.deleted());
                }
            }
        }
    }

    private void moderation(ServiceCsv csv, SessionRange range) throws IOException {
        final class Room {
            final Dataset.Room room;
            long lastActivity;
            final long[] threads = new long[4];
            long userMessages;
            long moderatorMessages;
            final Set<String> resolvedOwners = new LinkedHashSet<>();
            final Set<String> unresolvedOwners = new LinkedHashSet<>();

            Room(Dataset.Room room) {
                this.room = room;
            }
        }
        Map<Integer, Room> rooms = new LinkedHashMap<>();
        SessionRange.Cursor cursor = range.cursor(data);
        for (Dataset.Session s = cursor.next(); s != null; s = cursor.next()) {
            Dataset.Room room = s.room();
            Room r = rooms.computeIfAbsent(room.index(), i -> new Room(room));
            int[] threads = activity.threads(s);
            List<String> moderators = new ArrayList<>();
            for (int j = 0; j < s.attendees(); j++) {
                Dataset.Presence p = data.presence(s, j);
                boolean moderator = !Activity.serviceRole(p.role()).equals("attendee");
                if (moderator) {
                    moderators.add(data.user(p.userIndex()).name());
                }
                int count = activity.messageCount(s, j);
                if (moderator) {
                    r.moderatorMessages += count;
                } else {
                    r.userMessages += count;
                }
                if (count > 0) {
                    r.lastActivity = Math.max(r.lastActivity, activity.message(s, j, count - 1).sentAt());
                }
            }
            for (int k = 0; k < 4; k++) {
                r.threads[k] += threads[k];
            }
            if (threads[2] > 0) {
                r.resolvedOwners.addAll(moderators);
            }
            if (threads[0] + threads[1] > 0) {
                r.unresolvedOwners.addAll(moderators);
            }
        }
        for (Room r : rooms.values()) {
            csv.row(r.room.entryId(), r.room.name(), iso(r.lastActivity), r.threads[0], r.threads[1], r.threads[2],
                    r.threads[3], r.userMessages, r.moderatorMessages, String.join("; ", r.resolvedOwners),
                    String.join("; ", r.unresolvedOwners));
        }
    }

    private void polls(ServiceCsv csv, SessionRange range) throws IOException {
        SessionRange.Cursor cursor = range.cursor(data);
        for (Dataset.Session s = cursor.next(); s != null; s = cursor.next()) {
            int polls = activity.pollCount(s);
            for (int q = 0; q < polls; q++) {
                Activity.Poll poll = activity.poll(s, q);
                for (int j = 0; j < s.attendees(); j++) {
                    Activity.Answer a = activity.answer(s, j, q);
                    if (a != null) {
                        Dataset.User u = data.user(data.presence(s, j).userIndex());
                        csv.row(s.room().entryId(), poll.id(), poll.question(), u.id(), u.email(), a.answer(),
                                iso(a.answeredAt()));
                    }
                }
            }
        }
    }

    /** One row per room and user over the range; the role is the user's first in that room. */
    private void chatUsers(ServiceCsv csv, SessionRange range) throws IOException {
        final class Totals {
            final String entryId;
            final int user;
            final String role;
            long messages;
            long replies;
            long likes;

            Totals(String entryId, int user, String role) {
                this.entryId = entryId;
                this.user = user;
                this.role = role;
            }
        }
        Map<String, Totals> totals = new LinkedHashMap<>();
        SessionRange.Cursor cursor = range.cursor(data);
        for (Dataset.Session s = cursor.next(); s != null; s = cursor.next()) {
            for (int j = 0; j < s.attendees(); j++) {
                Dataset.Presence p = data.presence(s, j);
                String role = Activity.serviceRole(p.role());
                String entryId = s.room().entryId();
                Totals t = totals.computeIfAbsent(entryId + "/" + p.userIndex(),
                        k -> new Totals(entryId, p.userIndex(), role));
                int count = activity.messageCount(s, j);
                for (int i = 0; i < count; i++) {
                    Activity.Message m = activity.message(s, j, i);
                    t.messages++;
                    t.replies += m.repliedTo() != null ? 1 : 0;
                    t.likes += m.likes();
                }
            }
        }
        for (Totals t : totals.values()) {
            Dataset.User u = data.user(t.user);
            csv.row(t.entryId, u.id(), u.firstName(), u.lastName(), u.email(), t.role, t.messages, t.replies,
                    t.likes);
        }
    }
}
