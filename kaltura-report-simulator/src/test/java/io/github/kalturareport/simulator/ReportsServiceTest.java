package io.github.kalturareport.simulator;

import static io.github.kalturareport.simulator.ServiceHttp.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Reports microservice over real HTTP: generate, the status sequence, the CSV bodies, Bearer auth. */
class ReportsServiceTest {
    private static final long NOW = 1_750_000_000L;
    static KalturaSimulator sim;
    static String ks;
    static String from;
    static String to;

    @BeforeAll
    static void start() {
        sim = KalturaSimulator.builder().clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).start();
        ks = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "ci", Map.of());
        from = LocalDate.ofInstant(sim.dataStart(), ZoneOffset.UTC).toString();
        to = LocalDate.ofInstant(sim.dataEnd(), ZoneOffset.UTC).toString();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String newSession(String reportName) {
        return ServiceHttp.sessionId(ServiceHttp.generate(sim, ks, reportName, from, to, List.of(), List.of()));
    }

    @Test
    void generateAnswersASessionIdThenPendingProcessingCompletedThenTheCsv() {
        HttpResponse<String> generated = ServiceHttp.generate(sim, ks, "groupChatTranscripts", from, to, List.of(),
                List.of());
        assertThat(generated.statusCode()).isEqualTo(200);
        assertThat(generated.headers().firstValue("Content-Type")).hasValue("application/json");
        String id = field(generated.body(), "sessionId");
        assertThat(id).isNotBlank();
        HttpResponse<String> early = ServiceHttp.download(sim, ks, id);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(field(early.body(), "status")).isEqualTo("pending");
        assertThat(field(ServiceHttp.status(sim, ks, id).body(), "status")).isEqualTo("pending");
        assertThat(field(ServiceHttp.status(sim, ks, id).body(), "status")).isEqualTo("processing");
        HttpResponse<String> stillEarly = ServiceHttp.download(sim, ks, id);
        assertThat(stillEarly.statusCode()).isEqualTo(409);
        assertThat(field(stillEarly.body(), "status")).isEqualTo("processing");
        HttpResponse<String> done = ServiceHttp.status(sim, ks, id);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).isEqualTo("{\"status\":\"completed\"}");
        HttpResponse<String> csv = ServiceHttp.download(sim, ks, id);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(csv.body()).startsWith("entryId,subContext,messageId,sentAt,userId,");
        // Completed stays completed, and the result can be served again.
        assertThat(field(ServiceHttp.status(sim, ks, id).body(), "status")).isEqualTo("completed");
        assertThat(ServiceHttp.download(sim, ks, id).body()).isEqualTo(csv.body());
    }

    @Test
    void eachReportHasTheDocumentedColumnsAndRows() {
        Map<String, List<String>> columns = Map.of(
                "groupChatTranscripts", List.of("entryId", "subContext", "messageId", "sentAt", "userId",
                        "userFirstName", "userLastName", "userEmail", "userRole", "message", "repliedToMessageId",
                        "likes", "isDeleted"),
                "chatModeration", List.of("contextId", "contextName", "lastActivity", "pendingThreads",
                        "ownedThreads", "resolvedThreads", "doneThreads", "userMessages", "moderatorMessages",
                        "resolvedThreadsOwners", "unresolvedThreadsOwners"),
                "pollsActivity", List.of("entryId", "pollId", "question", "userId", "userEmail", "answer",
                        "answeredAt"),
                "chatUserActivity", List.of("entryId", "userId", "userFirstName", "userLastName", "userEmail",
                        "userRole", "messages", "replies", "likes"),
                "moderatorTranscripts", List.of("entryId", "subContext", "messageId", "sentAt", "userId",
                        "userFirstName", "userLastName", "userEmail", "userRole", "message", "repliedToMessageId",
                        "likes", "isDeleted"));
        columns.forEach((name, expected) -> {
            String csv = ServiceHttp.fetch(sim, ks, name, from, to, List.of(), List.of());
            assertThat(ServiceHttp.header(csv)).as(name).containsExactlyElementsOf(expected);
            List<Map<String, String>> rows = ServiceHttp.rows(csv);
            assertThat(rows).as(name).isNotEmpty();
            assertThat(rows).as(name).allSatisfy(r -> assertThat(r).hasSize(expected.size()));
            assertThat(csv).as(name).endsWith("\n").doesNotStartWith("\uFEFF");
        });
        String moderators = ServiceHttp.fetch(sim, ks, "moderatorTranscripts", from, to, List.of(), List.of());
        assertThat(ServiceHttp.rows(moderators)).extracting(r -> r.get("userRole")).containsOnly("host", "moderator");
        String privateChat = ServiceHttp.fetch(sim, ks, "privateTranscripts", from, to, List.of(), List.of());
        assertThat(privateChat).isEqualTo(String.join(",", columns.get("groupChatTranscripts")) + "\n");
    }

    @Test
    void transcriptMessagesWithCommasQuotesAndLineBreaksAreQuotedAndReadBackIntact() {
        String csv = ServiceHttp.fetch(sim, ks, "groupChatTranscripts", from, to, List.of(), List.of());
        // On the wire: RFC 4180 quoting, the CRLF and LF inside values kept as they are.
        assertThat(csv).contains(",\"Agenda:\r\n1. Intro\r\n2. Q&A, then \"\"homework\"\"\",")
                .contains(",\"Welcome, everyone!\nToday: \"\"Data\"\", charts & more.\",");
        List<String> messages = ServiceHttp.rows(csv).stream().map(r -> r.get("message")).toList();
        assertThat(messages).contains("Agenda:\r\n1. Intro\r\n2. Q&A, then \"homework\"",
                "Welcome, everyone!\nToday: \"Data\", charts & more.", "First point\nSecond point",
                "Question:\r\nIs the exam open-book?", "a,b,c", "\"Quoted\" at the start, and a comma",
                "Ends with a line break\n", "  two leading spaces");
        List<Map<String, String>> rows = ServiceHttp.rows(csv);
        assertThat(rows).extracting(r -> r.get("userRole")).contains("host", "moderator", "attendee")
                .containsOnly("host", "moderator", "attendee");
        assertThat(rows).extracting(r -> r.get("subContext")).containsOnly("chat", "breakout");
        assertThat(rows).extracting(r -> r.get("isDeleted")).contains("true", "false");
        assertThat(rows).extracting(r -> r.get("repliedToMessageId")).contains("");
        assertThat(rows).filteredOn(r -> !r.get("repliedToMessageId").isEmpty()).isNotEmpty();
        assertThat(rows).extracting(r -> r.get("userFirstName")).anyMatch(n -> n.contains("\""));
    }

    @Test
    void pollsAndModerationCarryQuotedValues() {
        String polls = ServiceHttp.fetch(sim, ks, "pollsActivity", from, to, List.of(), List.of());
        assertThat(ServiceHttp.rows(polls)).extracting(r -> r.get("question"))
                .contains("Which option, A or B, fits best?", "Did you do the \"pre-reading\"?");
        String moderation = ServiceHttp.fetch(sim, ks, "chatModeration", from, to, List.of(), List.of());
        List<Map<String, String>> rooms = ServiceHttp.rows(moderation);
        assertThat(rooms).extracting(r -> r.get("contextId")).containsExactlyInAnyOrderElementsOf(sim.roomEntryIds());
        assertThat(rooms).extracting(r -> r.get("contextName")).contains("Biology 101, Section A",
                "Ask \"Anything\" Hour");
        assertThat(rooms).extracting(r -> r.get("resolvedThreadsOwners")).anyMatch(o -> o.contains("; "));
    }

    @Test
    void rowsBelongToTheSessionsAndUsersOf6000And6001ForTheSameDaysAndRooms() {
        LocalDate day = LocalDate.ofInstant(sim.dataStart(), ZoneOffset.UTC).plusDays(20);
        LocalDate last = day.plusDays(4);
        long fromSecond = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long toSecond = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
        String event = sim.virtualEventIds().get(0);
        String eventKs = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of("virtualeventid", event));
        String range = "from_date=" + fromSecond + ";to_date=" + toSecond + ";virtual_event_ids=" + event;
        List<Map<String, String>> sessions = ServiceHttp.rows(Http.report(sim, ks, 6000, range).body().substring(1));
        List<Map<String, String>> attendees = ServiceHttp.rows(Http.report(sim, ks, 6001, range).body().substring(1));
        assertThat(sessions).isNotEmpty();
        Map<String, String> emails = new java.util.HashMap<>();
        attendees.forEach(a -> emails.put(a.get("entry_id") + " " + a.get("user_id"), a.get("user_email")));

        List<Map<String, String>> messages = ServiceHttp.rows(ServiceHttp.fetch(sim, eventKs, "groupChatTranscripts",
                day.toString(), last.toString(), List.of(), List.of(event)));
        assertThat(messages).isNotEmpty().allSatisfy(m -> {
            long sentAt = Instant.parse(m.get("sentAt")).getEpochSecond();
            assertThat(sessions).as("a session of room %s holding %s", m.get("entryId"), m.get("sentAt"))
                    .anyMatch(s -> s.get("entry_id").equals(m.get("entryId"))
                            && Long.parseLong(s.get("session_start_time")) <= sentAt
                            && sentAt <= Long.parseLong(s.get("session_end_time")));
            assertThat(emails.get(m.get("entryId") + " " + m.get("userId"))).isEqualTo(m.get("userEmail"));
        });
        assertThat(messages.stream().map(m -> m.get("entryId")).distinct()).containsExactlyInAnyOrderElementsOf(
                sessions.stream().map(s -> s.get("entry_id")).distinct().toList());
        List<Map<String, String>> users = ServiceHttp.rows(ServiceHttp.fetch(sim, eventKs, "chatUserActivity",
                day.toString(), last.toString(), List.of(), List.of(event)));
        assertThat(users).extracting(u -> u.get("entryId") + " " + u.get("userId"))
                .containsExactlyInAnyOrderElementsOf(emails.keySet());
        long total = users.stream().mapToLong(u -> Long.parseLong(u.get("messages"))).sum();
        assertThat(total).isEqualTo(messages.size());
        List<Map<String, String>> polls = ServiceHttp.rows(ServiceHttp.fetch(sim, eventKs, "pollsActivity",
                day.toString(), last.toString(), List.of(), List.of(event)));
        assertThat(polls).allSatisfy(p -> assertThat(emails.get(p.get("entryId") + " " + p.get("userId")))
                .isEqualTo(p.get("userEmail")));
        // The room filter keeps only that room's rows.
        String room = sessions.get(0).get("entry_id");
        assertThat(ServiceHttp.rows(ServiceHttp.fetch(sim, eventKs, "groupChatTranscripts", day.toString(),
                last.toString(), List.of(room), List.of(event)))).isNotEmpty()
                .allSatisfy(m -> assertThat(m.get("entryId")).isEqualTo(room));
    }

    @Test
    void missingBadOrExpiredKsIs401() {
        String id = newSession("chatModeration");
        String body = "{\"sessionId\":\"" + id + "\",\"statusOnly\":true}";
        HttpResponse<String> none = ServiceHttp.post(sim, ServiceHttp.SERVE, null, body);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(field(none.body(), "code")).isEqualTo("INVALID_KS");
        // The service reads the KS from the header only: one in the query or the body is no KS at all.
        assertThat(ServiceHttp.post(sim, ServiceHttp.SERVE + "?ks=" + ks, null, body).statusCode()).isEqualTo(401);
        assertThat(ServiceHttp.post(sim, ServiceHttp.SERVE, null, "{\"ks\":\"" + ks + "\",\"sessionId\":\"" + id
                + "\",\"statusOnly\":true}").statusCode()).isEqualTo(401);
        String wrongSecret = TestKs.v2(1000, "wrong", NOW + 600, 2, "", Map.of());
        HttpResponse<String> bad = ServiceHttp.post(sim, ServiceHttp.SERVE, wrongSecret, body);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("INVALID_STR").doesNotContain(wrongSecret);
        HttpResponse<String> expired = ServiceHttp.post(sim, ServiceHttp.SERVE,
                TestKs.v2(1000, sim.adminSecret(), NOW, 2, "", Map.of()), body);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("EXPIRED");
        assertThat(ServiceHttp.post(sim, ServiceHttp.GENERATE, "garbage", ServiceHttp.generateBody("chatModeration",
                from, to, List.of(), List.of())).statusCode()).isEqualTo(401);
        assertThat(ServiceHttp.post(sim, ServiceHttp.SERVE, "", body).statusCode()).isEqualTo(401);
        // A v1 KS is a KS too.
        assertThat(ServiceHttp.post(sim, ServiceHttp.SERVE, TestKs.v1(1000, sim.adminSecret(), NOW + 600, 2, "", ""),
                body).statusCode()).isEqualTo(200);
    }

    @Test
    void aKsWithoutTheServicePathOrTheEventPrivilegeIs403() {
        String generate = ServiceHttp.generateBody("groupChatTranscripts", from, to, List.of(), List.of());
        String apiOnly = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of("urirestrict",
                "/api_v3/service/report/action/getCsvFromStringParams*"));
        HttpResponse<String> refused = ServiceHttp.post(sim, ServiceHttp.GENERATE, apiOnly, generate);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(field(refused.body(), "code")).isEqualTo("FORBIDDEN");
        assertThat(refused.body()).contains("EXCEEDED_RESTRICTED_URI");
        String both = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of("urirestrict",
                "/api_v3/service/report/action/getCsvFromStringParams*|/api/v1/report/*"));
        assertThat(ServiceHttp.post(sim, ServiceHttp.GENERATE, both, generate).statusCode()).isEqualTo(200);
        String userKs = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 0, "", Map.of());
        assertThat(ServiceHttp.post(sim, ServiceHttp.GENERATE, userKs, generate).statusCode()).isEqualTo(403);
        String elsewhere = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of("iprestrict", "10.1.2.3"));
        assertThat(ServiceHttp.post(sim, ServiceHttp.GENERATE, elsewhere, generate).statusCode()).isEqualTo(403);

        List<String> events = sim.virtualEventIds();
        HttpResponse<String> noPrivilege = ServiceHttp.generate(sim, ks, "groupChatTranscripts", from, to, List.of(),
                List.of(events.get(0)));
        assertThat(noPrivilege.statusCode()).isEqualTo(403);
        assertThat(noPrivilege.body()).contains("virtualeventid:" + events.get(0));
        String oneEvent = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of("virtualeventid",
                events.get(0)));
        assertThat(ServiceHttp.generate(sim, oneEvent, "groupChatTranscripts", from, to, List.of(),
                List.of(events.get(0), events.get(1))).statusCode()).isEqualTo(403);
        String twoEvents = TestKs.v2(1000, sim.adminSecret(), NOW + 600, 2, "", Map.of("virtualeventid",
                events.get(0) + "/" + events.get(1)));
        assertThat(ServiceHttp.generate(sim, twoEvents, "groupChatTranscripts", from, to, List.of(),
                List.of(events.get(0), events.get(1))).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownReportNameIs400AndUnknownSessionIs404() {
        HttpResponse<String> unknown = ServiceHttp.generate(sim, ks, "noSuchReport", from, to, List.of(), List.of());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(field(unknown.body(), "code")).isEqualTo("UNKNOWN_REPORT");
        assertThat(unknown.body()).contains("groupChatTranscripts");
        HttpResponse<String> badDay = ServiceHttp.generate(sim, ks, "pollsActivity", "2026-13-01", to, List.of(),
                List.of());
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("from_date_id");
        assertThat(ServiceHttp.post(sim, ServiceHttp.GENERATE, ks, "not json").statusCode()).isEqualTo(400);
        for (HttpResponse<String> r : List.of(ServiceHttp.status(sim, ks, "rs_nope"),
                ServiceHttp.download(sim, ks, "rs_nope"))) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(field(r.body(), "code")).isEqualTo("SESSION_NOT_FOUND");
        }
        assertThat(ServiceHttp.post(sim, "/api/v1/report/list", ks, "{}").statusCode()).isEqualTo(404);
    }
}
