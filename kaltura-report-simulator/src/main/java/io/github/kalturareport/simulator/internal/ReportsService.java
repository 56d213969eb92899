package io.github.kalturareport.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Reports microservice (docs/kaltura-protocol.md, The Reports microservice; inferred throughout) on the same
 * server as API v3: {@code POST /api/v1/report/generate} and {@code POST /api/v1/report/serve}, the KS in
 * {@code Authorization: Bearer}, checked by the same rules as API v3 against the request URI. A session's status
 * moves on with each status poll: the progress statuses for the configured number of polls, then
 * {@code completed} ({@code failed} for a failing report; a stalled report never moves on); a session is forgotten
 * after its TTL. Errors are JSON {@code {"code", "message"}}; the KS never appears in an answer.
 */
public final class ReportsService {
    public static final String PREFIX = "/api/v1/report/";
    /** The service name requests are recorded and faults matched under ({@code action=reports.generate}). */
    public static final String SERVICE = "reports";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SESSION_IDS = 31;

    private final ServerState state;
    private final KsGuard guard;
    private final ServiceReports reports;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private long issued;

    ReportsService(ServerState state) {
        this.state = state;
        this.guard = new KsGuard(state);
        this.reports = new ServiceReports(new Activity(state.dataset()));
    }

    /** The report names the service knows. */
    public static java.util.SortedSet<String> reportNames() {
        return new TreeSet<>(ServiceReports.COLUMNS.keySet());
    }

    public static boolean handles(String path) {
        return path != null && (path.startsWith(PREFIX) || path.equals("/api/v1/report"));
    }

    /** One request as read: what it asks for ({@code generate}, {@code status}, {@code download}), and its body. */
    public record Call(String method, String action, String requestUri, String authorization, JsonNode body,
            List<String> names, Map<String, String> publicValues) {
    }

    /** An answer: a small body, or a CSV to stream ({@code csv} not null). */
    public record Answer(int status, Map<String, String> headers, byte[] body, CsvBody csv, String errorCode) {
    }

    /** Reads a request; {@code rawQuery} may be null. Only the parameter names of the query are kept. */
    public static Call read(String method, String path, String rawQuery, String authorization, byte[] body) {
        JsonNode json = null;
        try {
            json = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException unreadable) {
            // answered as a bad request
        }
        List<String> names = new ArrayList<>(ApiRequest.parseForm(rawQuery).keySet());
        Map<String, String> values = new LinkedHashMap<>();
        if (json != null && json.isObject()) {
            collect("", json, names, values);
        }
        String tail = path.substring(Math.min(path.length(), PREFIX.length()));
        String action = tail;
        if (tail.equals("serve")) {
            action = json != null && json.path("statusOnly").asBoolean(false) ? "status" : "download";
        }
        String uri = rawQuery == null ? path : path + "?" + rawQuery;
        return new Call(method, action, uri, authorization, json, List.copyOf(names), values);
    }

