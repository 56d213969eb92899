package io.github.kalturareport.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Calls to the simulator's Reports microservice over real HTTP, and Commons CSV as the reader of its answers. */
final class ServiceHttp {
    static final String GENERATE = "/api/v1/report/generate";
    static final String SERVE = "/api/v1/report/serve";
    private static final Pattern FIELD = Pattern.compile("\"(sessionId|status|code)\"\\s*:\\s*\"([^\"]*)\"");

    private ServiceHttp() {
    }

    /** POST a JSON body; {@code ks} null sends no Authorization header. */
    static HttpResponse<String> post(KalturaSimulator sim, String pathAndQuery, String ks, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (ks != null) {
            b.header("Authorization", "Bearer " + ks);
        }
        return Http.send(b.build());
    }

    static String generateBody(String reportName, String from, String to, List<String> entries, List<String> events) {
        return "{\"reportName\":\"" + reportName + "\",\"reportParameters\":{" + "\"entries_ids\":" + list(entries)
                + ",\"virtual_event_ids\":" + list(events) + (from == null ? "" : ",\"from_date_id\":\"" + from + "\"")
                + (to == null ? "" : ",\"to_date_id\":\"" + to + "\"") + "}}";
    }

    private static String list(List<String> ids) {
        List<String> quoted = new ArrayList<>();
        ids.forEach(id -> quoted.add("\"" + id + "\""));
        return "[" + String.join(",", quoted) + "]";
    }

    static HttpResponse<String> generate(KalturaSimulator sim, String ks, String reportName, String from, String to,
            List<String> entries, List<String> events) {
        return post(sim, GENERATE, ks, generateBody(reportName, from, to, entries, events));
    }

    static String sessionId(HttpResponse<String> generated) {
        if (generated.statusCode() != 200) {
            throw new IllegalStateException("generate answered " + generated.statusCode() + ": " + generated.body());
        }
        return field(generated.body(), "sessionId");
    }

    static HttpResponse<String> status(KalturaSimulator sim, String ks, String sessionId) {
        return post(sim, SERVE, ks, "{\"sessionId\":\"" + sessionId + "\",\"statusOnly\":true}");
    }

    static HttpResponse<String> download(KalturaSimulator sim, String ks, String sessionId) {
        return post(sim, SERVE, ks, "{\"sessionId\":\"" + sessionId + "\"}");
    }

    /** generate, poll until completed (at most 20 polls), download: the CSV body. */
    static String fetch(KalturaSimulator sim, String ks, String reportName, String from, String to,
            List<String> entries, List<String> events) {
        String id = sessionId(generate(sim, ks, reportName, from, to, entries, events));
        for (int i = 0; i < 20; i++) {
            if (field(status(sim, ks, id).body(), "status").equals("completed")) {
                HttpResponse<String> csv = download(sim, ks, id);
                if (csv.statusCode() != 200) {
                    throw new IllegalStateException("serve answered " + csv.statusCode() + ": " + csv.body());
                }
                return csv.body();
            }
        }
        throw new IllegalStateException("never completed: " + reportName);
    }

    /** A string field of a flat JSON answer ({@code sessionId}, {@code status}, {@code code}). */
    static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("No " + name + " in " + json);
    }

    /** The CSV read by Commons CSV (RFC 4180) with its header: one map per row. */
    static List<Map<String, String>> rows(String csv) {
        try {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv))) {
                rows.add(r.toMap());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header names, as Commons CSV reads them. */
    static List<String> header(String csv) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)).getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