    /** Names as {@code reportParameters:from_date_id}; values of scalars, lists joined with commas. */
    private static void collect(String prefix, JsonNode node, List<String> names, Map<String, String> values) {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String key = prefix.isEmpty() ? f.getKey() : prefix + ":" + f.getKey();
            if (!names.contains(key)) {
                names.add(key);
            }
            JsonNode v = f.getValue();
            if (v.isObject()) {
                collect(key, v, names, values);
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.asText()));
                values.put(key, String.join(",", items));
            } else if (!v.isNull()) {
                values.put(key, v.asText());
            }
        }
    }

    public Answer answer(Call call, String remoteIp) {
        if (!call.action().equals("generate") && !call.action().equals("status") && !call.action().equals("download")) {
            return error(404, "NOT_FOUND", "No such endpoint: use POST " + PREFIX + "generate or " + PREFIX
                    + "serve");
        }
        if (!call.method().equals("POST")) {
            Answer a = error(405, "METHOD_NOT_ALLOWED", "Use POST");
            a.headers().put("Allow", "POST");
            return a;
        }
        Ks ks;
        String bearer = bearer(call.authorization());
        if (bearer == null) {
            Answer a = error(401, "INVALID_KS", "No KS: send it as Authorization: Bearer <KS>");
            a.headers().put("WWW-Authenticate", "Bearer");
            return a;
        }
        try {
            ks = guard.verify(bearer, remoteIp, call.requestUri());
        } catch (KsGuard.Refusal r) {
            if (r.restriction()) {
                return error(403, "FORBIDDEN", "The KS may not be used here (" + r.getMessage() + ")");
            }
            Answer a = error(401, "INVALID_KS", "Invalid KS (" + r.getMessage() + ")");
            a.headers().put("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return a;
        }
        if (ks.type() < 1) {
            return error(403, "FORBIDDEN", "The KS is not an admin KS");
        }
        JsonNode body = call.body();
        if (body == null || !body.isObject()) {
            return error(400, "BAD_REQUEST", "The body must be a JSON object");
        }
        return call.action().equals("generate") ? generate(body, ks) : serve(body, call.action().equals("status"));
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.length() < 7 || !a.substring(0, 7).equalsIgnoreCase("bearer ")) {
            return null;
        }
        String ks = a.substring(7).trim();
        return ks.isEmpty() ? null : ks;
    }

    private Answer generate(JsonNode body, Ks ks) {
        String name = body.path("reportName").asText(null);
        if (!ServiceReports.known(name)) {
            return error(400, "UNKNOWN_REPORT", "Unknown reportName [" + name + "]: use one of "
                    + new TreeSet<>(ServiceReports.COLUMNS.keySet()));
        }
        JsonNode p = body.path("reportParameters");
        Set<String> entries;
        Set<String> events;
        Long from;
        Long to;
        try {
            entries = ids(p.path("entries_ids"), "entries_ids");
            events = ids(p.path("virtual_event_ids"), "virtual_event_ids");
            from = day(p.path("from_date_id"), "from_date_id", false);
            to = day(p.path("to_date_id"), "to_date_id", true);
        } catch (IllegalArgumentException e) {
            return error(400, "BAD_REQUEST", e.getMessage());
        }
        if (events != null) {
            for (String event : events) {
                if (!KsGuard.hasValue(ks.privileges().get("virtualeventid"), event)) {
                    return error(403, "FORBIDDEN", "The KS lacks the privilege virtualeventid:" + event);
                }
            }
        }
        String id = newSession(name, new SessionRange(from, to, entries, events));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("sessionId", id);
        return json(200, answer, null);
    }

    /** An id list: a JSON array of strings or numbers (a comma string is tolerated); empty or absent: no filter. */
    private static Set<String> ids(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    throw new IllegalArgumentException(field + " must be a list of ids");
                }
                ids.add(item.asText().trim());
            }
        } else if (node.isTextual()) {
            for (String item : node.asText().split(",")) {
                if (!item.isBlank()) {
                    ids.add(item.trim());
                }
            }
        } else {
            throw new IllegalArgumentException(field + " must be a list of ids");
        }
        ids.remove("");
        return ids.isEmpty() ? null : ids;
    }

    /** A whole UTC day, YYYY-MM-DD: its first second, or its last for an end bound; absent: no bound. */
    private static Long day(JsonNode node, String field, boolean end) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(node.asText());
            long first = d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            return end ? first + 86_399 : first;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a day written YYYY-MM-DD, not '" + node.asText()
                    + "'");
        }
    }

    private Answer serve(JsonNode body, boolean statusOnly) {
        String id = body.path("sessionId").asText(null);
        if (id == null || id.isEmpty()) {
            return error(400, "BAD_REQUEST", "sessionId is missing");
        }
        Session session;
        String status;
        synchronized (this) {
            session = sessions.get(id);
            if (session != null && expired(session)) {
                sessions.remove(id);
                session = null;
            }
            if (session == null) {
                return error(404, "SESSION_NOT_FOUND", "No report session [" + id + "]: unknown or expired");
            }
            if (statusOnly) {
                session.polls++;
            }
            status = session.status(state.service());
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", status);
        if (statusOnly) {
            return json(200, answer, null);
        }
        if (!status.equals("completed")) {
            return json(409, answer, null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/csv");
        headers.put("Content-Disposition", "attachment; filename=\"" + session.reportName + ".csv\"");
        return new Answer(200, headers, null, reports.body(session.reportName, session.range), null);
    }

    private synchronized String newSession(String reportName, SessionRange range) {
        sessions.values().removeIf(this::expired);
        String id;
        do {
            id = "rs_" + String.format(Locale.ROOT, "%016x", Mix.hash(state.dataset().spec().seed(), SESSION_IDS,
                    issued++));
        } while (sessions.containsKey(id));
        sessions.put(id, new Session(reportName, range, state.clock().instant()));
        return id;
    }

    private boolean expired(Session s) {
        return !state.clock().instant().isBefore(s.created.plus(state.service().sessionTtl()));
    }

    private static Answer error(int status, String code, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", code);
        node.put("message", message);
        return json(status, node, code);
    }

    /** An error answer for an injected fault ({@code api-error}, {@code druid-timeout}): HTTP 500 (inferred). */
    static Answer fault(String code, String message) {
        return error(500, code, message);
    }

    private static Answer json(int status, ObjectNode node, String errorCode) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return new Answer(status, headers, node.toString().getBytes(StandardCharsets.UTF_8), null, errorCode);
    }

    /** A report session: its request and the status polls it has answered. */
    private static final class Session {
        final String reportName;
        final SessionRange range;
        final Instant created;
        int polls;

        Session(String reportName, SessionRange range, Instant created) {
            this.reportName = reportName;
            this.range = range;
            this.created = created;
        }

        /** After {@code polls} status polls: a progress status, then the final one. */
        String status(ServiceOptions options) {
            List<String> progress = options.progressStatuses();
            boolean stalled = options.stalled().contains(reportName);
            String done = options.failing().contains(reportName) ? "failed" : "completed";
            if (polls == 0) {
                return stalled || options.pollsBeforeCompletion() > 0 ? progress.get(0) : done;
            }
            if (stalled || polls <= options.pollsBeforeCompletion()) {
                return progress.get(Math.min(polls - 1, progress.size() - 1));
            }
            return done;
        }
    }
}
